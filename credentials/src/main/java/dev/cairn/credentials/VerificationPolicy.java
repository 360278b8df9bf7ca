package dev.cairn.credentials;

import java.time.Duration;
import java.util.Optional;

/**
 * What the caller requires beyond the credential's own rules. Key binding is policy, never inferred from the
 * presence of a KB-JWT: a wallet importing its own credential does not require it; a verifier does.
 *
 * @param clockSkew  tolerance on every time comparison (default 60 s)
 * @param keyBinding when present, a KB-JWT (or holder proof) with this nonce and audience is required
 * @param party      who verifies: the holder accepts what only a holder may hold (an ecdsa-sd-2023 base proof);
 *                   a verifier must be shown a derived proof
 */
public record VerificationPolicy(Duration clockSkew, Optional<KeyBindingRequirement> keyBinding, Party party) {

  /** The KB-JWT's expected {@code nonce} and {@code aud}, and how old its {@code iat} may be. */
  public record KeyBindingRequirement(String nonce, String audience, Duration maxAge) {}

  /** The two sides of a selective-disclosure credential. */
  public enum Party { HOLDER, VERIFIER }

  /** The wallet receiving a credential for its learner. */
  public static VerificationPolicy importing() {
    return new VerificationPolicy(Duration.ofSeconds(60), Optional.empty(), Party.HOLDER);
  }

  /** A verifier checking a credential received alone (no holder proof). */
  public static VerificationPolicy verifying() {
    return new VerificationPolicy(Duration.ofSeconds(60), Optional.empty(), Party.VERIFIER);
  }

  /** A verifier checking a presentation made for its {@code nonce} and {@code audience}. */
  public static VerificationPolicy presentation(String nonce, String audience) {
    return new VerificationPolicy(Duration.ofSeconds(60),
        Optional.of(new KeyBindingRequirement(nonce, audience, Duration.ofMinutes(5))), Party.VERIFIER);
  }

  public VerificationPolicy withClockSkew(Duration skew) {
    return new VerificationPolicy(skew, keyBinding, party);
  }
}
