package dev.cairn.benchmarks.load;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A load generator for Cairn's REST API, measuring the scaling issue's scenarios against a running server:
 * <ul>
 *   <li>{@code import}: each request imports a different SD-JWT VC (ES256, did:key P-256 issuers), one learner
 *       per worker; target ≥ 500 credentials/s with p99 &lt; 50 ms.</li>
 *   <li>{@code list}: the first page ({@code limit=20}) of one learner's wallet, filled beforehand with
 *       {@code --wallet-size} credentials through the import endpoint (unmeasured); target ≥ 3,000 req/s with
 *       p99 &lt; 20 ms.</li>
 *   <li>{@code search}: full-text search on that wallet, cycling through a few words that each match a subset;
 *       reported without a target.</li>
 *   <li>{@code mix}: the scaling issue's realistic mix (70 % list/search/get, 20 % import, 10 % presentation
 *       answers), one row per operation with p50/p90/p99/p99.9; no target.</li>
 *   <li>{@code present}: an employer's open OpenID4VP requests (made beforehand, unmeasured), each answered once by
 *       a wallet's direct_post to its response URI: an SD-JWT VC + ES256 KB-JWT, verified against nonce, audience,
 *       issuer key and the DCQL query, then stored; target ≥ 800 presentations/s with p99 &lt; 50 ms.</li>
 * </ul>
 * Every credential is signed before any scenario starts, so signing never competes with the server while it is
 * measured. Each scenario signs its learners in just before its warm-up; an access token lives 15 minutes, so
 * warm-up plus duration may not exceed 14 minutes. Learners are new for every run (their e-mail carries a run id).
 *
 * <p>Usage, with the server running in another terminal ({@code ./cairn run}, or
 * {@code CAIRN_HOME=$(mktemp -d) CAIRN_HTTP_PORT=8080 java -jar wallet-api/target/cairn.jar}):
 * <pre>
 * mvn -B -q -Pbenchmarks -pl benchmarks -am install -DskipTests
 * java -cp benchmarks/target/benchmarks.jar dev.cairn.benchmarks.load.WalletLoad --dry-run
 * java -cp benchmarks/target/benchmarks.jar dev.cairn.benchmarks.load.WalletLoad --base http://127.0.0.1:8080 \
 *     --scenario import|list|search|all --concurrency 16 --duration 30 --warmup 10 [--wallet-size 1000] \
 *     [--credentials N] [--json]
 * </pre>
 * {@code --scenario} also takes a comma-separated list ({@code list,search}). {@code --credentials} is how many
 * credentials the import scenario signs in advance (default 1,000 per second of warm-up and duration; about 2 KB
 * each); if they run out, the scenario ends early and says so. {@code --json} prints the results as JSON after the
 * table. Latencies are in milliseconds over every measured request, errors included; a target counts as met only
 * with no errors. Client and server on one machine share its cores: for numbers to hold against the
 * targets, run the generator elsewhere or pin each to its own cores ({@code taskset}).
 */
public final class WalletLoad {
  private final LoadOptions options;
  private final WalletClient client;
  private final Learners learners;
  private final ClosedLoop loop;
  private static final String WALLET = "wallet";
  private boolean walletFilled;

  private WalletLoad(LoadOptions options) {
    this.options = options;
    this.client = new WalletClient(options.bases());
    String runId = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    this.learners = new Learners(client, runId, options.concurrency());
    this.loop = new ClosedLoop(client, options.concurrency(), options.warmup(), options.duration());
  }

  public static void main(String[] args) throws Exception {
    LoadOptions options;
    try {
      options = LoadOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage() + "\n" + LoadOptions.USAGE);
      System.exit(2);
      return;
    }
    if (options.dryRun()) {
      DryRun.run();
      return;
    }
    List<ScenarioResult> results;
    try {
      results = new WalletLoad(options).run();
    } catch (IllegalStateException e) {
      // A setup call failed; the message names the call and the server's answer.
      System.err.println("wallet-load: " + e.getMessage());
      System.exit(1);
      return;
    } catch (IOException e) {
      System.err.println("wallet-load: cannot reach " + options.bases() + ": " + e);
      System.exit(1);
      return;
    }
    System.out.print(Report.table(results));
    if (options.json()) {
      System.out.println(Report.json(results));
    }
  }

  private List<ScenarioResult> run() throws Exception {
    MicroCredentials issuer = new MicroCredentials(Instant.now());
    boolean importing = options.scenarios().contains(Scenario.IMPORT) || options.scenarios().contains(Scenario.MIX);
    boolean filling = options.scenarios().stream().anyMatch(scenario -> scenario == Scenario.LIST
        || scenario == Scenario.SEARCH || scenario == Scenario.MIX);
    List<String> wallet = filling ? sign(issuer, 0, options.walletSize(), "for the filled wallet") : List.of();
    List<String> pool = importing ? sign(issuer, options.walletSize(), options.importPool(), "to import") : List.of();
    List<ScenarioResult> results = new ArrayList<>();
    for (Scenario scenario : options.scenarios()) {
      progress("%s: %d workers, %d s warm-up, %d s measured", scenario.label(), options.concurrency(),
          options.warmup().toSeconds(), options.duration().toSeconds());
      switch (scenario) {
        case IMPORT -> results.add(importing(pool));
        case LIST -> results.add(listing(wallet));
        case SEARCH -> results.add(searching(wallet));
        case PRESENT -> results.add(presenting(issuer));
        case MIX -> results.addAll(mixing(issuer, wallet, pool));
      }
    }
    return results;
  }

  private ScenarioResult importing(List<String> pool) throws Exception {
    List<String> tokens = learners.register("import", options.concurrency());
    List<String> notes = new ArrayList<>();
    // The first import, unmeasured, shows the 201 body has the stored credential's id before thousands follow.
    WalletClient.Response first = WalletClient.expect(201, client.send(client.importing(tokens.get(0), pool.get(0))),
        "POST /v1/credentials (first import)");
    notes.add("first import: 201 with id " + Json.withId(first, "POST /v1/credentials").getString("id"));
    AtomicInteger next = new AtomicInteger(1);
    ClosedLoop.Measurement measured = loop.run(worker -> {
      int index = next.getAndIncrement();
      return index < pool.size() ? Optional.of(client.importing(tokens.get(worker), pool.get(index))) : Optional.empty();
    });
    if (measured.ranOut()) {
      notes.add(String.format("the %,d pre-signed credentials ran out; measured %.1f s only: raise --credentials",
          pool.size(), measured.window().toNanos() / 1e9));
    }
    return ScenarioResult.of(Scenario.IMPORT, options.concurrency(), measured, notes);
  }

  private ScenarioResult listing(List<String> wallet) throws Exception {
    HttpRequest firstPage = client.firstPage(filledWalletToken(wallet));
    Json.Page page = Json.page(WalletClient.expect(200, client.send(firstPage), "GET /v1/credentials"));
    List<String> notes = new ArrayList<>(List.of("first page: " + page));
    int expected = Math.min(WalletClient.PAGE_SIZE, options.walletSize());
    if (page.items() != expected) {
      notes.add("expected " + expected + " items on the first page of a " + options.walletSize() + "-credential wallet");
    }
    return ScenarioResult.of(Scenario.LIST, options.concurrency(), loop.run(worker -> Optional.of(firstPage)), notes);
  }

  private ScenarioResult searching(List<String> wallet) throws Exception {
    String token = filledWalletToken(wallet);
    List<String> queries = CourseCatalogue.SEARCH_QUERIES;
    List<HttpRequest> requests = queries.stream().map(words -> client.search(token, words)).toList();
    List<String> hits = new ArrayList<>();
    for (int i = 0; i < queries.size(); i++) {
      Json.Page page = Json.page(WalletClient.expect(200, client.send(requests.get(i)), "GET /v1/credentials?q="));
      hits.add("'" + queries.get(i) + "' " + page.items() + (page.more() ? "+" : ""));
    }
    List<String> notes = new ArrayList<>(List.of("hits on the first page: " + String.join(", ", hits)));
    if (hits.stream().allMatch(hit -> hit.endsWith(" 0"))) {
      notes.add("no query found anything: does the server index the claims these credentials carry "
          + "(achievement name, description and criteria, issuer_name, skills)?");
    }
    // Each worker walks the list from its own offset, so every query is in flight at any moment.
    int[] turn = new int[options.concurrency()];
    ClosedLoop.Measurement measured = loop.run(worker ->
        Optional.of(requests.get((worker + turn[worker]++) % requests.size())));
    return ScenarioResult.of(Scenario.SEARCH, options.concurrency(), measured, notes);
  }

  private ScenarioResult presenting(MicroCredentials issuer) throws Exception {
    String runId = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    String employer = client.registerEmployer("hr-" + runId + "@employer.example", "a long enough password",
        "Load Test Employer " + runId);
    long started = System.nanoTime();
    OpenRequests requests = new OpenRequests(client, issuer);
    List<OpenRequests.Answer> answers = requests.prepare(employer, options.presentations(), options.concurrency());
    progress("made %,d presentation requests and their answers in %.1f s", answers.size(),
        (System.nanoTime() - started) / 1e9);
    List<String> notes = new ArrayList<>();
    AtomicInteger next = new AtomicInteger();
    ClosedLoop.Measurement measured = loop.run(worker -> {
      int index = next.getAndIncrement();
      return index < answers.size() ? Optional.of(requests.post(answers.get(index))) : Optional.empty();
    });
    if (measured.ranOut()) {
      notes.add(String.format("the %,d prepared answers ran out; measured %.1f s only: raise --presentations",
          answers.size(), measured.window().toNanos() / 1e9));
    }
    return ScenarioResult.of(Scenario.PRESENT, options.concurrency(), measured, notes);
  }

  /**
   * The mix: each worker draws its next operation (35 % list, 20 % search, 15 % one credential, 20 % import, 10 %
   * presentation answer); imports and answers come from pools made beforehand, and a worker whose pool ran out
   * reads instead (noted). One row per operation, all over the same window.
   */
  private List<ScenarioResult> mixing(MicroCredentials issuer, List<String> wallet, List<String> pool) throws Exception {
    String reader = filledWalletToken(wallet);
    List<String> ids = Json.ids(WalletClient.expect(200, client.send(client.firstPage(reader)), "GET /v1/credentials"));
    List<String> importers = learners.register("mix-import", options.concurrency());
    String runId = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    String employer = client.registerEmployer("hr-mix-" + runId + "@employer.example", "a long enough password",
        "Mix Employer " + runId);
    OpenRequests requests = new OpenRequests(client, issuer);
    // A tenth of the requests at twice the present target's rate, over warm-up and measurement.
    int answersNeeded = (int) Math.max(1_000, options.warmup().plus(options.duration()).toSeconds() * 160);
    long started = System.nanoTime();
    List<OpenRequests.Answer> answers = requests.prepare(employer, answersNeeded, options.concurrency());
    progress("made %,d presentation requests and their answers in %.1f s", answers.size(),
        (System.nanoTime() - started) / 1e9);
    List<String> queries = CourseCatalogue.SEARCH_QUERIES;
    AtomicInteger nextImport = new AtomicInteger();
    AtomicInteger nextAnswer = new AtomicInteger();
    AtomicInteger exhausted = new AtomicInteger();
    Map<String, ClosedLoop.Measurement> measured = loop.runLabelled(worker -> {
      int draw = ThreadLocalRandom.current().nextInt(100);
      if (draw >= 90) {
        int index = nextAnswer.getAndIncrement();
        if (index < answers.size()) {
          return Optional.of(new ClosedLoop.Labelled("mix:present", requests.post(answers.get(index))));
        }
        exhausted.incrementAndGet();
      } else if (draw >= 70) {
        int index = nextImport.getAndIncrement();
        if (index < pool.size()) {
          return Optional.of(new ClosedLoop.Labelled("mix:import", client.importing(importers.get(worker), pool.get(index))));
        }
        exhausted.incrementAndGet();
      } else if (draw >= 55) {
        return Optional.of(new ClosedLoop.Labelled("mix:get", client.credential(reader, ids.get(draw % ids.size()))));
      } else if (draw >= 35) {
        return Optional.of(new ClosedLoop.Labelled("mix:search", client.search(reader, queries.get(draw % queries.size()))));
      }
      return Optional.of(new ClosedLoop.Labelled("mix:list", client.firstPage(reader)));
    });
    List<ScenarioResult> results = new ArrayList<>();
    double total = measured.values().stream().mapToDouble(ClosedLoop.Measurement::perSecond).sum();
    for (Map.Entry<String, ClosedLoop.Measurement> operation : measured.entrySet()) {
      List<String> notes = new ArrayList<>();
      if (results.isEmpty()) {
        notes.add(String.format("all operations together: %,.1f req/s", total));
        if (exhausted.get() > 0) {
          notes.add(String.format("%,d draws found their pool empty and read instead: raise --credentials", exhausted.get()));
        }
      }
      results.add(ScenarioResult.of(Scenario.MIX, operation.getKey(), options.concurrency(), operation.getValue(), notes));
    }
    return results;
  }

  /**
   * Fills the list and search wallet on first use, then signs in: the token is fresh for every scenario however
   * long the filling took.
   */
  private String filledWalletToken(List<String> wallet) throws Exception {
    if (!walletFilled) {
      String token = learners.register(WALLET, 1).get(0);
      long started = System.nanoTime();
      learners.fill(token, wallet);
      progress("filled one wallet with %,d credentials in %.1f s", wallet.size(), (System.nanoTime() - started) / 1e9);
      walletFilled = true;
    }
    return learners.signIn(WALLET, 0);
  }

  private static List<String> sign(MicroCredentials issuer, int first, int count, String purpose) {
    long started = System.nanoTime();
    List<String> signed = issuer.issue(first, count);
    progress("signed %,d credentials %s in %.1f s", count, purpose, (System.nanoTime() - started) / 1e9);
    return signed;
  }

  private static void progress(String format, Object... args) {
    System.err.println("wallet-load: " + String.format(format, args));
  }
}
