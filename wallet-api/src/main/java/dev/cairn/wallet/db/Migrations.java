package dev.cairn.wallet.db;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;

/**
 * Flyway owns the schema: the SQL files under {@code db/migration} are applied in order at start-up, before
 * the server takes requests (docs/persistence.md). Blocking: call it from a worker thread.
 */
public final class Migrations {
  private Migrations() {}

  /** Applies pending migrations and returns the schema version now in force. */
  public static String migrate(ConnectionSettings settings) {
    Flyway flyway = Flyway.configure()
        .dataSource(settings.jdbcUrl(), settings.user(), settings.password())
        .locations("classpath:db/migration")
        .validateMigrationNaming(true)
        .load();
    flyway.migrate();
    MigrationVersion current = flyway.info().current().getVersion();
    return current.getVersion();
  }
}
