package dev.cairn.wallet.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Locale;
import dev.cairn.wallet.server.Workers;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Accepts Cairn's own access tokens: the signature and claims are checked on the crypto pool, then the sign-in
 * session must still be live, so logging out or a detected refresh-token reuse ends access at once rather
 * than when the token expires.
 */
public final class CairnTokenAuthenticator implements Authenticator {
  /** The session must be live; the account's role comes with it, in the same round trip. */
  private static final String SESSION_LIVE = "SELECT a.role FROM auth_session s JOIN account a ON a.id = s.account_id "
      + "WHERE s.id = $1 AND s.account_id = $2 AND s.revoked_at IS NULL AND s.expires_at > $3";

  private final AccessTokens tokens;
  private final Workers workers;
  private final Pool pool;
  private final Clock clock;

  /**
   * Tokens whose signature and claims already verified, by their exact text, until they expire. A mobile app
   * sends the same token for 15 minutes; checking its ES256 signature once instead of on every request halves the
   * signature work of a request. Safe because the same bytes verify the same way; what can change — the session —
   * is still checked in the database on every request.
   */
  private final Cache<String, AccessTokens.Verified> alreadyVerified =
      Caffeine.newBuilder().maximumSize(20_000).expireAfterWrite(Duration.ofMinutes(30)).build();

  public CairnTokenAuthenticator(AccessTokens tokens, Workers workers, Pool pool, Clock clock) {
    this.tokens = tokens;
    this.workers = workers;
    this.pool = pool;
    this.clock = clock;
  }

  @Override
  public Future<Principal> authenticate(String bearerToken) {
    return verified(bearerToken)
        .compose(verified -> pool.preparedQuery(SESSION_LIVE)
            .execute(Tuple.of(verified.sessionId(), verified.accountId(), clock.instant().atOffset(ZoneOffset.UTC)))
            .map(rows -> {
              if (rows.size() == 0) {
                throw new InvalidTokenException("the sign-in session of this access token has ended");
              }
              return new Principal(verified.accountId(), Optional.of(verified.sessionId()),
                  Principal.Role.valueOf(rows.iterator().next().getString("role").toUpperCase(Locale.ROOT)));
            }));
  }

  private Future<AccessTokens.Verified> verified(String bearerToken) {
    AccessTokens.Verified known = alreadyVerified.getIfPresent(bearerToken);
    if (known != null && clock.instant().isBefore(known.expiresAt())) {
      return Future.succeededFuture(known);
    }
    return workers.crypto(() -> tokens.verify(bearerToken))
        .onSuccess(verified -> alreadyVerified.put(bearerToken, verified));
  }
}
