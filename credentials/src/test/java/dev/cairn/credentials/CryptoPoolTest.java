package dev.cairn.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.did.testing.Await;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CryptoPoolTest {
  private static Vertx vertx;
  private static CryptoPool pool;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    pool = new CryptoPool(vertx.createSharedWorkerExecutor("crypto-pool-test", 2));
  }

  @AfterAll
  static void stop() {
    vertx.close();
  }

  @Test
  void workSubmittedFromAnEventLoopRunsOnTheWorkerPool() {
    Promise<String> thread = Promise.promise();
    vertx.runOnContext(v -> pool.run(() -> Thread.currentThread().getName()).onComplete(thread));
    assertTrue(Await.result(thread.future()).startsWith("crypto-pool-test"), "not on the event loop");
  }

  @Test
  void workSubmittedOffTheEventLoopRunsWhereItIs() {
    String caller = Thread.currentThread().getName();
    assertEquals(caller, Await.result(pool.run(() -> Thread.currentThread().getName())));
  }
}
