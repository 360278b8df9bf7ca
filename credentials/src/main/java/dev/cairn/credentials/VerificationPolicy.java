package dev.cairn.credentials;

import java.time.Duration;
import java.util.Optional;

/**
 * What the caller requires beyond the credential's own rules. Key binding is policy, never inferred from the
 * presence of a KB-JWT: a wallet importing its own credential does not require it; a verifier does.
 *
 * @param clockSkew         tolerance on every time comparison (default 60 s)
 * @param keyBinding        when present, a KB-JWT (or holder proof) with this nonce and audience is required
 * @param party             who verifies: the holder accepts what only a holder may hold (an ecdsa-sd-2023 base
 *                          proof); a verifier must be shown a derived proof
 * @param schemaConformance what an Open Badges 3.0 credential that fails 1EdTech's JSON Schema means
 */
public record VerificationPolicy(Duration clockSkew, Optional<KeyBindingRequirement> keyBinding, Party party,
                                 SchemaConformance schemaConformance) {

  /** The KB-JWT's expected {@code nonce} and {@code aud}, and how old its {@code iat} may be. */
  public record KeyBindingRequirement(String nonce, String audience, Duration maxAge) {}

  /** The two sides of a selective-disclosure credential. */
  public enum Party { HOLDER, VERIFIER }

  /**
   * How the TYPE check treats an Open Badges 3.0 credential (OpenBadgeCredential, AchievementCredential,
   * EndorsementCredential) that does not conform to its JSON Schema. Many badges issued in the field do not pass
   * the strict schema, yet their signature and issuer are sound.
   */
  public enum SchemaConformance {
    /** A schema failure refuses the credential: TYPE FAILED, {@code schema-invalid}. */
    ENFORCE,
    /** A schema failure is reported, not refused: TYPE SKIPPED, {@code schema-invalid}, the credential stays valid. */
    REPORT
  }

  /** The wallet receiving a credential for its learner: schema failures are reported, not refused. */
  public static VerificationPolicy importing() {
    return new VerificationPolicy(Duration.ofSeconds(60), Optional.empty(), Party.HOLDER, SchemaConformance.REPORT);
  }

  /** A verifier checking a credential received alone (no holder proof). */
  public static VerificationPolicy verifying() {
    return new VerificationPolicy(Duration.ofSeconds(60), Optional.empty(), Party.VERIFIER, SchemaConformance.ENFORCE);
  }

  /** A verifier checking a presentation made for its {@code nonce} and {@code audience}. */
  public static VerificationPolicy presentation(String nonce, String audience) {
    return new VerificationPolicy(Duration.ofSeconds(60),
        Optional.of(new KeyBindingRequirement(nonce, audience, Duration.ofMinutes(5))), Party.VERIFIER,
        SchemaConformance.ENFORCE);
  }

  public VerificationPolicy withClockSkew(Duration skew) {
    return new VerificationPolicy(skew, keyBinding, party, schemaConformance);
  }

  public VerificationPolicy withSchemaConformance(SchemaConformance conformance) {
    return new VerificationPolicy(clockSkew, keyBinding, party, conformance);
  }

  /**
   * The policy for the credentials inside a presentation: each is checked as a verifier would (a holder shows
   * derived proofs), with this policy's clock skew and schema conformance; the presentation's own holder proof
   * carries the key binding.
   */
  public VerificationPolicy forPresentedCredentials() {
    return new VerificationPolicy(clockSkew, Optional.empty(), Party.VERIFIER, schemaConformance);
  }
}
