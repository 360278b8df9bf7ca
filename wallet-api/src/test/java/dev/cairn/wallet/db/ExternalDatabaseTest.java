package dev.cairn.wallet.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.wallet.config.CairnConfig;
import dev.cairn.wallet.server.CairnServer;
import dev.cairn.wallet.testing.Api;
import dev.cairn.wallet.testing.CairnUnderTest;
import dev.cairn.did.testing.TestClock;
import dev.cairn.wallet.testing.TestPostgres;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CAIRN_DB_URL/USER/PASSWORD: an operator's PostgreSQL that demands SCRAM-SHA-256. */
class ExternalDatabaseTest {

  @Test
  void startsOnAPostgresThatRequiresScramAndMigratesIt(@TempDir Path home) {
    ConnectionSettings db = TestPostgres.freshScramDatabase("cairn_scram_ok", "s3cret-for-scram");
    CairnServer server = CairnUnderTest.await(CairnServer.start(config(home, db.url(), "cairn_scram_ok", "s3cret-for-scram"),
        new TestClock()));
    try {
      Api api = new Api("http://127.0.0.1:" + server.port());
      assertEquals(200, api.get("/health/ready", null).status());
      assertEquals(201, api.post("/v1/accounts", null, Api.credentials("scram@example.org", "a long enough password")).status());
    } finally {
      CairnUnderTest.await(server.stop());
    }
  }

  @Test
  void aWrongDatabasePasswordFailsTheStartWithTheReason(@TempDir Path home) {
    ConnectionSettings db = TestPostgres.freshScramDatabase("cairn_scram_bad", "the-right-password");
    IllegalStateException failure = assertThrows(IllegalStateException.class, () -> CairnUnderTest.await(
        CairnServer.start(config(home, "jdbc:" + db.url(), "cairn_scram_bad", "the-wrong-password"), new TestClock())));
    assertTrue(String.valueOf(failure.getCause()).contains("password authentication failed"), failure.toString());
  }

  private static CairnConfig config(Path home, String url, String user, String password) {
    return CairnConfig.fromEnvironment(Map.of("CAIRN_HOME", home.toString(), "CAIRN_HTTP_HOST", "127.0.0.1",
        "CAIRN_HTTP_PORT", "0", "CAIRN_DB_URL", url, "CAIRN_DB_USER", user, "CAIRN_DB_PASSWORD", password));
  }
}
