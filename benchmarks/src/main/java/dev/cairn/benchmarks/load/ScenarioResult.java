package dev.cairn.benchmarks.load;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One scenario's numbers: counts by outcome, throughput over the measured window, and latency percentiles
 * (nearest rank, over every recorded request, errors included) in milliseconds.
 *
 * @param notes what the reader must know to trust the numbers (requests ran out, what the probe saw)
 */
record ScenarioResult(Scenario scenario, String name, int concurrency, long requests, long successes,
                      Map<String, Long> outcomes, List<String> errorSamples, double seconds, double perSecond,
                      double p50, double p90, double p99, double p999, double max, List<String> notes) {

  static ScenarioResult of(Scenario scenario, int concurrency, ClosedLoop.Measurement measurement, List<String> notes) {
    return of(scenario, scenario.label(), concurrency, measurement, notes);
  }

  /** One operation of a mixed workload, named {@code name}, measured over the workload's window. */
  static ScenarioResult of(Scenario scenario, String name, int concurrency, ClosedLoop.Measurement measurement,
                           List<String> notes) {
    Tally tally = measurement.tally();
    long[] sorted = tally.sortedNanos();
    return new ScenarioResult(scenario, name, concurrency, tally.requests(), tally.successes(),
        Collections.unmodifiableMap(new TreeMap<>(tally.outcomes())),
        List.copyOf(tally.errorSamples()), measurement.window().toNanos() / 1e9, measurement.perSecond(),
        percentile(sorted, 0.50), percentile(sorted, 0.90), percentile(sorted, 0.99), percentile(sorted, 0.999),
        percentile(sorted, 1.0), List.copyOf(notes));
  }

  long errors() {
    return requests - successes;
  }

  /** Met when there were no errors, the throughput reached the target and p99 stayed under it. */
  Optional<Boolean> targetMet() {
    return scenario.target.map(target -> requests > 0 && errors() == 0 && target.metBy(perSecond, p99));
  }

  JsonObject toJson() {
    JsonObject json = new JsonObject().put("scenario", name).put("concurrency", concurrency)
        .put("requests", requests).put("successes", successes).put("errors", errors())
        .put("outcomes", new JsonObject(new TreeMap<String, Object>(outcomes))).put("seconds", seconds).put("perSecond", perSecond)
        .put("latencyMillis", new JsonObject().put("p50", p50).put("p90", p90).put("p99", p99).put("p99.9", p999)
            .put("max", max))
        .put("errorSamples", new JsonArray(List.copyOf(errorSamples))).put("notes", new JsonArray(List.copyOf(notes)));
    scenario.target.ifPresent(target -> json.put("target", new JsonObject()
        .put("minPerSecond", target.minPerSecond()).put("maxP99Millis", target.maxP99Millis())
        .put("met", targetMet().orElseThrow())));
    return json;
  }

  private static double percentile(long[] sorted, double fraction) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(fraction * sorted.length);
    return sorted[Math.max(0, rank - 1)] / 1e6;
  }
}
