package dev.cairn.wallet.openid4vp;

/**
 * An Authorization Request or Request Object the wallet cannot act on, with the OAuth error code the verifier
 * would be told (§8.5: {@code invalid_request}, {@code invalid_client}, {@code invalid_request_uri_method}, ...)
 * and a specific reason for the learner.
 */
public final class InvalidAuthorizationRequest extends RuntimeException {
  private final String error;

  public InvalidAuthorizationRequest(String error, String detail) {
    super(detail, null, false, false);
    this.error = error;
  }

  public String error() {
    return error;
  }
}
