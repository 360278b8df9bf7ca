package dev.cairn.wallet.http;

import java.net.URI;

/**
 * The stable problem types of Cairn's REST API (RFC 9457 §3.1). The code is part of the contract:
 * clients switch on it. docs/problems.md describes each one; a test keeps the two in step.
 */
public enum ProblemType {
  MALFORMED_JSON("malformed-json", 400, "The request body is not valid JSON"),
  INVALID_REQUEST("invalid-request", 400, "The request is not valid"),
  AUTHENTICATION_REQUIRED("authentication-required", 401, "Authentication is required"),
  INVALID_TOKEN("invalid-token", 401, "The access token is not valid"),
  INVALID_CREDENTIALS("invalid-credentials", 401, "The email or password is wrong"),
  INVALID_REFRESH_TOKEN("invalid-refresh-token", 401, "The refresh token is not valid"),
  NOT_FOUND("not-found", 404, "Not found"),
  METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method not allowed"),
  DID_INVALID("did-invalid", 400, "The DID is not valid"),
  DID_INVALID_PUBLIC_KEY("did-invalid-public-key", 400, "The DID's public key is not valid"),
  DID_NOT_FOUND("did-not-found", 404, "The DID could not be resolved"),
  DID_REPRESENTATION_NOT_SUPPORTED("did-representation-not-supported", 406, "Representation not supported"),
  DID_METHOD_NOT_SUPPORTED("did-method-not-supported", 501, "DID method not supported"),
  ACCOUNT_EXISTS("account-exists", 409, "An account with this email exists"),
  PAYLOAD_TOO_LARGE("payload-too-large", 413, "The request body is too large"),
  UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Unsupported media type"),
  TOO_MANY_REQUESTS("too-many-requests", 429, "Too many requests"),
  INTERNAL_ERROR("internal-error", 500, "Internal error"),
  UNAVAILABLE("unavailable", 503, "Service unavailable");

  public static final String BASE = "https://cairn.dev/problems/";

  private final String code;
  private final int status;
  private final String title;

  ProblemType(String code, int status, String title) {
    this.code = code;
    this.status = status;
    this.title = title;
  }

  public String code() {
    return code;
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  public URI uri() {
    return URI.create(BASE + code);
  }
}
