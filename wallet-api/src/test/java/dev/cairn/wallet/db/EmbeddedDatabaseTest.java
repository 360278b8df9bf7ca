package dev.cairn.wallet.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cairn.wallet.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded PostgreSQL Cairn runs for itself keeps what it acknowledged; the tests' shared one need not. */
class EmbeddedDatabaseTest {
  @Test
  void cairnsOwnEmbeddedDatabaseFlushesEveryCommitToDisk(@TempDir Path data) throws Exception {
    try (EmbeddedDatabase database = EmbeddedDatabase.start(data)) {
      ConnectionSettings settings = database.settings();
      assertEquals("on", setting(settings, "fsync"), "zonky's -F is overridden");
      assertEquals("on", setting(settings, "synchronous_commit"));
    }
  }

  @Test
  void theTestsThrowAwayDatabaseTradesDurabilityForSpeed() throws Exception {
    ConnectionSettings settings = TestPostgres.freshDatabase();
    assertEquals("off", setting(settings, "fsync"));
    assertEquals("off", setting(settings, "synchronous_commit"));
  }

  private static String setting(ConnectionSettings settings, String name) throws Exception {
    try (Connection connection = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
         Statement sql = connection.createStatement();
         ResultSet row = sql.executeQuery("SHOW " + name)) {
      row.next();
      return row.getString(1);
    }
  }
}
