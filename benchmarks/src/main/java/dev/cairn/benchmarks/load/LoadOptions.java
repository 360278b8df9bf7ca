package dev.cairn.benchmarks.load;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The command line, read once into a typed record.
 *
 * @param bases      the instances to load, one or more; requests go to them in turn, as a round-robin load
 *                   balancer would send them
 * @param importPool credentials signed in advance for the import scenario; when they run out the scenario ends
 *                   early and says so (re-importing would measure the duplicate path instead)
 */
record LoadOptions(List<URI> bases, List<Scenario> scenarios, int concurrency, Duration warmup, Duration duration,
                   int walletSize, int importPool, int presentations, boolean json, boolean dryRun) {

  static final String USAGE = """
      usage: WalletLoad [--base http://127.0.0.1:8080[,http://127.0.0.1:8081…]] [--scenario import|list|search|present|mix|all|list,search]
                        [--concurrency 16] [--duration 30] [--warmup 10] [--wallet-size 1000] [--credentials N]
                        [--presentations N] [--json] [--dry-run]""";

  /** Sign-in happens just before each scenario's warm-up, and an access token lives 15 minutes. */
  static final Duration LONGEST_RUN = Duration.ofMinutes(14);

  private static final Set<String> FLAGS = Set.of("--json", "--dry-run");
  private static final Set<String> VALUED = Set.of("--base", "--scenario", "--concurrency", "--duration",
      "--warmup", "--wallet-size", "--credentials", "--presentations");

  static LoadOptions parse(String[] args) {
    Map<String, String> given = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      if (FLAGS.contains(name)) {
        given.put(name, "true");
      } else if (VALUED.contains(name) && i + 1 < args.length) {
        given.put(name, args[++i]);
      } else {
        throw new IllegalArgumentException(VALUED.contains(name) ? name + " needs a value" : "unknown option " + name);
      }
    }
    List<URI> bases = Arrays.stream(given.getOrDefault("--base", "http://127.0.0.1:8080").split(","))
        .map(base -> URI.create(base.strip().replaceAll("/+$", ""))).toList();
    int concurrency = positive(given, "--concurrency", 16);
    Duration warmup = Duration.ofSeconds(atLeast(given, "--warmup", 10, 0));
    Duration duration = Duration.ofSeconds(positive(given, "--duration", 30));
    if (warmup.plus(duration).compareTo(LONGEST_RUN) > 0) {
      throw new IllegalArgumentException("--warmup + --duration must be at most " + LONGEST_RUN.toSeconds()
          + " s: an access token lives 15 minutes and the generator signs in once per scenario");
    }
    // Enough for 1,000 imports/s (twice the target) over warm-up and measurement.
    int importPool = positive(given, "--credentials", (int) Math.min(200_000, warmup.plus(duration).toSeconds() * 1_000));
    return new LoadOptions(bases, scenarios(given.getOrDefault("--scenario", "all")), concurrency, warmup, duration,
        positive(given, "--wallet-size", 1_000), importPool,
        positive(given, "--presentations", OpenRequests.defaultCount(warmup, duration)), given.containsKey("--json"),
        given.containsKey("--dry-run"));
  }

  private static List<Scenario> scenarios(String value) {
    if (value.equals("all")) {
      return List.of(Scenario.values());
    }
    EnumSet<Scenario> chosen = EnumSet.noneOf(Scenario.class);
    for (String name : value.split(",")) {
      try {
        chosen.add(Scenario.valueOf(name.trim().toUpperCase(java.util.Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--scenario must be import, list, search, present, mix or all, not " + name);
      }
    }
    return List.copyOf(chosen);
  }

  private static int positive(Map<String, String> given, String name, int fallback) {
    return atLeast(given, name, fallback, 1);
  }

  private static int atLeast(Map<String, String> given, String name, int fallback, int min) {
    String value = given.get(name);
    if (value == null) {
      return fallback;
    }
    try {
      int parsed = Integer.parseInt(value);
      if (parsed >= min) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below with the same message as an out-of-range value
    }
    throw new IllegalArgumentException(name + " must be an integer ≥ " + min + ", not " + value);
  }
}
