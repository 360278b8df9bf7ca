package dev.cairn.credentials.jose;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.crypto.bc.BouncyCastleProviderSingleton;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import dev.cairn.credentials.ReasonCode;
import dev.cairn.credentials.VerificationException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Map;
import java.util.Set;

/**
 * The JWS algorithm policy of every credential, presentation and status list Cairn verifies: ES256, ES384,
 * ES512, EdDSA (Ed25519) and PS256 — never {@code none}, never HMAC — with the key's type and curve matching
 * the algorithm, and no {@code crit} header Cairn does not understand (RFC 7515 §4.1.11). CPU-bound: call from a
 * worker pool.
 */
public final class JwsSignatures {
  public static final Set<JWSAlgorithm> ALLOWED = Set.of(JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512,
      JWSAlgorithm.EdDSA, JWSAlgorithm.Ed25519, JWSAlgorithm.PS256);
  private static final Map<JWSAlgorithm, Curve> EC_CURVES = Map.of(
      JWSAlgorithm.ES256, Curve.P_256, JWSAlgorithm.ES384, Curve.P_384, JWSAlgorithm.ES512, Curve.P_521);

  private JwsSignatures() {}

  /** Fails unless the header's algorithm is allowed and carries no critical parameter. Cheap: before key lookup. */
  public static void checkHeader(JWSHeader header) {
    JWSAlgorithm algorithm = header.getAlgorithm();
    if (!ALLOWED.contains(algorithm)) {
      throw new VerificationException(ReasonCode.ALGORITHM_NOT_ALLOWED,
          "algorithm " + algorithm + " is not accepted (ES256, ES384, ES512, EdDSA, PS256)");
    }
    if (header.getCriticalParams() != null && !header.getCriticalParams().isEmpty()) {
      throw new VerificationException(ReasonCode.CRITICAL_HEADER_UNSUPPORTED,
          "critical header parameters " + header.getCriticalParams() + " are not understood");
    }
  }

  /** Verifies {@code jws} with {@code key}, after the header and key-type checks. */
  public static void verify(JWSObject jws, JWK key) {
    checkHeader(jws.getHeader());
    JWSVerifier verifier = verifierFor(jws.getHeader().getAlgorithm(), key);
    try {
      if (!jws.verify(verifier)) {
        throw new VerificationException(ReasonCode.SIGNATURE_INVALID, "the signature does not verify with the key");
      }
    } catch (JOSEException e) {
      throw new VerificationException(ReasonCode.SIGNATURE_INVALID, "the signature could not be checked: " + e.getMessage());
    }
  }

  /**
   * Verifiers are stateless and thread-safe; building one turns the JWK into a JCA key, which costs about as much
   * as a hash of the payload, so each (algorithm, key) pair is built once.
   */
  private static final Cache<VerifierKey, JWSVerifier> VERIFIERS = Caffeine.newBuilder().maximumSize(10_000).build();

  /** JWKs compare by value, so the same key met again (a memoised DID document, a cnf claim) finds its verifier. */
  private record VerifierKey(JWSAlgorithm algorithm, JWK key) {}

  private static JWSVerifier verifierFor(JWSAlgorithm algorithm, JWK key) {
    VerifierKey cacheKey = new VerifierKey(algorithm, key);
    JWSVerifier cached = VERIFIERS.getIfPresent(cacheKey);
    if (cached != null) {
      return cached;
    }
    JWSVerifier built = buildVerifier(algorithm, key);
    VERIFIERS.put(cacheKey, built);
    return built;
  }

  private static JWSVerifier buildVerifier(JWSAlgorithm algorithm, JWK key) {
    try {
      if (key instanceof ECKey ec && ec.getCurve().equals(EC_CURVES.get(algorithm))) {
        ECDSAVerifier verifier = new ECDSAVerifier(ec.toPublicJWK());
        // Bouncy Castle's P-256 verification is ~3x the JDK 17 SunEC provider's (docs/crypto-providers.md).
        verifier.getJCAContext().setProvider(BouncyCastleProviderSingleton.getInstance());
        return verifier;
      }
      if (key instanceof OctetKeyPair okp && Curve.Ed25519.equals(okp.getCurve())
          && (algorithm.equals(JWSAlgorithm.EdDSA) || algorithm.equals(JWSAlgorithm.Ed25519))) {
        return Ed25519Jws.verifier(okp.toPublicJWK());
      }
      if (key instanceof RSAKey rsa && algorithm.equals(JWSAlgorithm.PS256) && rsa.size() >= 2048) {
        return new RSASSAVerifier(rsa.toPublicJWK());
      }
    } catch (JOSEException e) {
      throw new VerificationException(ReasonCode.KEY_ALGORITHM_MISMATCH, "the key cannot verify " + algorithm);
    }
    throw new VerificationException(ReasonCode.KEY_ALGORITHM_MISMATCH,
        "a " + describe(key) + " key cannot verify " + algorithm);
  }

  private static String describe(JWK key) {
    if (key instanceof ECKey ec) {
      return "EC " + ec.getCurve();
    }
    if (key instanceof OctetKeyPair okp) {
      return "OKP " + okp.getCurve();
    }
    return key.getKeyType().getValue();
  }
}
