package dev.cairn.issuer.reference;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.cairn.credentials.CryptoPool;
import dev.cairn.credentials.VerificationException;
import dev.cairn.credentials.jose.JwsSignatures;
import dev.cairn.did.DidResolver;
import dev.cairn.did.VerificationRelationship;
import dev.cairn.issuer.oid4vci.OAuthError;
import dev.cairn.issuer.oid4vci.OpenId4Vci;
import io.vertx.core.Future;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * Appendix F.4 "Verifying Proof" for the {@code jwt} proof type (Appendix F.1): explicitly typed, an asymmetric
 * algorithm this issuer lists, one key by {@code kid} (a did:jwk or did:key DID URL) or by {@code jwk} (never a
 * private one), a signature by that key, {@code aud} the Credential Issuer Identifier, {@code iat} within the window,
 * and a {@code nonce}. Whether the nonce is fresh is the caller's to consume, once per request. Every refusal is
 * {@code invalid_proof}.
 */
final class KeyProofVerifier {
  /** What {@code proof_signing_alg_values_supported} lists. */
  static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.ES256, JWSAlgorithm.EdDSA);
  private static final JOSEObjectType PROOF_TYP = new JOSEObjectType(OpenId4Vci.PROOF_TYP);
  private static final Set<String> DID_METHODS = Set.of("did:jwk:", "did:key:");

  private final ReferenceIssuerConfig config;
  private final DidResolver resolver;
  private final CryptoPool crypto;
  private final Clock clock;

  KeyProofVerifier(ReferenceIssuerConfig config, DidResolver resolver, CryptoPool crypto, Clock clock) {
    this.config = config;
    this.resolver = resolver;
    this.crypto = crypto;
    this.clock = clock;
  }

  Future<ProvenKey> verify(String compact) {
    SignedJWT jwt;
    JWTClaimsSet claims;
    try {
      jwt = SignedJWT.parse(compact);
      claims = jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      return refused("the proof is not a signed JWT");
    }
    JWSHeader header = jwt.getHeader();
    if (!PROOF_TYP.equals(header.getType())) {
      return refused("the proof's typ must be " + OpenId4Vci.PROOF_TYP);
    }
    if (!ALGORITHMS.contains(header.getAlgorithm())) {
      return refused("the proof's alg must be one of " + ALGORITHMS);
    }
    try {
      checkClaims(claims);
    } catch (OAuthException e) {
      return Future.failedFuture(e);
    }
    SignedJWT signed = jwt;
    String nonce = (String) claims.getClaim("nonce");
    return holderKey(header).compose(key -> crypto.run(() -> {
      try {
        JwsSignatures.verify(signed, key.publicKey());
      } catch (VerificationException e) {
        throw new OAuthException(OAuthError.INVALID_PROOF, "the proof's signature: " + e.getMessage());
      }
      return new ProvenKey(key.publicKey(), key.holderDid(), nonce);
    }));
  }

  /** Appendix F.1: exactly one of kid, jwk, x5c names the key; Cairn binds to DIDs and JWKs, not certificates. */
  private Future<ProvenKey> holderKey(JWSHeader header) {
    int named = (header.getKeyID() != null ? 1 : 0) + (header.getJWK() != null ? 1 : 0)
        + (header.getX509CertChain() != null ? 1 : 0);
    if (named != 1) {
      return refused("the proof names its key with exactly one of kid, jwk or x5c");
    }
    if (header.getX509CertChain() != null) {
      return refused("x5c key proofs are not supported; use kid (did:jwk, did:key) or jwk");
    }
    JWK jwk = header.getJWK();
    if (jwk != null) {
      if (jwk.isPrivate()) {
        return refused("the proof's jwk header contains a private key");
      }
      String did = "did:jwk:" + Base64URL.encode(jwk.toPublicJWK().toJSONString());
      return Future.succeededFuture(new ProvenKey(jwk.toPublicJWK(), did, null));
    }
    String kid = header.getKeyID();
    if (DID_METHODS.stream().noneMatch(kid::startsWith) || !kid.contains("#")) {
      return refused("the proof's kid must be a did:jwk or did:key DID URL");
    }
    return resolver.verificationMethod(kid, VerificationRelationship.AUTHENTICATION)
        .<ProvenKey>map(method -> new ProvenKey(method.key().jwk().toPublicJWK(), kid.substring(0, kid.indexOf('#')), null))
        .recover(failure -> refused("the proof's kid does not resolve: " + failure.getMessage()));
  }

  private void checkClaims(JWTClaimsSet claims) {
    List<String> audience = claims.getAudience();
    if (audience == null || audience.size() != 1 || !config.issuer().toString().equals(audience.get(0))) {
      throw new OAuthException(OAuthError.INVALID_PROOF, "the proof's aud must be the Credential Issuer Identifier "
          + config.issuer());
    }
    Date issued = claims.getIssueTime();
    if (issued == null) {
      throw new OAuthException(OAuthError.INVALID_PROOF, "the proof has no iat");
    }
    // §13.5: a proof is fresh within a window; a little future allowance absorbs clock offsets.
    Instant iat = issued.toInstant();
    Instant now = clock.instant();
    Duration ahead = config.proofMaxAge().dividedBy(10);
    if (iat.isBefore(now.minus(config.proofMaxAge())) || iat.isAfter(now.plus(ahead))) {
      throw new OAuthException(OAuthError.INVALID_PROOF, "the proof's iat is outside the accepted window");
    }
    if (!(claims.getClaim("nonce") instanceof String)) {
      // §8.3.1.2: a proof without a c_nonce is invalid_proof; a wrong one is invalid_nonce.
      throw new OAuthException(OAuthError.INVALID_PROOF, "the proof carries no c_nonce");
    }
  }

  private static <T> Future<T> refused(String description) {
    return Future.failedFuture(new OAuthException(OAuthError.INVALID_PROOF, description));
  }
}
