package dev.cairn.wallet.server;

import static dev.cairn.wallet.testing.Api.credentials;
import static dev.cairn.wallet.testing.CairnUnderTest.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.wallet.config.CairnConfig;
import dev.cairn.wallet.testing.Api;
import dev.cairn.did.testing.TestClock;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default mode: no database configured, so Cairn runs its own PostgreSQL in CAIRN_HOME and keeps it. */
class RestartTest {

  @Test
  void anAccountCreatedBeforeARestartSignsInAfterIt(@TempDir Path home) {
    CairnConfig config = CairnConfig.fromEnvironment(Map.of(
        "CAIRN_HOME", home.toString(), "CAIRN_HTTP_HOST", "127.0.0.1", "CAIRN_HTTP_PORT", "0"));
    TestClock clock = new TestClock();

    CairnServer first = await(CairnServer.start(config, clock));
    Api api = new Api("http://127.0.0.1:" + first.port());
    JsonObject session = api.signUp("persistent@example.org");
    String accountId = api.get("/v1/me", session.getString("accessToken")).json().getString("id");
    await(first.stop());
    assertFalse(Files.exists(home.resolve("pgdata/postmaster.pid")), "the embedded PostgreSQL stopped cleanly");
    assertTrue(Files.exists(home.resolve("keys/signing-key.jwk")));

    CairnServer second = await(CairnServer.start(config, clock));
    try {
      Api again = new Api("http://127.0.0.1:" + second.port());
      assertEquals(200, again.get("/v1/me", session.getString("accessToken")).status(),
          "the signing key and the session survived the restart");
      var login = again.post("/v1/sessions", null, credentials("persistent@example.org", "a long enough password"));
      assertEquals(201, login.status(), login.body());
      assertEquals(accountId, again.get("/v1/me", login.json().getString("accessToken")).json().getString("id"));
    } finally {
      await(second.stop());
    }
  }
}
