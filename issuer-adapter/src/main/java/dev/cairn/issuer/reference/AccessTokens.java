package dev.cairn.issuer.reference;

import dev.cairn.issuer.oid4vci.OAuthError;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer Access Tokens (RFC 6750) the Token Endpoint issues, in memory, each for one redeemed offer. §6.1: a token
 * from the Pre-Authorized Code Flow is valid only for the Credentials that offer named.
 */
final class AccessTokens {

  /**
   * What a token allows: the offer's learner and configurations, and — when the Token Response carried
   * {@code authorization_details} — the {@code credential_identifiers} it handed out (§6.2), each naming one.
   */
  record Authorization(OfferRequest offer, Map<String, MicroCredentialConfiguration> credentialIdentifiers,
                       Instant expiresAt) {
    boolean identifiersIssued() {
      return !credentialIdentifiers.isEmpty();
    }
  }

  private final Map<String, Authorization> tokens = new ConcurrentHashMap<>();
  private final ReferenceIssuerConfig config;
  private final Clock clock;

  AccessTokens(ReferenceIssuerConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
  }

  String issue(OfferRequest offer, Map<String, MicroCredentialConfiguration> credentialIdentifiers) {
    String token = Secrets.token();
    tokens.put(token, new Authorization(offer, Map.copyOf(credentialIdentifiers),
        clock.instant().plus(config.accessTokenLifetime())));
    return token;
  }

  /** A token bought with a replayed authorization code stops working (RFC 6749 §4.1.2). */
  void revoke(String token) {
    tokens.remove(token);
  }

  /** RFC 6750 §2.1: the {@code Authorization: Bearer} header's token, known and unexpired, or {@code invalid_token}. */
  Authorization authorize(String authorizationHeader) {
    String token = Optional.ofNullable(authorizationHeader)
        .filter(header -> header.regionMatches(true, 0, "Bearer ", 0, 7))
        .map(header -> header.substring(7).trim())
        .orElseThrow(() -> new OAuthException(OAuthError.INVALID_TOKEN, "a Bearer access token is required"));
    Authorization authorization = tokens.get(token);
    if (authorization == null || !clock.instant().isBefore(authorization.expiresAt())) {
      throw new OAuthException(OAuthError.INVALID_TOKEN, "the access token is unknown or expired");
    }
    return authorization;
  }
}
