package dev.cairn.credentials;

import com.nimbusds.jose.jwk.JWK;
import dev.cairn.credentials.sdjwt.Disclosure;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a verified credential says, independent of its format: who issued it, about whom, which types, when it
 * is valid, its claims (for SD-JWT, the payload with every presented disclosure applied), and the holder key it
 * is bound to.
 */
public record VerifiedCredential(
    CredentialFormat format,
    String issuer,
    Optional<String> subject,
    List<String> types,
    Optional<Instant> issuedAt,
    Optional<Instant> validFrom,
    Optional<Instant> validUntil,
    JsonObject claims,
    List<Disclosure> disclosures,
    Optional<JWK> holderKey) {

  public VerifiedCredential {
    types = List.copyOf(types);
    disclosures = List.copyOf(disclosures);
  }
}
