package dev.cairn.issuer.oid4vci;

/**
 * The error codes an OpenID4VCI exchange answers with: RFC 6749 §5.2 (Token Endpoint) and §4.1.2.1 (Authorization
 * Endpoint), RFC 9126 §2.3 / RFC 9101 §7 (pushed requests), RFC 6750 §3.1 (protected resources), OpenID4VCI §8.3.1.2 (Credential Request), §9.3 (Deferred) and §11.3 (Notification).
 */
public enum OAuthError {
  INVALID_REQUEST("invalid_request", 400),
  INVALID_GRANT("invalid_grant", 400),
  INVALID_CLIENT("invalid_client", 401),
  UNSUPPORTED_GRANT_TYPE("unsupported_grant_type", 400),
  UNSUPPORTED_RESPONSE_TYPE("unsupported_response_type", 400),
  INVALID_SCOPE("invalid_scope", 400),
  ACCESS_DENIED("access_denied", 400),
  INVALID_REQUEST_URI("invalid_request_uri", 400),
  INVALID_TOKEN("invalid_token", 401),
  INVALID_CREDENTIAL_REQUEST("invalid_credential_request", 400),
  UNKNOWN_CREDENTIAL_CONFIGURATION("unknown_credential_configuration", 400),
  UNKNOWN_CREDENTIAL_IDENTIFIER("unknown_credential_identifier", 400),
  INVALID_PROOF("invalid_proof", 400),
  INVALID_NONCE("invalid_nonce", 400),
  CREDENTIAL_REQUEST_DENIED("credential_request_denied", 400),
  INVALID_TRANSACTION_ID("invalid_transaction_id", 400),
  INVALID_NOTIFICATION_ID("invalid_notification_id", 400),
  INVALID_NOTIFICATION_REQUEST("invalid_notification_request", 400);

  private final String code;
  private final int status;

  OAuthError(String code, int status) {
    this.code = code;
    this.status = status;
  }

  public String code() {
    return code;
  }

  public int status() {
    return status;
  }
}
