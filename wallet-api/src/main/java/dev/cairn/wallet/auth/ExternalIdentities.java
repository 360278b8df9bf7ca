package dev.cairn.wallet.auth;

import dev.cairn.wallet.holder.HolderKeys;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Maps an external identity provider's subject to its Cairn account, creating the account the first time the
 * subject signs in. The mapping never changes once made, so each instance may cache it.
 */
public final class ExternalIdentities {
  private static final String FIND = "SELECT account_id FROM external_identity WHERE issuer = $1 AND subject = $2";
  private static final String UNIQUE_VIOLATION = "23505";

  private final Pool pool;
  private final Clock clock;
  private final Cache<String, UUID> known = Caffeine.newBuilder().maximumSize(100_000).build();

  private final HolderKeys holderKeys;

  public ExternalIdentities(Pool pool, HolderKeys holderKeys, Clock clock) {
    this.pool = pool;
    this.holderKeys = holderKeys;
    this.clock = clock;
  }

  public Future<UUID> accountFor(String issuer, String subject) {
    String cacheKey = issuer + '\n' + subject;
    UUID cached = known.getIfPresent(cacheKey);
    if (cached != null) {
      return Future.succeededFuture(cached);
    }
    return find(issuer, subject)
        .compose(found -> found != null ? Future.succeededFuture(found) : create(issuer, subject))
        .onSuccess(accountId -> known.put(cacheKey, accountId));
  }

  private Future<UUID> find(String issuer, String subject) {
    return pool.preparedQuery(FIND).execute(Tuple.of(issuer, subject))
        .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getUUID("account_id"));
  }

  /** The account, its mapping and its holder keys, in one transaction. */
  private Future<UUID> create(String issuer, String subject) {
    UUID accountId = UUID.randomUUID();
    var now = clock.instant().atOffset(ZoneOffset.UTC);
    return holderKeys.generate(accountId).compose(keys -> pool.withTransaction(connection -> connection
            .preparedQuery("INSERT INTO account (id, created_at) VALUES ($1, $2)")
            .execute(Tuple.of(accountId, now))
            .compose(done -> connection
                .preparedQuery("INSERT INTO external_identity (issuer, subject, account_id, created_at) VALUES ($1, $2, $3, $4)")
                .execute(Tuple.of(issuer, subject, accountId, now)))
            .compose(done -> holderKeys.insert(connection, keys))))
        .map(accountId)
        // Two first requests of the same subject raced; the other one's account stands.
        .recover(failure -> failure instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState())
            ? find(issuer, subject)
            : Future.failedFuture(failure));
  }
}
