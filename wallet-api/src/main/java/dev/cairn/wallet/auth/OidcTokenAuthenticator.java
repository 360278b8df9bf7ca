package dev.cairn.wallet.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.cairn.wallet.config.CairnConfig;
import dev.cairn.wallet.server.Workers;
import io.vertx.core.Future;
import java.text.ParseException;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;

/**
 * Accepts access tokens from the configured OpenID Connect provider: signed with one of its published keys by
 * an asymmetric algorithm, {@code iss} exactly the provider, {@code aud} containing Cairn's audience, within
 * {@code exp}/{@code nbf}. The token's {@code sub} maps to a learner account, created on first sight.
 */
public final class OidcTokenAuthenticator implements Authenticator {
  private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(
      JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
      JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512,
      JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512);

  private final CairnConfig.Oidc config;
  private final OidcKeys keys;
  private final ExternalIdentities identities;
  private final Workers workers;
  private final Clock clock;

  public OidcTokenAuthenticator(CairnConfig.Oidc config, OidcKeys keys, ExternalIdentities identities,
                                Workers workers, Clock clock) {
    this.config = config;
    this.keys = keys;
    this.identities = identities;
    this.workers = workers;
    this.clock = clock;
  }

  public String issuer() {
    return config.issuer();
  }

  @Override
  public Future<Principal> authenticate(String bearerToken) {
    SignedJWT jwt;
    try {
      jwt = SignedJWT.parse(bearerToken);
    } catch (ParseException e) {
      return Future.failedFuture(new InvalidTokenException("the access token is not a signed JWT"));
    }
    if (!ALGORITHMS.contains(jwt.getHeader().getAlgorithm())) {
      return Future.failedFuture(new InvalidTokenException("the access token's algorithm is not accepted"));
    }
    return keys.key(jwt.getHeader().getKeyID())
        .recover(unreachable -> Future.failedFuture(
            new InvalidTokenException("the identity provider's keys cannot be fetched right now")))
        .compose(key -> key.isPresent()
            ? workers.crypto(() -> verify(bearerToken, key.get()))
            : Future.failedFuture(new InvalidTokenException("the access token is signed by an unknown key")))
        .compose(subject -> identities.accountFor(config.issuer(), subject))
        .map(accountId -> new Principal(accountId, Optional.empty()));
  }

  private String verify(String token, JWK key) {
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(
        JOSEObjectType.JWT, new JOSEObjectType("at+jwt"), null));
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, new ImmutableJWKSet<>(new JWKSet(key))));
    processor.setJWTClaimsSetVerifier(new ClockedClaimsVerifier(config.audience(),
        new JWTClaimsSet.Builder().issuer(config.issuer()).build(), Set.of("sub", "exp"), clock));
    try {
      return processor.process(token, null).getSubject();
    } catch (ParseException e) {
      throw new InvalidTokenException("the access token is not a well-formed JWT");
    } catch (BadJOSEException e) {
      throw new InvalidTokenException(ClockedClaimsVerifier.describe(e));
    } catch (JOSEException e) {
      throw new InvalidTokenException("the access token signature could not be checked");
    }
  }
}
