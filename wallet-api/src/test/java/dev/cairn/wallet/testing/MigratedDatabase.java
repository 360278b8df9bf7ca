package dev.cairn.wallet.testing;

import dev.cairn.wallet.config.CairnConfig;
import dev.cairn.wallet.db.ConnectionSettings;
import dev.cairn.wallet.db.Database;
import dev.cairn.wallet.db.Migrations;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

/**
 * A fresh database on the test PostgreSQL with Cairn's migrations applied and a reactive pool on it, for tests of
 * one store's SQL without a server around it (several pools stand for several instances).
 */
public final class MigratedDatabase implements AutoCloseable {
  private final Vertx vertx = Vertx.vertx();
  private final ConnectionSettings settings = TestPostgres.freshDatabase();
  private final List<Database> opened = new java.util.ArrayList<>();

  public MigratedDatabase() {
    Migrations.migrate(settings);
  }

  /** A new pool, as one more instance would have. */
  public Pool pool() {
    Database database = Database.open(vertx, settings, 4,
        new CairnConfig.DatabaseTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5)), List.of());
    opened.add(database);
    return database.pool();
  }

  /** Runs set-up SQL. */
  public void execute(String sql) {
    try (Connection connection = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
         Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    opened.forEach(database -> CairnUnderTest.await(database.close()));
    CairnUnderTest.await(vertx.close());
  }
}
