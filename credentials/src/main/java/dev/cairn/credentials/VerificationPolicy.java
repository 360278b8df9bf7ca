package dev.cairn.credentials;

import java.time.Duration;
import java.util.Optional;

/**
 * What the caller requires beyond the credential's own rules. Key binding is policy, never inferred from the
 * presence of a KB-JWT: a wallet importing its own credential does not require it; a verifier does.
 *
 * @param clockSkew  tolerance on every time comparison (default 60 s)
 * @param keyBinding when present, a KB-JWT (or holder proof) with this nonce and audience is required
 */
public record VerificationPolicy(Duration clockSkew, Optional<KeyBindingRequirement> keyBinding) {

  /** The KB-JWT's expected {@code nonce} and {@code aud}, and how old its {@code iat} may be. */
  public record KeyBindingRequirement(String nonce, String audience, Duration maxAge) {}

  public static VerificationPolicy importing() {
    return new VerificationPolicy(Duration.ofSeconds(60), Optional.empty());
  }

  public static VerificationPolicy presentation(String nonce, String audience) {
    return new VerificationPolicy(Duration.ofSeconds(60),
        Optional.of(new KeyBindingRequirement(nonce, audience, Duration.ofMinutes(5))));
  }

  public VerificationPolicy withClockSkew(Duration skew) {
    return new VerificationPolicy(skew, keyBinding);
  }
}
