package dev.cairn.credentials;

/** The checks every verification reports on, in the order they run. */
public enum Check {
  /** The bytes are a well-formed credential of a known format. */
  SYNTAX,
  /** The issuer's signature is valid with an allowed algorithm. */
  SIGNATURE,
  /** The signing key belongs to the issuer (DID verification method or issuer metadata). */
  ISSUER_KEY,
  /** Now is within the credential's validity window (with clock skew). */
  VALIDITY,
  /** The credential's status list says it is neither revoked nor suspended. */
  STATUS,
  /** The presenter proved possession of the key the credential is bound to, when the policy requires it. */
  HOLDER_BINDING,
  /** The credential has the type claims its format requires. */
  TYPE
}
