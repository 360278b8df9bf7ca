package dev.cairn.wallet.testing;

import dev.cairn.wallet.db.ConnectionSettings;
import dev.cairn.wallet.db.EmbeddedDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real embedded PostgreSQL for the whole test JVM (starting one costs seconds); every test server gets a
 * database of its own on it, so tests never see each other's rows. Throw-away: commits skip the disk flush.
 */
public final class TestPostgres {
  private static final AtomicInteger NEXT = new AtomicInteger();
  private static EmbeddedDatabase server;
  private static Path dataDirectory;

  private TestPostgres() {}

  public static synchronized ConnectionSettings freshDatabase() {
    if (server == null) {
      try {
        dataDirectory = Files.createTempDirectory("cairn-test-pg");
        server = EmbeddedDatabase.start(dataDirectory, EmbeddedDatabase.Durability.THROWAWAY);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      EmbeddedDatabase started = server;
      Runtime.getRuntime().addShutdownHook(new Thread(started::close, "test-postgres-stop"));
    }
    String name = "test_" + ProcessHandle.current().pid() + "_" + NEXT.incrementAndGet();
    server.createDatabaseIfMissing(name);
    return server.settings(name);
  }

  /**
   * A database owned by a login role that must authenticate with SCRAM-SHA-256 over TCP, as an operator's
   * PostgreSQL would demand; the embedded server otherwise trusts local connections.
   */
  public static synchronized ConnectionSettings freshScramDatabase(String role, String password) {
    ConnectionSettings admin = freshDatabase();
    String database = admin.url().substring(admin.url().lastIndexOf('/') + 1);
    try (Connection connection = DriverManager.getConnection(admin.jdbcUrl(), admin.user(), admin.password());
         Statement sql = connection.createStatement()) {
      sql.execute("SET password_encryption = 'scram-sha-256'");
      sql.execute("CREATE ROLE " + role + " LOGIN PASSWORD '" + password + "'");
      sql.execute("ALTER DATABASE " + database + " OWNER TO " + role);
      sql.execute("GRANT ALL ON SCHEMA public TO " + role);
      Path hba = dataDirectory.resolve("pg_hba.conf");
      String rules = Files.readString(hba);
      Files.writeString(hba, "host all " + role + " 127.0.0.1/32 scram-sha-256\n" + rules);
      sql.execute("SELECT pg_reload_conf()");
    } catch (SQLException | IOException e) {
      throw new IllegalStateException("could not set up a SCRAM role", e);
    }
    return new ConnectionSettings(admin.url(), role, password);
  }
}
