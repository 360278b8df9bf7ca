package dev.cairn.credentials;

/**
 * A verification step that cannot go on, carrying the reason code and a specific detail. Used inside the
 * pipeline; callers receive a {@link VerificationResult}, never this exception.
 */
public final class VerificationException extends RuntimeException {
  private final ReasonCode reason;

  public VerificationException(ReasonCode reason, String detail) {
    super(detail, null, false, false);
    this.reason = reason;
  }

  public ReasonCode reason() {
    return reason;
  }

  public CheckResult asCheck() {
    return CheckResult.failed(reason, getMessage());
  }
}
