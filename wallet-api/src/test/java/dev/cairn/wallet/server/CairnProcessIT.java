package dev.cairn.wallet.server;

import static dev.cairn.wallet.testing.Api.credentials;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.wallet.testing.CairnProcess;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar, run the way an operator runs it: `java -jar` with only environment variables, its own
 * embedded PostgreSQL (started as whatever user runs the build, root included), stopped with SIGTERM.
 */
class CairnProcessIT {
  private static final Map<String, String> ENV = Map.of("CAIRN_SHUTDOWN_DRAIN_SECONDS", "5");

  @Test
  void theJarStartsServesStopsOnSigtermAndKeepsItsDataForTheNextStart(@TempDir Path home) throws Exception {
    JsonObject session;
    try (CairnProcess first = CairnProcess.start(home, ENV)) {
      session = first.api().signUp("process@example.org");
      assertEquals(200, first.api().get("/v1/me", session.getString("accessToken")).status());
      assertEquals(143, first.terminate(), "a JVM that ran its shutdown hooks exits 128 + SIGTERM");
      assertTrue(first.lines.stream().anyMatch(line -> line.contains("\"message\":\"stopped\"")),
          () -> "logged its clean stop:\n" + first.output());
      assertTrue(first.lines.stream().anyMatch(line -> line.contains("\"logger\":\"cairn.access\"")
          && line.contains("\"route\":\"/v1/me\"") && line.contains("\"requestId\":")), "one JSON access line per request");
      assertFalse(first.lines.stream().anyMatch(line -> line.contains(session.getString("accessToken"))), "tokens never logged");
      assertFalse(first.lines.stream().anyMatch(line -> line.contains("a long enough password")), "passwords never logged");
    }
    assertFalse(Files.exists(home.resolve("pgdata/postmaster.pid")), "PostgreSQL was shut down cleanly");

    try (CairnProcess second = CairnProcess.start(home, ENV)) {
      var login = second.api().post("/v1/sessions", null, credentials("process@example.org", "a long enough password"));
      assertEquals(201, login.status(), login.body());
    }
  }
}
