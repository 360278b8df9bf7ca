package dev.cairn.wallet.auth;

import dev.cairn.wallet.config.CairnConfig;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Counts failed logins per account and per client address in a fixed window; past the limit, logins for that
 * key are refused until the window has passed. Accounts are keyed by a hash of the email whether or not the
 * account exists, so the answer never tells which emails are registered. Counters live in PostgreSQL so every
 * instance enforces the same limit.
 */
public final class LoginThrottle {
  private static final String RECORD_FAILURE = """
      INSERT INTO login_throttle AS t (throttle_key, failures, window_started_at, blocked_until)
      VALUES ($1, 1, $2, CASE WHEN 1 >= $4 THEN $5 END)
      ON CONFLICT (throttle_key) DO UPDATE SET
        failures = CASE WHEN t.window_started_at < $3 THEN 1 ELSE t.failures + 1 END,
        window_started_at = CASE WHEN t.window_started_at < $3 THEN $2 ELSE t.window_started_at END,
        blocked_until = CASE
          WHEN (CASE WHEN t.window_started_at < $3 THEN 1 ELSE t.failures + 1 END) >= $4 THEN $5
          ELSE t.blocked_until END""";
  private static final String BLOCKED_UNTIL =
      "SELECT max(blocked_until) AS until FROM login_throttle WHERE throttle_key IN ($1, $2) AND blocked_until > $3";

  private final Pool pool;
  private final CairnConfig.LoginThrottling limits;
  private final Clock clock;

  public LoginThrottle(Pool pool, CairnConfig.LoginThrottling limits, Clock clock) {
    this.pool = pool;
    this.limits = limits;
    this.clock = clock;
  }

  /** How long the caller must wait before trying again, if either key is blocked now. */
  public Future<Optional<Duration>> retryAfter(String email, String address) {
    Instant now = clock.instant();
    return pool.preparedQuery(BLOCKED_UNTIL)
        .execute(Tuple.of(accountKey(email), addressKey(address), at(now)))
        .map(rows -> {
          Row row = rows.iterator().next();
          OffsetDateTime until = row.getOffsetDateTime("until");
          return until == null ? Optional.<Duration>empty()
              : Optional.of(Duration.between(now, until.toInstant()));
        });
  }

  public Future<Void> recordFailure(String email, String address) {
    return Future.join(
            bump(accountKey(email), limits.maxFailuresPerAccount()),
            bump(addressKey(address), limits.maxFailuresPerAddress()))
        .mapEmpty();
  }

  /** A successful login clears the account's counter (not the address's: one good password proves little). */
  public Future<Void> recordSuccess(String email) {
    return pool.preparedQuery("DELETE FROM login_throttle WHERE throttle_key = $1")
        .execute(Tuple.of(accountKey(email))).mapEmpty();
  }

  private Future<Void> bump(String key, int limit) {
    Instant now = clock.instant();
    return pool.preparedQuery(RECORD_FAILURE)
        .execute(Tuple.of(key, at(now), at(now.minus(limits.window())), limit, at(now.plus(limits.window()))))
        .mapEmpty();
  }

  private static OffsetDateTime at(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static String accountKey(String email) {
    return "account:" + Sha256.hex(email);
  }

  private static String addressKey(String address) {
    return "address:" + address;
  }

}
