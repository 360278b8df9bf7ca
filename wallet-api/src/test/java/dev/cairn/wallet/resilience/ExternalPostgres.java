package dev.cairn.wallet.resilience;

import dev.cairn.wallet.db.ConnectionSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL (zonky's binaries) outside the Cairn processes, on a fixed loopback port, that a test can stop
 * the hard way and start again on the same port and data directory: what a failover or a database restart looks
 * like to Cairn.
 */
final class ExternalPostgres implements AutoCloseable {
  private final Path dataDirectory;
  private final int port;
  private EmbeddedPostgres postgres;

  private ExternalPostgres(Path dataDirectory, int port) {
    this.dataDirectory = dataDirectory;
    this.port = port;
  }

  static ExternalPostgres start(Path dataDirectory) throws IOException {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    ExternalPostgres external = new ExternalPostgres(dataDirectory, port);
    external.startAgain();
    return external;
  }

  /** Starts PostgreSQL on this data directory and port (again, after {@link #stopImmediately()}). */
  void startAgain() throws IOException {
    Files.createDirectories(dataDirectory);
    postgres = EmbeddedPostgres.builder()
        .setDataDirectory(dataDirectory)
        .setCleanDataDirectory(false)
        .setPort(port)
        .setRegisterShutdownHook(false)
        .setPGStartupWait(Duration.ofSeconds(60))
        .setServerConfig("max_connections", "200")
        .setServerConfig("listen_addresses", "127.0.0.1")
        // Durable, as an operator's PostgreSQL is (zonky's test defaults turn both off): an immediate stop then
        // costs no acknowledged commit, as in production.
        .setServerConfig("fsync", "on")
        .setServerConfig("synchronous_commit", "on")
        .start();
  }

  /**
   * {@code pg_ctl stop -m immediate}: SIGQUIT to the postmaster, which ends every backend at once without a
   * checkpoint (crash recovery on the next start); clients see their connections drop and new ones refused.
   */
  void stopImmediately() throws Exception {
    long pid = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
    Process kill = new ProcessBuilder("kill", "-QUIT", Long.toString(pid)).inheritIO().start();
    if (kill.waitFor() != 0) {
      throw new IllegalStateException("kill -QUIT " + pid + " failed");
    }
    ProcessHandle postmaster = ProcessHandle.of(pid).orElse(null);
    if (postmaster != null) {
      postmaster.onExit().get(30, TimeUnit.SECONDS);
    }
    // Releases zonky's lock on the data directory so that startAgain() may take it; its pg_ctl stop finds no
    // server and logs that (expected here).
    postgres.close();
  }

  ConnectionSettings settings() {
    return new ConnectionSettings("postgresql://127.0.0.1:" + port + "/postgres", "postgres", "");
  }

  /** Cairn's environment for this database. */
  Map<String, String> cairnEnvironment() {
    return Map.of("CAIRN_DB_URL", settings().url(), "CAIRN_DB_USER", "postgres", "CAIRN_DB_PASSWORD", "");
  }

  /** A plain JDBC connection for checking the tables directly. */
  Connection connect() throws SQLException {
    return DriverManager.getConnection(settings().jdbcUrl(), "postgres", "");
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
