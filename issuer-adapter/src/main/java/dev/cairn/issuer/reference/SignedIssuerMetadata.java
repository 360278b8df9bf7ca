package dev.cairn.issuer.reference;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import dev.cairn.credentials.CryptoPool;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * §12.2.3 Signed Metadata: the Credential Issuer Metadata as a JWS ({@code typ} openidvci-issuer-metadata+jwt),
 * every metadata parameter a top-level claim, {@code sub} the Credential Issuer Identifier, {@code iat}, and — both
 * optional — {@code iss} (the issuer's did:web, whose P-256 assertion key signs it, named by {@code kid}) and
 * {@code exp}. Served as {@code application/jwt} to a Wallet whose {@code Accept} asks for it (§12.2.2).
 */
final class SignedIssuerMetadata {
  static final String TYPE = "openidvci-issuer-metadata+jwt";
  static final String MEDIA_TYPE = "application/jwt";
  private static final Duration VALIDITY = Duration.ofDays(1);

  private final ReferenceIssuerConfig config;
  private final IssuerSigningKeys keys;
  private final CryptoPool crypto;
  private final Clock clock;

  SignedIssuerMetadata(ReferenceIssuerConfig config, IssuerSigningKeys keys, CryptoPool crypto, Clock clock) {
    this.config = config;
    this.keys = keys;
    this.crypto = crypto;
    this.clock = clock;
  }

  Future<String> sign(JsonObject metadata) {
    return crypto.run(() -> {
      Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
      JsonObject claims = metadata.copy()
          .put("iss", keys.did())
          .put("sub", config.issuer().toString())
          .put("iat", now.getEpochSecond())
          .put("exp", now.plus(VALIDITY).getEpochSecond());
      JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType(TYPE))
          .keyID(keys.p256MethodId()).build(), new Payload(claims.encode()));
      try {
        jws.sign(new ECDSASigner(keys.p256()));
      } catch (JOSEException e) {
        throw new IllegalStateException("could not sign the issuer metadata", e);
      }
      return jws.serialize();
    });
  }

  /** Whether the request's {@code Accept} names {@code application/jwt} (parameters and q-values aside). */
  static boolean wanted(String accept) {
    if (accept == null) {
      return false;
    }
    for (String range : accept.split(",")) {
      String type = range.split(";")[0].trim();
      if (type.equalsIgnoreCase(MEDIA_TYPE) && !range.replace(" ", "").contains("q=0")) {
        return true;
      }
    }
    return false;
  }
}
