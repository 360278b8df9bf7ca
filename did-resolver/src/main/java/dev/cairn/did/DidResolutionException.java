package dev.cairn.did;

/**
 * A DID that cannot be resolved, or a DID URL that cannot be dereferenced, with the DID Resolution error name
 * and a specific reason safe to show a caller. The one failure type of this library's futures.
 */
public final class DidResolutionException extends RuntimeException {
  private final DidError error;

  public DidResolutionException(DidError error, String reason) {
    super(reason, null, false, false);
    this.error = error;
  }

  public DidResolutionException(DidError error, String reason, Throwable cause) {
    super(reason, cause, false, false);
    this.error = error;
  }

  public DidError error() {
    return error;
  }

  public String reason() {
    return getMessage();
  }
}
