package dev.cairn.wallet.testing;

import dev.cairn.wallet.config.CairnConfig;
import dev.cairn.wallet.db.ConnectionSettings;
import dev.cairn.wallet.server.CairnServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import dev.cairn.did.testing.TestClock;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Cairn server on a loopback port with its own database on the shared test PostgreSQL, configured
 * through the same environment variables an operator uses. Use it as a JUnit extension
 * ({@code @RegisterExtension static final CairnUnderTest cairn = CairnUnderTest.perClass();}) or start one by hand.
 */
public final class CairnUnderTest implements AutoCloseable, BeforeAllCallback, AfterAllCallback {
  public final TestClock clock = new TestClock();
  private final Map<String, String> extraEnv;
  private Api api;
  private Path home;
  private CairnServer server;
  private ConnectionSettings database;

  private CairnUnderTest(Map<String, String> extraEnv) {
    this.extraEnv = Map.copyOf(extraEnv);
  }

  /** Started before the class's first test, stopped after its last. */
  public static CairnUnderTest perClass() {
    return new CairnUnderTest(Map.of());
  }

  public static CairnUnderTest perClass(Map<String, String> env) {
    return new CairnUnderTest(env);
  }

  public static CairnUnderTest start() {
    return start(Map.of());
  }

  public static CairnUnderTest start(Map<String, String> env) {
    CairnUnderTest cairn = new CairnUnderTest(env);
    cairn.launch();
    return cairn;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    launch();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close();
  }

  public Api api() {
    return api;
  }

  /** This server's CAIRN_HOME. */
  public Path home() {
    return home;
  }

  /** A new server on a stopped one's home and database, with more (or changed) settings. */
  public static CairnUnderTest restart(CairnUnderTest previous, Map<String, String> env) {
    Map<String, String> merged = new HashMap<>(previous.extraEnv);
    merged.putAll(env);
    CairnUnderTest cairn = new CairnUnderTest(merged);
    cairn.home = previous.home;
    cairn.database = previous.database;
    cairn.launch();
    return cairn;
  }

  /** A second instance beside a running one: the same home (keys) and the same database, as two pods would be. */
  public static CairnUnderTest alongside(CairnUnderTest running) {
    return alongside(running, Map.of());
  }

  /** As {@link #alongside(CairnUnderTest)}, with more (or changed) settings. */
  public static CairnUnderTest alongside(CairnUnderTest running, Map<String, String> env) {
    Map<String, String> merged = new HashMap<>(running.extraEnv);
    merged.putAll(env);
    CairnUnderTest cairn = new CairnUnderTest(merged);
    cairn.home = running.home;
    cairn.database = running.database;
    cairn.launch();
    return cairn;
  }

  private void launch() {
    try {
      if (home == null) {
        this.home = Files.createTempDirectory("cairn-home");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (database == null) {
      this.database = TestPostgres.freshDatabase();
    }
    Map<String, String> env = new HashMap<>();
    env.put("CAIRN_HOME", home.toString());
    env.put("CAIRN_HTTP_HOST", "127.0.0.1");
    env.put("CAIRN_HTTP_PORT", "0");
    env.put("CAIRN_DB_URL", database.url());
    env.put("CAIRN_DB_USER", database.user());
    env.put("CAIRN_DB_PASSWORD", database.password());
    env.put("CAIRN_DB_POOL_SIZE", "4");
    env.put("CAIRN_SHUTDOWN_DRAIN_SECONDS", "2");
    // The production deadline (250 ms) guards against crafted graphs; a cold JVM on a busy CI machine can need more
    // for an honest ecdsa-sd-2023 credential, and that is not what these tests are about.
    env.put("CAIRN_CANONICALIZATION_DEADLINE_MS", "5000");
    env.putAll(extraEnv);
    this.server = await(CairnServer.start(CairnConfig.fromEnvironment(env), clock));
    this.api = new Api("http://127.0.0.1:" + server.port());
  }

  public CairnServer server() {
    return server;
  }

  /** The number of rows in every table of the schema, to prove a rejected request changed nothing. */
  public Map<String, Long> rowCounts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
         Statement statement = connection.createStatement();
         ResultSet tables = statement.executeQuery(
             "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")) {
      while (tables.next()) {
        counts.put(tables.getString(1), 0L);
      }
      for (String table : counts.keySet()) {
        try (Statement count = connection.createStatement();
             ResultSet rows = count.executeQuery("SELECT count(*) FROM \"" + table + "\"")) {
          rows.next();
          counts.put(table, rows.getLong(1));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return counts;
  }

  /** Runs one SQL statement against this server's database (test set-up and assertions only). */
  public long queryLong(String sql) {
    try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
         Statement statement = connection.createStatement();
         ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Runs one query against this server's database; each row as column name → JDBC value (assertions only). */
  public java.util.List<Map<String, Object>> rows(String sql) {
    try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
         Statement statement = connection.createStatement();
         ResultSet rows = statement.executeQuery(sql)) {
      java.util.List<Map<String, Object>> found = new java.util.ArrayList<>();
      while (rows.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int column = 1; column <= rows.getMetaData().getColumnCount(); column++) {
          row.put(rows.getMetaData().getColumnLabel(column), rows.getObject(column));
        }
        found.add(row);
      }
      return found;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    await(server.stop());
  }

  public static <T> T await(io.vertx.core.Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
