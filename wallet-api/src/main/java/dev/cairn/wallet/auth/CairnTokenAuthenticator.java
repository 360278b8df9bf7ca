package dev.cairn.wallet.auth;

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
  private static final String SESSION_LIVE =
      "SELECT 1 FROM auth_session WHERE id = $1 AND account_id = $2 AND revoked_at IS NULL AND expires_at > $3";

  private final AccessTokens tokens;
  private final Workers workers;
  private final Pool pool;
  private final Clock clock;

  public CairnTokenAuthenticator(AccessTokens tokens, Workers workers, Pool pool, Clock clock) {
    this.tokens = tokens;
    this.workers = workers;
    this.pool = pool;
    this.clock = clock;
  }

  @Override
  public Future<Principal> authenticate(String bearerToken) {
    return workers.crypto(() -> tokens.verify(bearerToken))
        .compose(verified -> pool.preparedQuery(SESSION_LIVE)
            .execute(Tuple.of(verified.sessionId(), verified.accountId(), clock.instant().atOffset(ZoneOffset.UTC)))
            .map(rows -> {
              if (rows.size() == 0) {
                throw new InvalidTokenException("the sign-in session of this access token has ended");
              }
              return new Principal(verified.accountId(), Optional.of(verified.sessionId()));
            }));
  }
}
