package dev.cairn.issuer.client;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64URL;
import dev.cairn.issuer.oid4vci.OpenId4Vci;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;

/**
 * Appendix F.1 key proofs of the {@code jwt} proof type: typ {@code openid4vci-proof+jwt}, the signer's algorithm,
 * its key as {@code kid} or public {@code jwk} (never both, never a private key); {@code aud} the Credential Issuer
 * Identifier, {@code iat} now, {@code nonce} the c_nonce when the issuer has a Nonce Endpoint. {@code iss} is the
 * {@code client_id} after the Authorization Code Flow, and absent after an anonymous Pre-Authorized Code redemption
 * (Appendix F.1: "MUST be omitted").
 */
final class KeyProofs {
  private final Clock clock;

  KeyProofs(Clock clock) {
    this.clock = clock;
  }

  Future<String> sign(ProofSigner signer, String audience, Optional<String> nonce, Optional<String> clientId) {
    JWSHeader.Builder header = new JWSHeader.Builder(signer.algorithm()).type(new JOSEObjectType(OpenId4Vci.PROOF_TYP));
    signer.kid().ifPresentOrElse(header::keyID, () -> header.jwk(signer.publicKey().toPublicJWK()));
    JsonObject claims = new JsonObject().put("aud", audience).put("iat", clock.instant().getEpochSecond());
    nonce.ifPresent(value -> claims.put("nonce", value));
    clientId.ifPresent(value -> claims.put("iss", value));
    String signingInput = header.build().toBase64URL() + "."
        + Base64URL.encode(claims.encode().getBytes(StandardCharsets.UTF_8));
    return signer.sign(signingInput.getBytes(StandardCharsets.US_ASCII))
        .map(signature -> signingInput + "." + Base64URL.encode(signature));
  }
}
