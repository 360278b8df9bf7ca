package dev.cairn.credentials.dcql;

import java.util.Objects;

/**
 * A DCQL query that breaks a rule of OpenID4VP 1.0 §6 or §7. The message starts with the offending member as a path
 * from the query's root ({@code credentials[1].claims[0].path: must be a non-empty array}) so that a Verifier's
 * mistake can be sent back in an {@code error_description} and found in its own query.
 */
public final class DcqlException extends RuntimeException {
  /** Why a query is invalid; each names the rule it enforces. */
  public enum Reason {
    /** A REQUIRED member is absent (§6, §6.1, §6.1.1, §6.2, §6.3, Appendix B). */
    MISSING_MEMBER,
    /** A member holds the wrong JSON type, for example a string where the spec asks for a boolean. */
    WRONG_TYPE,
    /** An array the spec defines as non-empty is empty. */
    EMPTY_ARRAY,
    /** §6.1, §6.3: an id that is empty or holds characters other than alphanumerics, {@code _} and {@code -}. */
    INVALID_ID,
    /** §6.1: a Credential Query id used twice; §6.3: a Claims Query id used twice in one {@code claims} array. */
    DUPLICATE_ID,
    /** §7: a claims path pointer component that is not a string, null or a non-negative integer. */
    INVALID_CLAIMS_PATH,
    /** §6.1 {@code claims}: "Verifiers MUST NOT point to the same claim more than once in a single query". */
    DUPLICATE_CLAIM,
    /** §6.3 {@code values}: an entry that is not a string, an integer or a boolean. */
    INVALID_VALUE,
    /** §6.4.1: "claim_sets MUST NOT be present if claims is absent". */
    CLAIM_SETS_WITHOUT_CLAIMS,
    /** §6.3 {@code id}: "REQUIRED if claim_sets is present in the Credential Query". */
    MISSING_CLAIM_ID,
    /** §6.1 {@code claim_sets}: an identifier that no element of {@code claims} has. */
    UNKNOWN_CLAIM_ID,
    /** §6.2 {@code options}: an identifier that no element of {@code credentials} has. */
    UNKNOWN_CREDENTIAL_ID
  }

  private final Reason reason;
  private final String member;

  DcqlException(Reason reason, String member, String problem) {
    super(member + ": " + problem, null, false, false);
    this.reason = Objects.requireNonNull(reason);
    this.member = member;
  }

  public Reason reason() {
    return reason;
  }

  /** The offending member as a path from the query's root, such as {@code credentials[1].claims[0].path}. */
  public String member() {
    return member;
  }
}
