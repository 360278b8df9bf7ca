package dev.cairn.credentials;

import java.util.Optional;

/** One check's outcome, with its reason code (when failed or skipped) and a specific, human detail. */
public record CheckResult(Check check, Outcome outcome, Optional<ReasonCode> reason, String detail) {

  public static CheckResult passed(Check check, String detail) {
    return new CheckResult(check, Outcome.PASSED, Optional.empty(), detail);
  }

  public static CheckResult failed(ReasonCode reason, String detail) {
    return new CheckResult(reason.check(), Outcome.FAILED, Optional.of(reason), detail);
  }

  public static CheckResult skipped(ReasonCode reason, String detail) {
    return new CheckResult(reason.check(), Outcome.SKIPPED, Optional.of(reason), detail);
  }

  /** A check not run because an earlier one failed; the detail names that check. */
  public static CheckResult notReached(Check check, Check failed) {
    return new CheckResult(check, Outcome.SKIPPED, Optional.empty(), "not checked: " + failed + " failed first");
  }
}
