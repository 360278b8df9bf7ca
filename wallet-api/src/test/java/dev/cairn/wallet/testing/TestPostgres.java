package dev.cairn.wallet.testing;

import dev.cairn.wallet.db.ConnectionSettings;
import dev.cairn.wallet.db.EmbeddedDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real embedded PostgreSQL for the whole test JVM (starting one costs seconds); every test server gets a
 * database of its own on it, so tests never see each other's rows.
 */
public final class TestPostgres {
  private static final AtomicInteger NEXT = new AtomicInteger();
  private static EmbeddedDatabase server;

  private TestPostgres() {}

  public static synchronized ConnectionSettings freshDatabase() {
    if (server == null) {
      try {
        server = EmbeddedDatabase.start(Files.createTempDirectory("cairn-test-pg"));
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
}
