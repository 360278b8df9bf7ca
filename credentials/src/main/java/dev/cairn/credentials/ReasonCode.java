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
  CONTEXT_NOT_ALLOWED(Check.SYNTAX, "context-not-allowed"),
  JSONLD_INVALID(Check.SYNTAX, "jsonld-invalid"),
  CANONICALIZATION_LIMIT(Check.SYNTAX, "canonicalization-limit"),
  // Signature
  ALGORITHM_NOT_ALLOWED(Check.SIGNATURE, "algorithm-not-allowed"),
  CRITICAL_HEADER_UNSUPPORTED(Check.SIGNATURE, "critical-header-unsupported"),
  KEY_ALGORITHM_MISMATCH(Check.SIGNATURE, "key-algorithm-mismatch"),
  SIGNATURE_INVALID(Check.SIGNATURE, "signature-invalid"),
  CRYPTOSUITE_UNSUPPORTED(Check.SIGNATURE, "cryptosuite-unsupported"),
  PROOF_PURPOSE_MISMATCH(Check.SIGNATURE, "proof-purpose-mismatch"),
  PROOF_EXPIRED(Check.SIGNATURE, "proof-expired"),
  PROOF_NOT_YET_VALID(Check.SIGNATURE, "proof-not-yet-valid"),
  BASE_PROOF_PRESENTED(Check.SIGNATURE, "base-proof-presented"),
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
  CHALLENGE_MISMATCH(Check.HOLDER_BINDING, "challenge-mismatch"),
  DOMAIN_MISMATCH(Check.HOLDER_BINDING, "domain-mismatch"),
  // Type
  TYPE_MISSING(Check.TYPE, "type-missing"),
  SCHEMA_INVALID(Check.TYPE, "schema-invalid");

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
