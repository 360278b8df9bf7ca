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
  FORBIDDEN("forbidden", 403, "This account may not do that"),
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
  MEDIA_TYPE_MISMATCH("media-type-mismatch", 415, "The body is not of its stated media type"),
  INVALID_CURSOR("invalid-cursor", 400, "The cursor is not valid"),
  IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", 422, "The Idempotency-Key was used for another request"),
  CREDENTIAL_FORMAT_UNSUPPORTED("credential-format-unsupported", 422, "The credential's format is not supported"),
  CREDENTIAL_SYNTAX("credential-syntax", 422, "The credential is malformed"),
  CREDENTIAL_SIGNATURE("credential-signature", 422, "The credential's signature is not valid"),
  CREDENTIAL_ISSUER_KEY("credential-issuer-key", 422, "The signing key is not the issuer's"),
  CREDENTIAL_VALIDITY("credential-validity", 422, "The credential is not valid at this time"),
  CREDENTIAL_STATUS("credential-status", 422, "The credential is revoked or suspended"),
  CREDENTIAL_HOLDER_BINDING("credential-holder-binding", 422, "The credential's holder binding failed"),
  CREDENTIAL_TYPE("credential-type", 422, "The credential lacks a required type"),
  ARCHIVE_INVALID("archive-invalid", 422, "The archive is not a readable Cairn wallet archive"),
  ARCHIVE_PASSPHRASE("archive-passphrase", 422, "The passphrase does not open the archive"),
  DCQL_INVALID("dcql-invalid", 422, "The DCQL query is not valid"),
  PRESENTATION_REQUEST_EXPIRED("presentation-request-expired", 410, "The presentation request has expired"),
  PRESENTATION_REQUEST_CLOSED("presentation-request-closed", 409, "The presentation request was already answered"),
  PRESENTATION_REJECTED("presentation-rejected", 400, "The presentation was not accepted"),
  AUTHORIZATION_REQUEST_INVALID("authorization-request-invalid", 422, "The presentation request cannot be used"),
  VERIFIER_UNREACHABLE("verifier-unreachable", 502, "The verifier could not be reached"),
  VERIFIER_REFUSED("verifier-refused", 502, "The verifier did not accept the answer"),
  CONSENT_INVALID("consent-invalid", 422, "The consent does not answer the request"),
  SHARE_LINK_CLOSED("share-link-closed", 410, "The share link is no longer open"),
  OFFER_INVALID("offer-invalid", 422, "The credential offer cannot be used"),
  OFFER_CLOSED("offer-closed", 409, "The credential offer is closed"),
  ISSUANCE_REFUSED("issuance-refused", 422, "The issuer did not issue the credential"),
  ISSUER_UNREACHABLE("issuer-unreachable", 502, "The issuer could not be reached"),
  AUTHORIZATION_RESPONSE_INVALID("authorization-response-invalid", 422,
      "The authorization response does not answer this wallet's request"),
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
