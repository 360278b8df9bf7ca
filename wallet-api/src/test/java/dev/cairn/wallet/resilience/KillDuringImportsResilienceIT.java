package dev.cairn.wallet.resilience;

import dev.cairn.wallet.testing.CairnProcess;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.wallet.testing.Api;
import dev.cairn.wallet.testing.Credentials;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 in the middle of a burst of imports, each with its own Idempotency-Key, then a restart and a replay of
 * every request with the same key: what a mobile app retrying after a crashed pod does.
 */
class KillDuringImportsResilienceIT {
  private static final int IMPORTS = 160;
  private static final int CLIENTS = 8;
  /** Acknowledged imports after which the JVM is killed: well inside the burst, so some are in flight. */
  private static final int KILL_AFTER = 40;

  private final Credentials issuer = new Credentials();

  @Test
  void everyAcknowledgedImportIsStoredOnceAndReplaysTheSameAnswerAfterKillMinus9(@TempDir Path dir) throws Exception {
    try (ExternalPostgres postgres = ExternalPostgres.start(dir.resolve("pgdata"))) {
      Map<String, String> env = Map.of("CAIRN_DB_URL", postgres.settings().url(), "CAIRN_DB_USER", "postgres");
      List<byte[]> bodies = credentials();
      Map<Integer, Outcome> first = new ConcurrentHashMap<>();
      String token;
      CairnProcess cairn = CairnProcess.start(dir.resolve("home"), env);
      try {
        token = cairn.api().signUp("burst@example.org").getString("accessToken");
        burst(cairn, token, bodies, first);
      } finally {
        cairn.kill();
      }
      long acknowledged = first.values().stream().filter(Outcome::acknowledged).count();
      assertTrue(acknowledged >= KILL_AFTER && acknowledged < IMPORTS,
          "killed mid-burst: " + acknowledged + " of " + IMPORTS + " acknowledged");
      for (Outcome outcome : first.values()) {
        assertTrue(outcome.acknowledged() || outcome.response().isEmpty(),
            () -> "before the kill, an import either succeeded or got no answer: " + outcome.describe());
      }

      try (CairnProcess restarted = CairnProcess.start(dir.resolve("home"), env)) {
        for (int i = 0; i < IMPORTS; i++) {
          Api.Response replay = importOne(restarted.api(), token, i, bodies.get(i));
          assertTrue(replay.status() == 201 || replay.status() == 200, "replay " + i + ": " + replay.body());
          Outcome original = first.get(i);
          if (original.acknowledged()) {
            Api.Response answered = original.response().orElseThrow();
            assertEquals(answered.status(), replay.status(), "replay " + i + " answers the same status");
            assertEquals(answered.json().getString("id"), replay.json().getString("id"), "the same credential");
            assertEquals("true", replay.header("Idempotent-Replayed").orElse(null), "replay " + i + " is a replay");
          }
        }
      }

      List<String> acknowledgedIds = first.values().stream().filter(Outcome::acknowledged)
          .map(outcome -> outcome.response().orElseThrow().json().getString("id")).toList();
      try (Connection sql = postgres.connect()) {
        new WalletTables(sql, "burst@example.org").assertWholeAndOnce(IMPORTS, acknowledgedIds);
      }
      System.out.printf("[resilience] kill -9 mid-burst: %d of %d imports acknowledged before the kill, "
          + "%d replayed and checked%n", acknowledged, IMPORTS, IMPORTS);
    }
  }

  /**
   * With no CAIRN_DB_URL the jar starts its own PostgreSQL as a child process; kill -9 leaves that postmaster
   * running on the data directory. The next start must take the data directory back, not fail on its lock.
   */
  @Test
  void theEmbeddedPostgresLeftBehindByKillMinus9DoesNotStopTheNextStart(@TempDir Path dir) throws Exception {
    byte[] body = issuer.sdJwt(issuer.claims("Orphan course", Instant.now())).getBytes(StandardCharsets.UTF_8);
    String token;
    String id;
    CairnProcess cairn = CairnProcess.start(dir.resolve("home"), Map.of());
    try {
      token = cairn.api().signUp("orphan@example.org").getString("accessToken");
      Api.Response created = importOne(cairn.api(), token, 0, body);
      assertEquals(201, created.status(), created.body());
      id = created.json().getString("id");
    } finally {
      cairn.kill();
    }
    try (CairnProcess restarted = CairnProcess.start(dir.resolve("home"), Map.of())) {
      Api.Response replay = importOne(restarted.api(), token, 0, body);
      assertEquals(201, replay.status(), replay.body());
      assertEquals(id, replay.json().getString("id"), "the same data directory, the same credential");
      assertEquals("true", replay.header("Idempotent-Replayed").orElse(null));
    }
  }

  /** {@value CLIENTS} clients import until {@value KILL_AFTER} are acknowledged; then the JVM is killed under them. */
  private void burst(CairnProcess cairn, String token, List<byte[]> bodies, Map<Integer, Outcome> outcomes)
      throws Exception {
    AtomicInteger next = new AtomicInteger();
    AtomicInteger acknowledged = new AtomicInteger();
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    List<Future<?>> running = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      running.add(clients.submit(() -> {
        for (int i = next.getAndIncrement(); i < IMPORTS; i = next.getAndIncrement()) {
          int index = i;
          Outcome outcome = Outcome.of(() -> importOne(cairn.api(), token, index, bodies.get(index)));
          outcomes.put(index, outcome);
          if (outcome.response().isEmpty()) {
            return;
          }
          if (outcome.acknowledged()) {
            acknowledged.incrementAndGet();
          }
        }
      }));
    }
    while (acknowledged.get() < KILL_AFTER && running.stream().anyMatch(f -> !f.isDone())) {
      Thread.sleep(2);
    }
    cairn.kill();
    clients.shutdown();
    assertTrue(clients.awaitTermination(60, TimeUnit.SECONDS), "the clients noticed the kill");
    for (Future<?> client : running) {
      client.get();
    }
    for (int i = 0; i < IMPORTS; i++) {
      outcomes.putIfAbsent(i, new Outcome(0, 0, java.util.Optional.empty(), "never sent"));
    }
  }

  private static Api.Response importOne(Api api, String token, int index, byte[] body) {
    return api.send("POST", "/v1/credentials", token,
        Map.of("Content-Type", "application/dc+sd-jwt", "Idempotency-Key", "burst-" + index), body);
  }

  private List<byte[]> credentials() {
    List<byte[]> bodies = new ArrayList<>();
    Instant issued = Instant.now().minusSeconds(3600);
    for (int i = 0; i < IMPORTS; i++) {
      JsonObject claims = issuer.claims("Burst course " + i, issued);
      bodies.add(issuer.sdJwt(claims).getBytes(StandardCharsets.UTF_8));
    }
    return bodies;
  }
}
