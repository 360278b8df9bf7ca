package dev.cairn.wallet.resilience;

import dev.cairn.wallet.testing.CairnProcess;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.wallet.testing.Api;
import dev.cairn.wallet.testing.Credentials;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL stopped (immediate shutdown) under load and started again on the same port: Cairn answers 503 problems
 * quickly while it is gone, says so on its readiness probe, and serves again by itself once it is back.
 */
class DatabaseOutageResilienceIT {
  private static final int CLIENTS = 4;
  /** What a request may take while PostgreSQL is gone: CAIRN_DB_*_TIMEOUT_MS below (2 s each), plus slack. */
  private static final long DEADLINE_MS = 5_000;
  private static final Map<String, String> TIMEOUTS =
      Map.of("CAIRN_DB_CONNECT_TIMEOUT_MS", "2000", "CAIRN_DB_ACQUIRE_TIMEOUT_MS", "2000");

  private final Credentials issuer = new Credentials();
  private final AtomicInteger made = new AtomicInteger();

  @Test
  void requestsFailFastWith503WhileThePostgresIsDownAndServiceResumesWhenItReturns(@TempDir Path dir)
      throws Exception {
    try (ExternalPostgres postgres = ExternalPostgres.start(dir.resolve("pgdata"));
         CairnProcess cairn = CairnProcess.start(dir.resolve("home"), with(postgres.cairnEnvironment(), TIMEOUTS))) {
      Api api = cairn.api();
      String token = api.signUp("outage@example.org").getString("accessToken");
      for (int i = 0; i < 5; i++) {
        assertEquals(201, importOne(api, token).status());
      }

      List<Outcome> during = new CopyOnWriteArrayList<>();
      AtomicBoolean down = new AtomicBoolean();
      AtomicBoolean stop = new AtomicBoolean();
      ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
      for (int c = 0; c < CLIENTS; c++) {
        int client = c;
        clients.submit(() -> {
          while (!stop.get()) {
            Outcome outcome = client % 2 == 0
                ? Outcome.of(() -> api.get("/v1/credentials?limit=20", token))
                : Outcome.of(() -> importOne(api, token));
            if (down.get()) {
              during.add(outcome);
            }
          }
        });
      }
      Thread.sleep(1_000);
      postgres.stopImmediately();
      down.set(true);
      Thread.sleep(6_000);
      Api.Response ready = api.get("/health/ready", null);
      Api.Response live = api.get("/health/live", null);
      assertEquals(503, ready.status(), ready.body());
      assertEquals("unavailable", ready.problemCode());
      assertEquals(200, live.status(), "the process still lives: no restart wanted");

      long restarting = System.nanoTime();
      postgres.startAgain();
      long back = System.nanoTime();
      while (api.get("/health/ready", null).status() != 200) {
        assertTrue(System.nanoTime() - back < TimeUnit.SECONDS.toNanos(30), "ready again within 30 s");
        Thread.sleep(50);
      }
      long recoveredMillis = (System.nanoTime() - back) / 1_000_000;
      long restartMillis = (back - restarting) / 1_000_000;
      down.set(false);
      stop.set(true);
      clients.shutdown();
      assertTrue(clients.awaitTermination(60, TimeUnit.SECONDS));

      List<Outcome> failed = during.stream().filter(outcome -> !outcome.acknowledged()).toList();
      assertTrue(failed.size() > 10, "the load met the outage: " + failed.size() + " failed requests");
      for (Outcome outcome : failed) {
        Api.Response answer = outcome.response().orElseThrow(() -> new AssertionError(outcome.describe()));
        assertEquals(503, answer.status(), outcome::describe);
        assertEquals("application/problem+json", answer.header("Content-Type").orElse(""), outcome::describe);
        assertEquals("unavailable", answer.problemCode(), outcome::describe);
        assertTrue(answer.header("Retry-After").isPresent(), outcome::describe);
      }
      long slowest = Latencies.max(during);
      assertTrue(slowest < DEADLINE_MS, "no request hung past " + DEADLINE_MS + " ms; slowest " + slowest + " ms");

      // Back without a restart: a new learner signs up and imports.
      String again = api.signUp("after-outage@example.org").getString("accessToken");
      assertEquals(201, importOne(api, again).status());
      assertEquals(200, api.get("/v1/credentials", token).status());
      System.out.printf("[resilience] PostgreSQL outage: %d requests answered 503 while down (p50 %d ms, p99 %d ms, "
              + "max %d ms); PostgreSQL took %d ms to start again (crash recovery), Cairn was ready %d ms later "
              + "without a restart%n", failed.size(), Latencies.percentile(failed, 50), Latencies.percentile(failed, 99),
          slowest, restartMillis, recoveredMillis);
    }
  }

  private Api.Response importOne(Api api, String token) {
    String credential = issuer.sdJwt(issuer.claims("Outage course " + made.incrementAndGet(),
        Instant.now().minusSeconds(60)));
    return api.postRaw("/v1/credentials", token, "application/dc+sd-jwt", credential.getBytes(StandardCharsets.UTF_8));
  }

  static Map<String, String> with(Map<String, String> env, Map<String, String> more) {
    Map<String, String> all = new java.util.HashMap<>(env);
    all.putAll(more);
    return all;
  }
}
