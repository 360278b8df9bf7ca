package dev.cairn.did.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.cairn.did.testing.Await;
import dev.cairn.did.testing.TestClock;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FreshnessCacheTest {
  private final TestClock clock = new TestClock();

  @Test
  void concurrentMissesShareOneLoadAndTheValueStaysUntilItsExpiry() {
    FreshnessCache<String, String> cache = new FreshnessCache<>(clock, 10);
    AtomicInteger loads = new AtomicInteger();
    Promise<FreshnessCache.Fresh<String>> pending = Promise.promise();
    Future<String> first = cache.get("k", () -> {
      loads.incrementAndGet();
      return pending.future();
    });
    Future<String> second = cache.get("k", () -> {
      loads.incrementAndGet();
      return pending.future();
    });
    pending.complete(new FreshnessCache.Fresh<>("v", clock.instant().plusSeconds(60)));
    assertEquals("v", Await.result(first));
    assertEquals("v", Await.result(second));
    assertEquals(1, loads.get());
    clock.advance(Duration.ofSeconds(59));
    assertEquals("v", Await.result(cache.get("k", () -> Future.failedFuture(new IllegalStateException("not asked")))));
    clock.advance(Duration.ofSeconds(2));
    assertEquals("w", Await.result(cache.get("k",
        () -> Future.succeededFuture(new FreshnessCache.Fresh<>("w", clock.instant().plusSeconds(60))))));
  }

  /**
   * Regression (a CI run saw two fetches of one status list): a load that finished between another caller's look at
   * the cache and its claim of the key was done a second time. The clock lets the first load finish exactly there.
   */
  @Test
  void aLoadThatFinishesWhileAnotherCallerIsLookingIsNotRepeated() {
    java.util.concurrent.atomic.AtomicReference<Runnable> duringNextLook = new java.util.concurrent.atomic.AtomicReference<>();
    java.time.Clock hooked = new java.time.Clock() {
      @Override
      public java.time.ZoneId getZone() {
        return clock.getZone();
      }

      @Override
      public java.time.Clock withZone(java.time.ZoneId zone) {
        return this;
      }

      @Override
      public java.time.Instant instant() {
        Runnable hook = duringNextLook.getAndSet(null);
        if (hook != null) {
          hook.run();
        }
        return clock.instant();
      }
    };
    FreshnessCache<String, String> cache = new FreshnessCache<>(hooked, 10);
    AtomicInteger loads = new AtomicInteger();
    Await.result(cache.get("k", () -> {
      loads.incrementAndGet();
      return Future.succeededFuture(new FreshnessCache.Fresh<>("old", clock.instant().plusSeconds(1)));
    }));
    clock.advance(Duration.ofSeconds(2));
    Promise<FreshnessCache.Fresh<String>> first = Promise.promise();
    Future<String> firstCaller = cache.get("k", () -> {
      loads.incrementAndGet();
      return first.future();
    });
    duringNextLook.set(() -> first.complete(new FreshnessCache.Fresh<>("new", clock.instant().plusSeconds(60))));
    Future<String> secondCaller = cache.get("k", () -> {
      loads.incrementAndGet();
      return Future.succeededFuture(new FreshnessCache.Fresh<>("again", clock.instant().plusSeconds(60)));
    });
    assertEquals("new", Await.result(firstCaller));
    assertEquals("new", Await.result(secondCaller));
    assertEquals(2, loads.get(), "the expired value's load and one reload, not two");
  }

  @Test
  void onlyChosenFailuresAreRememberedForTheirTtl() {
    IllegalArgumentException remembered = new IllegalArgumentException("gone");
    FreshnessCache<String, String> cache = new FreshnessCache<>(clock, 10, Duration.ofSeconds(30),
        failure -> failure instanceof IllegalArgumentException);
    assertSame(remembered, Await.failure(cache.get("a", () -> Future.failedFuture(remembered))));
    assertSame(remembered, Await.failure(cache.get("a", () -> Future.succeededFuture(
        new FreshnessCache.Fresh<>("late", clock.instant().plusSeconds(60))))));
    clock.advance(Duration.ofSeconds(31));
    assertEquals("late", Await.result(cache.get("a", () -> Future.succeededFuture(
        new FreshnessCache.Fresh<>("late", clock.instant().plusSeconds(60))))));

    Await.failure(cache.get("b", () -> Future.failedFuture(new IllegalStateException("transient"))));
    assertEquals("ok", Await.result(cache.get("b", () -> Future.succeededFuture(
        new FreshnessCache.Fresh<>("ok", clock.instant().plusSeconds(60))))), "other failures are not kept");
  }
}
