package dev.cairn.benchmarks.load;

import java.util.Optional;

/** A scenario's goal from the scaling issue: at least this throughput with the 99th percentile under this. */
record Target(double minPerSecond, double maxP99Millis) {

  boolean metBy(double perSecond, double p99Millis) {
    return perSecond >= minPerSecond && p99Millis < maxP99Millis;
  }

  @Override
  public String toString() {
    return String.format("≥ %,.0f/s, p99 < %.0f ms", minPerSecond, maxP99Millis);
  }

  static Optional<Target> of(double minPerSecond, double maxP99Millis) {
    return Optional.of(new Target(minPerSecond, maxP99Millis));
  }
}
