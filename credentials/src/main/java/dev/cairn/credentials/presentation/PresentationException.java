package dev.cairn.credentials.presentation;

import java.util.Objects;

/**
 * Why the wallet cannot present a credential as asked. Nothing has been signed when this is thrown. Each reason is
 * a stable fact the wallet can show the learner or map to an error; the message names the specifics.
 */
public final class PresentationException extends RuntimeException {
  /** Why a presentation cannot be built. */
  public enum Reason {
    /** The holder key is neither a private P-256 nor a private Ed25519 key. */
    UNSUPPORTED_HOLDER_KEY,
    /**
     * The credential is bound to someone else: its {@code cnf} key (RFC 7800 §3) or its subject DID is not one of
     * this holder's, so a verifier would refuse the holder's proof.
     */
    BOUND_TO_ANOTHER_HOLDER,
    /**
     * The credential names no holder to prove, and its format's presentation needs one: an SD-JWT VC without
     * {@code cnf} cannot carry a KB-JWT (OpenID4VP 1.0 B.3), an {@code ldp_vc} without a subject id cannot show that
     * the holder is its subject.
     */
    NOT_HOLDER_BOUND,
    /** A consented claims path is not concrete (it has a {@code null}), or selects nothing in the credential. */
    CLAIM_NOT_IN_CREDENTIAL,
    /** The stored credential cannot be read as the format it is said to be. */
    UNREADABLE_CREDENTIAL,
    /**
     * The format cannot be presented this way: a presentation format given as a credential, or an
     * {@code ecdsa-sd-2023} base proof inside a proof set.
     */
    UNSUPPORTED_FORMAT
  }

  private final Reason reason;

  PresentationException(Reason reason, String detail) {
    super(detail, null, false, false);
    this.reason = Objects.requireNonNull(reason);
  }

  public Reason reason() {
    return reason;
  }
}
