package dev.cairn.wallet.jobs;

import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * One thing the expiry clean-up removes or closes: a statement over at most {@code $2} rows chosen by {@code ctid}
 * (so one batch holds its locks briefly), whose {@code $1} is the cut-off: rows that ended at or before it go.
 * {@code $3}, where a statement uses it, is now.
 *
 * @param name  what it cleans, for the log and docs/background-jobs.md
 * @param sql   the bounded statement
 * @param keep  how long after its end a row is kept (the cut-off is now minus this)
 * @param usesNow whether the statement takes now as {@code $3}
 */
record ExpiryRule(String name, String sql, Duration keep, boolean usesNow) {

  /** A bounded DELETE of the rows of {@code table} that {@code ended} selects, with {@code $1} as the cut-off. */
  static ExpiryRule delete(String name, String table, String ended, Duration keep) {
    return new ExpiryRule(name, "DELETE FROM " + table + " WHERE ctid IN (SELECT ctid FROM " + table + " WHERE "
        + ended + " LIMIT $2)", keep, false);
  }

  Tuple parameters(Instant now, int limit) {
    Tuple tuple = Tuple.of(now.minus(keep).atOffset(ZoneOffset.UTC), limit);
    return usesNow ? tuple.addOffsetDateTime(now.atOffset(ZoneOffset.UTC)) : tuple;
  }
}
