package dev.cairn.wallet.resilience;

import dev.cairn.wallet.testing.CairnProcess;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.wallet.testing.Api;
import dev.cairn.wallet.testing.Credentials;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two Cairn processes on one PostgreSQL take imports spread over both; one is stopped (SIGTERM, as Kubernetes does
 * on a scale-down or a rolling update) mid-load. Nothing acknowledged is lost or doubled and the other keeps serving.
 */
class TwoInstancesResilienceIT {
  private static final int IMPORTS = 200;
  private static final int CLIENTS = 8;
  private static final int STOP_AFTER = 60;

  private final Credentials issuer = new Credentials();

  @Test
  void stoppingOneInstanceMidLoadLosesNoAcknowledgedWriteAndTheOtherKeepsServing(@TempDir Path dir) throws Exception {
    try (ExternalPostgres postgres = ExternalPostgres.start(dir.resolve("pgdata"))) {
      // One home for both: the second reads the signing key and KEK the first generated, as pods share a Secret.
      Map<String, String> env = DatabaseOutageResilienceIT.with(postgres.cairnEnvironment(),
          Map.of("CAIRN_SHUTDOWN_DRAIN_SECONDS", "5"));
      try (CairnProcess staying = CairnProcess.start(dir.resolve("home"), env);
           CairnProcess leaving = CairnProcess.start(dir.resolve("home"), env)) {
        String token = staying.api().signUp("spread@example.org").getString("accessToken");
        List<byte[]> bodies = new ArrayList<>();
        for (int i = 0; i < IMPORTS; i++) {
          bodies.add(issuer.sdJwt(issuer.claims("Spread course " + i, Instant.now().minusSeconds(60)))
              .getBytes(StandardCharsets.UTF_8));
        }
        Map<Integer, Outcome> outcomes = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger acknowledged = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
          clients.submit(() -> {
            for (int i = next.getAndIncrement(); i < IMPORTS; i = next.getAndIncrement()) {
              int index = i;
              Api api = index % 2 == 0 ? staying.api() : leaving.api();
              Outcome outcome = Outcome.of(() -> importOne(api, token, index, bodies.get(index)));
              outcomes.put(index, outcome);
              if (outcome.acknowledged()) {
                acknowledged.incrementAndGet();
              }
            }
          });
        }
        while (acknowledged.get() < STOP_AFTER) {
          Thread.sleep(2);
        }
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> {
          try {
            return leaving.terminate();
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
        });
        clients.shutdown();
        assertTrue(clients.awaitTermination(120, TimeUnit.SECONDS));
        assertEquals(143, exit.get(90, TimeUnit.SECONDS), "stopped on SIGTERM after draining");

        int leavingRefused = 0;
        int drained503 = 0;
        for (int i = 0; i < IMPORTS; i++) {
          Outcome outcome = outcomes.get(i);
          if (i % 2 == 0) {
            assertEquals(201, outcome.status(), () -> "the staying instance kept serving: " + outcome.describe());
          } else if (!outcome.acknowledged()) {
            leavingRefused++;
            if (outcome.response().isPresent()) {
              Api.Response answer = outcome.response().get();
              assertEquals(503, answer.status(), outcome::describe);
              assertEquals("unavailable", answer.problemCode(), outcome::describe);
              drained503++;
            }
          }
        }
        assertTrue(leavingRefused > 0, "the stop happened mid-load");
        List<String> acknowledgedIds = outcomes.values().stream().filter(Outcome::acknowledged)
            .map(outcome -> outcome.response().orElseThrow().json().getString("id")).toList();
        try (Connection sql = postgres.connect()) {
          new WalletTables(sql, "spread@example.org").assertWholeAndOnce(acknowledgedIds.size(), acknowledgedIds);
        }

        // The client retries what the stopped instance did not acknowledge on the one still up, with the same keys.
        for (int i = 0; i < IMPORTS; i++) {
          Api.Response retried = importOne(staying.api(), token, i, bodies.get(i));
          assertTrue(retried.status() / 100 == 2, "retry " + i + ": " + retried.body());
          if (outcomes.get(i).acknowledged()) {
            assertEquals(outcomes.get(i).response().orElseThrow().json().getString("id"), retried.json().getString("id"));
          }
        }
        try (Connection sql = postgres.connect()) {
          new WalletTables(sql, "spread@example.org").assertWholeAndOnce(IMPORTS, acknowledgedIds);
        }
        System.out.printf("[resilience] two instances, one stopped mid-load: %d of %d imports acknowledged, "
            + "%d refused by the stopping instance (%d with 503 while draining, the rest at the closed port) and "
            + "retried on the other; all %d checked in the tables%n",
            acknowledgedIds.size(), IMPORTS, leavingRefused, drained503, IMPORTS);
      }
    }
  }

  private static Api.Response importOne(Api api, String token, int index, byte[] body) {
    return api.send("POST", "/v1/credentials", token,
        Map.of("Content-Type", "application/dc+sd-jwt", "Idempotency-Key", "spread-" + index), body);
  }
}
