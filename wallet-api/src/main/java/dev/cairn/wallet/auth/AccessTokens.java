package dev.cairn.wallet.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.bc.BouncyCastleProviderSingleton;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.cairn.wallet.config.CairnConfig;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import java.util.UUID;

/**
 * Cairn's own access tokens: JWTs in the RFC 9068 profile ({@code typ: at+jwt}), signed ES256 with the server's
 * key, naming the account ({@code sub}) and the sign-in session ({@code sid}). Signing and verifying are CPU
 * work: call them on the crypto worker pool.
 */
public final class AccessTokens {
  /** RFC 9068 §2.1: the media type of JWT access tokens. */
  static final JOSEObjectType AT_JWT = new JOSEObjectType("at+jwt");
  static final String SESSION_CLAIM = "sid";

  /** A verified token's facts. */
  public record Verified(UUID accountId, UUID sessionId, Instant expiresAt) {}

  private final ECKey key;
  private final CairnConfig.Tokens config;
  private final Clock clock;
  private final ECDSASigner signer;
  private final DefaultJWTProcessor<SecurityContext> processor;

  public AccessTokens(ECKey key, CairnConfig.Tokens config, Clock clock) {
    this.key = key;
    this.config = config;
    this.clock = clock;
    try {
      this.signer = new ECDSASigner(key);
    } catch (JOSEException e) {
      throw new IllegalStateException("the signing key cannot sign ES256", e);
    }
    this.processor = new DefaultJWTProcessor<>();
    processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(AT_JWT));
    // Only ES256 with our own key: alg "none", HMAC and other keys are refused before any claim is read.
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256,
        new ImmutableJWKSet<>(new JWKSet(key.toPublicJWK()))));
    processor.setJWTClaimsSetVerifier(new ClockedClaimsVerifier(config.audience(),
        new JWTClaimsSet.Builder().issuer(config.issuer()).build(),
        Set.of("sub", "exp", "iat", "jti", SESSION_CLAIM), clock));
    processor.getJWSVerifierFactory().getJCAContext().setProvider(BouncyCastleProviderSingleton.getInstance());
  }

  public String issuer() {
    return config.issuer();
  }

  public long lifetimeSeconds() {
    return config.accessTokenTtl().toSeconds();
  }

  public String issue(UUID accountId, UUID sessionId) {
    Instant now = clock.instant();
    JWTClaimsSet claims = new JWTClaimsSet.Builder()
        .issuer(config.issuer())
        .subject(accountId.toString())
        .audience(config.audience())
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(config.accessTokenTtl())))
        .jwtID(UUID.randomUUID().toString())
        .claim(SESSION_CLAIM, sessionId.toString())
        .claim("client_id", "cairn")
        .build();
    SignedJWT jwt = new SignedJWT(
        new JWSHeader.Builder(JWSAlgorithm.ES256).type(AT_JWT).keyID(key.getKeyID()).build(), claims);
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("ES256 signing failed", e);
    }
    return jwt.serialize();
  }

  /** Verifies signature, type, issuer, audience and time; throws {@link InvalidTokenException} saying why not. */
  public Verified verify(String token) {
    try {
      JWTClaimsSet claims = processor.process(token, null);
      return new Verified(UUID.fromString(claims.getSubject()),
          UUID.fromString(claims.getStringClaim(SESSION_CLAIM)), claims.getExpirationTime().toInstant());
    } catch (ParseException e) {
      throw new InvalidTokenException("the access token is not a well-formed JWT");
    } catch (IllegalArgumentException e) {
      throw new InvalidTokenException("the access token names no valid account or session");
    } catch (com.nimbusds.jose.proc.BadJOSEException e) {
      throw new InvalidTokenException(ClockedClaimsVerifier.describe(e));
    } catch (JOSEException e) {
      throw new InvalidTokenException("the access token signature could not be checked");
    }
  }
}
