package dev.cairn.wallet.db;

import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.DatabaseException;
import java.net.SocketException;
import java.util.concurrent.TimeoutException;

/**
 * Tells a failure that means "PostgreSQL is not there right now" (stopped, restarting, failing over, unreachable) from
 * a bug, so that the HTTP layer answers 503 with {@code Retry-After} and the caller retries, instead of a 500
 * (docs/resilience.md).
 */
public final class DatabaseUnavailable {
  private DatabaseUnavailable() {}

  /** True when {@code failure}, or anything that caused it, says the database could not be reached or went away. */
  public static boolean causedBy(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof ClosedConnectionException
          // Connection refused (ConnectException) or reset while a query ran.
          || cause instanceof SocketException
          // The pool's wait for a connection (CAIRN_DB_ACQUIRE_TIMEOUT_MS) ran out.
          || cause instanceof TimeoutException
          || cause instanceof DatabaseException database && unavailableState(database.getSqlState())) {
        return true;
      }
    }
    return false;
  }

  /**
   * SQLSTATE class 08 (connection exception) and 57P01–57P03 (admin shutdown, crash shutdown, cannot connect now:
   * the server is stopping or still starting), PostgreSQL's Appendix A.
   */
  private static boolean unavailableState(String sqlState) {
    return sqlState != null && (sqlState.startsWith("08") || sqlState.equals("57P01") || sqlState.equals("57P02")
        || sqlState.equals("57P03"));
  }
}
