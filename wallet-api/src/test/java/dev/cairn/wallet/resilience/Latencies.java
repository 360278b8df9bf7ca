package dev.cairn.wallet.resilience;

import java.util.List;

/** Percentiles of request durations in milliseconds (nearest rank). */
final class Latencies {
  private Latencies() {}

  static long percentile(List<Outcome> outcomes, double percentile) {
    long[] sorted = outcomes.stream().mapToLong(Outcome::millis).sorted().toArray();
    if (sorted.length == 0) {
      throw new IllegalArgumentException("no requests measured");
    }
    int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  static long max(List<Outcome> outcomes) {
    return outcomes.stream().mapToLong(Outcome::millis).max().orElseThrow();
  }
}
