package dev.cairn.credentials;

/**
 * Why a check failed (or was skipped): a closed set, each belonging to one {@link Check}. The code is stable;
 * the wallet API maps each to a problem type.
 */
public enum ReasonCode {
  // Syntax
  UNKNOWN_FORMAT(Check.SYNTAX, "unknown-format"),
  UNSIGNED(Check.SYNTAX, "unsigned"),
  MALFORMED(Check.SYNTAX, "malformed"),
  UNSUPPORTED_FORMAT(Check.SYNTAX, "unsupported-format"),
  DISCLOSURE_MALFORMED(Check.SYNTAX, "disclosure-malformed"),
  DISCLOSURE_UNREFERENCED(Check.SYNTAX, "disclosure-unreferenced"),
  DISCLOSURE_DUPLICATE_DIGEST(Check.SYNTAX, "disclosure-duplicate-digest"),
  DISCLOSURE_OVERWRITES_CLAIM(Check.SYNTAX, "disclosure-overwrites-claim"),
  DISCLOSURE_OF_REGISTERED_CLAIM(Check.SYNTAX, "disclosure-of-registered-claim"),
  HASH_ALGORITHM_NOT_ALLOWED(Check.SYNTAX, "hash-algorithm-not-allowed"),
  CLAIMS_DISAGREE(Check.SYNTAX, "claims-disagree"),
  // Signature
  ALGORITHM_NOT_ALLOWED(Check.SIGNATURE, "algorithm-not-allowed"),
  CRITICAL_HEADER_UNSUPPORTED(Check.SIGNATURE, "critical-header-unsupported"),
  KEY_ALGORITHM_MISMATCH(Check.SIGNATURE, "key-algorithm-mismatch"),
  SIGNATURE_INVALID(Check.SIGNATURE, "signature-invalid"),
  // Issuer key
  ISSUER_KEY_UNRESOLVED(Check.ISSUER_KEY, "issuer-key-unresolved"),
  ISSUER_KEY_NOT_ISSUERS(Check.ISSUER_KEY, "issuer-key-not-issuers"),
  X5C_NOT_SUPPORTED(Check.ISSUER_KEY, "x5c-not-supported"),
  // Validity
  EXPIRED(Check.VALIDITY, "expired"),
  NOT_YET_VALID(Check.VALIDITY, "not-yet-valid"),
  // Status
  REVOKED(Check.STATUS, "revoked"),
  SUSPENDED(Check.STATUS, "suspended"),
  STATUS_UNKNOWN(Check.STATUS, "status-unknown"),
  NO_STATUS(Check.STATUS, "no-status"),
  // Holder binding
  KEY_BINDING_MISSING(Check.HOLDER_BINDING, "key-binding-missing"),
  KEY_BINDING_INVALID(Check.HOLDER_BINDING, "key-binding-invalid"),
  NO_HOLDER_KEY(Check.HOLDER_BINDING, "no-holder-key"),
  NOT_REQUIRED(Check.HOLDER_BINDING, "not-required"),
  // Type
  TYPE_MISSING(Check.TYPE, "type-missing");

  private final Check check;
  private final String code;

  ReasonCode(Check check, String code) {
    this.check = check;
    this.code = code;
  }

  public Check check() {
    return check;
  }

  public String code() {
    return code;
  }
}
