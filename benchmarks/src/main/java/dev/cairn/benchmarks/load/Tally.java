package dev.cairn.benchmarks.load;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one worker saw during measurement: every request's latency, how many answers of each status (or which
 * exception, when there was no answer) and the first few error bodies. One per worker, so recording takes no
 * lock; {@link #merge} combines them after the run.
 */
final class Tally {
  static final int ERROR_SAMPLES = 5;

  private long[] nanos;
  private int count;
  private final Map<String, Long> outcomes = new TreeMap<>();
  private final List<String> errorSamples = new ArrayList<>();

  Tally(int expected) {
    // Sized for the expected number of requests so the array rarely grows while measuring.
    this.nanos = new long[Math.max(1024, expected)];
  }

  void answered(long latencyNanos, WalletClient.Response response) {
    record(latencyNanos, Integer.toString(response.status()));
    if (!response.successful() && errorSamples.size() < ERROR_SAMPLES) {
      errorSamples.add(response.status() + " " + Report.excerpt(response.text()));
    }
  }

  void failed(long latencyNanos, Exception error) {
    String outcome = error.getClass().getSimpleName();
    record(latencyNanos, outcome);
    if (errorSamples.size() < ERROR_SAMPLES) {
      errorSamples.add(outcome + ": " + error.getMessage());
    }
  }

  private void record(long latencyNanos, String outcome) {
    if (count == nanos.length) {
      nanos = Arrays.copyOf(nanos, count * 2);
    }
    nanos[count++] = latencyNanos;
    outcomes.merge(outcome, 1L, Long::sum);
  }

  int requests() {
    return count;
  }

  /** Status code (or exception name) to count, sorted. */
  Map<String, Long> outcomes() {
    return outcomes;
  }

  long successes() {
    return outcomes.entrySet().stream().filter(entry -> entry.getKey().startsWith("2"))
        .mapToLong(Map.Entry::getValue).sum();
  }

  List<String> errorSamples() {
    return errorSamples;
  }

  /** The latencies in ascending order. */
  long[] sortedNanos() {
    long[] sorted = Arrays.copyOf(nanos, count);
    Arrays.sort(sorted);
    return sorted;
  }

  static Tally merge(List<Tally> parts) {
    Tally all = new Tally(parts.stream().mapToInt(Tally::requests).sum());
    for (Tally part : parts) {
      System.arraycopy(part.nanos, 0, all.nanos, all.count, part.count);
      all.count += part.count;
      part.outcomes.forEach((outcome, n) -> all.outcomes.merge(outcome, n, Long::sum));
      part.errorSamples.stream().limit(ERROR_SAMPLES - all.errorSamples.size()).forEach(all.errorSamples::add);
    }
    return all;
  }
}
