package dev.cairn.credentials.internal;

import dev.cairn.credentials.Check;
import dev.cairn.credentials.CheckResult;
import dev.cairn.credentials.ReasonCode;
import dev.cairn.credentials.VerificationException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** The validity-window check shared by every format: not before {@code from}, not at or after {@code until}. */
public final class Validity {
  private Validity() {}

  public static CheckResult check(Optional<Instant> from, Optional<Instant> until, Instant now, Duration skew) {
    if (from.isPresent() && now.plus(skew).isBefore(from.get())) {
      throw new VerificationException(ReasonCode.NOT_YET_VALID, "valid only from " + from.get());
    }
    if (until.isPresent() && !now.minus(skew).isBefore(until.get())) {
      throw new VerificationException(ReasonCode.EXPIRED, "expired at " + until.get());
    }
    return CheckResult.passed(Check.VALIDITY, until.map(u -> "valid until " + u).orElse("no expiry"));
  }
}
