package dev.cairn.wallet.db;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class DatabaseUnavailableTest {

  @Test
  void aRefusedConnectionEvenWrappedMeansTheDatabaseIsUnavailable() {
    assertTrue(DatabaseUnavailable.causedBy(new CompletionException(new ConnectException("Connection refused"))));
  }

  @Test
  void aConnectionLostMidQueryMeansTheDatabaseIsUnavailable() {
    assertTrue(DatabaseUnavailable.causedBy(ClosedConnectionException.INSTANCE));
  }

  @Test
  void aServerShuttingDownOrStillStartingMeansTheDatabaseIsUnavailable() {
    assertTrue(DatabaseUnavailable.causedBy(new PgException("terminating connection", "FATAL", "57P01", null)));
    assertTrue(DatabaseUnavailable.causedBy(new PgException("not yet accepting connections", "FATAL", "57P03", null)));
    assertTrue(DatabaseUnavailable.causedBy(new PgException("connection failure", "FATAL", "08006", null)));
  }

  @Test
  void aConstraintViolationOrABugIsNotUnavailability() {
    assertFalse(DatabaseUnavailable.causedBy(new PgException("duplicate key", "ERROR", "23505", null)));
    assertFalse(DatabaseUnavailable.causedBy(new IllegalStateException("a bug", new NullPointerException())));
  }
}
