package dev.cairn.benchmarks.load;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.stream.Collectors;

/** The results as a compact text table, followed per scenario by its outcomes, notes and first error bodies. */
final class Report {
  private static final int EXCERPT = 300;
  private static final String ROW = "%-14s %5s %10s %10s %8s %10s %9s %9s %9s %9s %9s  %-24s %s%n";

  private Report() {}

  static String table(List<ScenarioResult> results) {
    StringBuilder out = new StringBuilder(String.format(ROW, "scenario", "conc", "requests", "ok", "errors",
        "req/s", "p50 ms", "p90 ms", "p99 ms", "p99.9 ms", "max ms", "target", "met"));
    for (ScenarioResult r : results) {
      out.append(String.format(ROW, r.name(), r.concurrency(), String.format("%,d", r.requests()),
          String.format("%,d", r.successes()), String.format("%,d", r.errors()), String.format("%,.1f", r.perSecond()),
          millis(r.p50()), millis(r.p90()), millis(r.p99()), millis(r.p999()), millis(r.max()),
          r.scenario().target.map(Target::toString).orElse("(report only)"),
          r.targetMet().map(met -> met ? "yes" : "NO").orElse("-")));
    }
    for (ScenarioResult r : results) {
      out.append('\n').append(r.name()).append(": ")
          .append(String.format("%.1f s measured; responses ", r.seconds())).append(outcomes(r)).append('\n');
      r.notes().forEach(note -> out.append("  note: ").append(note).append('\n'));
      r.errorSamples().forEach(sample -> out.append("  error: ").append(sample).append('\n'));
    }
    return out.toString();
  }

  static String json(List<ScenarioResult> results) {
    return new JsonObject().put("scenarios", new JsonArray(results.stream().map(ScenarioResult::toJson).toList()))
        .encodePrettily();
  }

  /** A body short enough for a terminal line. */
  static String excerpt(String body) {
    String line = body.replaceAll("\\s+", " ").strip();
    return line.length() <= EXCERPT ? line : line.substring(0, EXCERPT) + "…";
  }

  private static String outcomes(ScenarioResult r) {
    if (r.outcomes().isEmpty()) {
      return "none";
    }
    return r.outcomes().entrySet().stream().map(entry -> entry.getKey() + " × " + String.format("%,d", entry.getValue())
        + meaning(r.scenario(), entry.getKey())).collect(Collectors.joining(", "));
  }

  private static String meaning(Scenario scenario, String outcome) {
    return scenario == Scenario.IMPORT && outcome.equals("200") ? " (already imported)" : "";
  }

  private static String millis(double value) {
    return String.format("%.2f", value);
  }
}
