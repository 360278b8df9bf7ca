package dev.cairn.issuer.client;

/** The one failure a client future fails with: it carries the typed {@link IssuanceFailure}. */
public final class IssuanceException extends RuntimeException {
  private final IssuanceFailure failure;

  public IssuanceException(IssuanceFailure failure) {
    super(failure.code() + ": " + failure.detail(), null, false, false);
    this.failure = failure;
  }

  public IssuanceFailure failure() {
    return failure;
  }
}
