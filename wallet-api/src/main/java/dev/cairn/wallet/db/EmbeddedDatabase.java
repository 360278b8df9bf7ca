package dev.cairn.wallet.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * The PostgreSQL 17 that Cairn starts for itself when no database is configured. Its data directory persists,
 * so a restart keeps every row. zonky runs it under {@code unshare -U} when started as root, because
 * PostgreSQL refuses to run as root. A PostgreSQL left running by a killed Cairn is stopped first
 * ({@link LeftoverPostmaster}). Blocking: call it from a worker thread.
 */
public final class EmbeddedDatabase implements AutoCloseable {
  static final String DATABASE = "cairn";
  private final EmbeddedPostgres postgres;
  private final FileChannel lock;

  private EmbeddedDatabase(EmbeddedPostgres postgres, FileChannel lock) {
    this.postgres = postgres;
    this.lock = lock;
  }

  /** What a crash of the machine or of PostgreSQL may cost. */
  public enum Durability {
    /** Cairn's own database: a commit PostgreSQL acknowledged survives a crash. */
    DURABLE,
    /** A test's throw-away database: faster commits, and a crash may lose the last ones. */
    THROWAWAY
  }

  /** Cairn's own embedded database, durable. */
  public static EmbeddedDatabase start(Path dataDirectory) {
    return start(dataDirectory, Durability.DURABLE);
  }

  public static EmbeddedDatabase start(Path dataDirectory, Durability durability) {
    FileChannel lock = null;
    try {
      Files.createDirectories(dataDirectory);
      lock = lock(dataDirectory);
      LeftoverPostmaster.stopIfRunning(dataDirectory, Duration.ofSeconds(30));
      EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
          .setDataDirectory(dataDirectory)
          .setCleanDataDirectory(false)
          .setPGStartupWait(Duration.ofSeconds(60))
          .setServerConfig("max_connections", "200")
          .setServerConfig("listen_addresses", "127.0.0.1");
      if (durability == Durability.DURABLE) {
        // zonky starts postgres with -F (fsync off) and synchronous_commit=off, settings for tests that can lose
        // acknowledged commits when the machine or PostgreSQL crashes. A -c given later on the command line wins.
        builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
      }
      EmbeddedPostgres postgres = builder.start();
      EmbeddedDatabase database = new EmbeddedDatabase(postgres, lock);
      database.createDatabaseIfMissing(DATABASE);
      return database;
    } catch (IOException | RuntimeException e) {
      closeQuietly(lock);
      if (e instanceof IOException io) {
        throw new UncheckedIOException("embedded PostgreSQL did not start in " + dataDirectory, io);
      }
      throw (RuntimeException) e;
    }
  }

  /**
   * One Cairn per data directory: a second one would otherwise take the first one's PostgreSQL for a leftover. The
   * lock ({@code pgdata.lock} beside {@code pgdata/}, which initdb wants empty) is held while this process runs; the
   * OS drops it when the process dies, however it dies.
   */
  private static FileChannel lock(Path dataDirectory) throws IOException {
    Path lockFile = dataDirectory.resolveSibling(dataDirectory.getFileName() + ".lock");
    FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock held;
    try {
      held = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      held = null; // this very process holds it
    }
    if (held == null) {
      channel.close();
      throw new IllegalStateException("another Cairn is running on " + dataDirectory);
    }
    return channel;
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // Nothing to release beyond the lock, which closing drops anyway.
      }
    }
  }

  /** Creates a database on this server unless it exists; tests use it to give each suite its own. */
  public void createDatabaseIfMissing(String name) {
    if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
      throw new IllegalArgumentException("not a plain database name: " + name);
    }
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
         PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      exists.setString(1, name);
      try (ResultSet rows = exists.executeQuery()) {
        if (rows.next()) {
          return;
        }
      }
      try (Statement create = connection.createStatement()) {
        create.execute("CREATE DATABASE " + name);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not create database " + name, e);
    }
  }

  public ConnectionSettings settings() {
    return settings(DATABASE);
  }

  public ConnectionSettings settings(String database) {
    return new ConnectionSettings("postgresql://127.0.0.1:" + postgres.getPort() + "/" + database, "postgres", "");
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException("embedded PostgreSQL did not stop cleanly", e);
    } finally {
      closeQuietly(lock);
    }
  }
}
