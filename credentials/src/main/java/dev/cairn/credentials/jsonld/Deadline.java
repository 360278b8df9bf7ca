package dev.cairn.credentials.jsonld;

import dev.cairn.credentials.ReasonCode;
import dev.cairn.credentials.VerificationException;
import java.time.Duration;

/** A point in (monotonic) time after which JSON-LD work stops with {@link ReasonCode#CANONICALIZATION_LIMIT}. */
public final class Deadline {
  private final long endNanos;
  private final Duration budget;

  private Deadline(Duration budget) {
    this.budget = budget;
    this.endNanos = System.nanoTime() + budget.toNanos();
  }

  public static Deadline after(Duration budget) {
    return new Deadline(budget);
  }

  public Duration remaining() {
    return Duration.ofNanos(Math.max(0, endNanos - System.nanoTime()));
  }

  /** Throws once the deadline has passed; cheap enough to call in every canonicalization step. */
  public void check() {
    if (System.nanoTime() - endNanos > 0) {
      throw new VerificationException(ReasonCode.CANONICALIZATION_LIMIT,
          "JSON-LD processing exceeded its deadline of " + budget.toMillis() + " ms");
    }
  }
}
