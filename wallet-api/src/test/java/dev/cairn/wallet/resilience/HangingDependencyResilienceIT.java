package dev.cairn.wallet.resilience;

import dev.cairn.wallet.testing.CairnProcess;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import dev.cairn.credentials.Issuers.DidKeyEd25519Issuer;
import dev.cairn.credentials.jose.Ed25519Jws;
import dev.cairn.credentials.sdjwt.SdJwtBuilder;
import dev.cairn.wallet.testing.Api;
import dev.cairn.wallet.testing.Credentials;
import dev.cairn.wallet.testing.LoopbackHttps;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A did:web issuer and a status list on a loopback HTTPS server that accepts connections and then never answers, or
 * trickles a byte at a time: imports depending on it end within the outbound fetch deadline with a problem, and
 * requests that do not depend on it keep their latency.
 */
class HangingDependencyResilienceIT {
  private static final long FETCH_DEADLINE_MS = 2_000;
  /** Verification, storage and a busy 2-core machine on top of the fetch deadline. */
  private static final long SLACK_MS = 1_500;
  private static final int UNRELATED_REQUESTS = 1_200;
  private static final int READERS = 4;
  private static final int DEPENDENT_CLIENTS = 6;

  private final Credentials issuer = new Credentials();
  private final DidKeyEd25519Issuer webKey = DidKeyEd25519Issuer.generate();
  private final AtomicInteger made = new AtomicInteger();

  @Test
  void importsDependingOnAHangingServerEndWithinTheDeadlineAndUnrelatedRequestsKeepTheirP99(@TempDir Path dir)
      throws Exception {
    try (LoopbackHttps https = new LoopbackHttps()) {
      https.server.on("/.well-known/did.json", request -> { /* accepted, never answered */ });
      https.server.on("/slow/did.json", request -> trickle(request, "application/did+json"));
      https.server.on("/statuslists/1", request -> trickle(request, "application/statuslist+jwt"));
      String host = "localhost%3A" + https.server.port();
      String hangingDid = "did:web:" + host;
      String tricklingDid = "did:web:" + host + ":slow";
      String tricklingStatusList = https.url("/statuslists/1");

      try (CairnProcess cairn = CairnProcess.start(dir.resolve("home"),
          https.cairnEnvironment(Map.of("CAIRN_HTTP_FETCH_TIMEOUT_MS", Long.toString(FETCH_DEADLINE_MS))))) {
        Api api = cairn.api();
        String token = api.signUp("hang@example.org").getString("accessToken");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
          Api.Response created = importRaw(api, token, issuer.sdJwt(issuer.claims("Held course " + i, issued())));
          assertEquals(201, created.status(), created.body());
          ids.add(created.json().getString("id"));
        }
        unrelated(api, token, ids); // warm-up: JIT, pool, caches
        List<Outcome> baseline = unrelated(api, token, ids);

        List<Outcome> hanging = new CopyOnWriteArrayList<>();
        List<Outcome> trickling = new CopyOnWriteArrayList<>();
        List<Outcome> statusTrickling = new CopyOnWriteArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService dependents = Executors.newFixedThreadPool(DEPENDENT_CLIENTS);
        for (int c = 0; c < DEPENDENT_CLIENTS; c++) {
          int client = c;
          dependents.submit(() -> {
            while (!stop.get()) {
              if (client % 3 == 0) {
                hanging.add(Outcome.of(() -> importRaw(api, token, signedByDidWeb(hangingDid))));
              } else if (client % 3 == 1) {
                trickling.add(Outcome.of(() -> importRaw(api, token, signedByDidWeb(tricklingDid))));
              } else {
                statusTrickling.add(Outcome.of(() -> importRaw(api, token, withStatusOn(tricklingStatusList))));
              }
            }
          });
        }
        Thread.sleep(500);
        List<Outcome> during = unrelated(api, token, ids);
        stop.set(true);
        dependents.shutdown();
        assertTrue(dependents.awaitTermination(60, TimeUnit.SECONDS));

        long limit = FETCH_DEADLINE_MS + SLACK_MS;
        for (Outcome outcome : concat(hanging, trickling)) {
          Api.Response answer = outcome.response().orElseThrow(() -> new AssertionError(outcome.describe()));
          assertEquals(422, answer.status(), outcome::describe);
          assertEquals("application/problem+json", answer.header("Content-Type").orElse(""), outcome::describe);
          assertEquals("credential-issuer-key", answer.problemCode(), outcome::describe);
          assertTrue(outcome.millis() <= limit, () -> "within " + limit + " ms: " + outcome.describe());
        }
        for (Outcome outcome : statusTrickling) {
          Api.Response answer = outcome.response().orElseThrow(() -> new AssertionError(outcome.describe()));
          assertEquals(201, answer.status(), outcome::describe);
          assertEquals("unknown", answer.json().getString("status"), "stored, its status unknown: " + answer.body());
          assertTrue(outcome.millis() <= limit, () -> "within " + limit + " ms: " + outcome.describe());
        }
        for (List<Outcome> kind : List.of(hanging, trickling, statusTrickling)) {
          assertTrue(waitedTheDeadline(kind) > 0, "each hang was met: some request waited the whole deadline");
        }
        for (Outcome outcome : during) {
          assertEquals(200, outcome.status(), outcome::describe);
        }
        long baseP99 = Latencies.percentile(baseline, 99);
        long hangP99 = Latencies.percentile(during, 99);
        long bound = Math.max(3 * baseP99, baseP99 + 250);
        assertTrue(hangP99 < bound, "unrelated p99 " + hangP99 + " ms with the hang, " + baseP99 + " ms without");
        System.out.printf("[resilience] hanging dependency (deadline %d ms): imports with did:web never answering %d "
                + "(%d waited the deadline, max %d ms), did:web trickling %d (%d, max %d ms), status list trickling %d "
                + "(%d, max %d ms); unrelated reads p50/p99 %d/%d ms without, %d/%d ms with the hang (bound %d ms)%n",
            FETCH_DEADLINE_MS, hanging.size(), waitedTheDeadline(hanging), Latencies.max(hanging), trickling.size(),
            waitedTheDeadline(trickling), Latencies.max(trickling), statusTrickling.size(),
            waitedTheDeadline(statusTrickling), Latencies.max(statusTrickling), Latencies.percentile(baseline, 50),
            baseP99, Latencies.percentile(during, 50), hangP99, bound);
      }
    }
  }

  /**
   * Requests that waited out the fetch deadline; the others shared a fetch already in flight (the resolver and the
   * status checker ask once per URL at a time) and ended with it.
   */
  private static long waitedTheDeadline(List<Outcome> outcomes) {
    return outcomes.stream().filter(outcome -> outcome.millis() >= FETCH_DEADLINE_MS - 50).count();
  }

  /** Lists and single credentials of the learner: nothing here fetches anything from outside. */
  private static List<Outcome> unrelated(Api api, String token, List<String> ids) throws Exception {
    List<Outcome> outcomes = new CopyOnWriteArrayList<>();
    AtomicInteger next = new AtomicInteger();
    ExecutorService readers = Executors.newFixedThreadPool(READERS);
    for (int r = 0; r < READERS; r++) {
      readers.submit(() -> {
        for (int i = next.getAndIncrement(); i < UNRELATED_REQUESTS; i = next.getAndIncrement()) {
          String path = i % 2 == 0 ? "/v1/credentials?limit=20" : "/v1/credentials/" + ids.get(i % ids.size());
          outcomes.add(Outcome.of(() -> api.get(path, token)));
        }
      });
    }
    readers.shutdown();
    assertTrue(readers.awaitTermination(120, TimeUnit.SECONDS));
    assertEquals(UNRELATED_REQUESTS, outcomes.size());
    return outcomes;
  }

  /** Headers at once (the media type the client asks for), then a byte every 200 ms for as long as it listens. */
  private static void trickle(HttpServerRequest request, String mediaType) {
    Vertx vertx = Vertx.currentContext().owner();
    var response = request.response().setChunked(true).putHeader("Content-Type", mediaType);
    response.write("e");
    long timer = vertx.setPeriodic(200, t -> response.write(" "));
    request.connection().closeHandler(closed -> vertx.cancelTimer(timer));
  }

  /** An SD-JWT VC whose issuer is {@code did}, signed by a key that DID would have to publish. */
  private String signedByDidWeb(String did) {
    JsonObject claims = Credentials.microCredential(did, "Web course " + made.incrementAndGet(), "A course", issued());
    return new SdJwtBuilder(claims, Set.of("given_name"), Set.of()).sign(new JWSHeader.Builder(JWSAlgorithm.EdDSA)
        .type(new JOSEObjectType("dc+sd-jwt")).keyID(did + "#key-1"), Ed25519Jws.signer(webKey.key()));
  }

  private String withStatusOn(String statusList) {
    JsonObject claims = issuer.claims("Status course " + made.incrementAndGet(), issued())
        .put("status", new JsonObject().put("status_list", new JsonObject().put("idx", 3).put("uri", statusList)));
    return issuer.sdJwt(claims);
  }

  private static Api.Response importRaw(Api api, String token, String credential) {
    return api.postRaw("/v1/credentials", token, "application/dc+sd-jwt", credential.getBytes(StandardCharsets.UTF_8));
  }

  private static Instant issued() {
    return Instant.now().minusSeconds(3600);
  }

  private static List<Outcome> concat(List<Outcome> a, List<Outcome> b) {
    List<Outcome> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
