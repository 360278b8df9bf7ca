package dev.cairn.did.fetch;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A bounded cache for things fetched from the network (DID documents, status lists): each value is kept until
 * the expiry its loader gave it, read against the injected clock; concurrent misses of one key share one load
 * (single flight); and failures the caller chooses to remember are answered again for {@code failureTtl}, so a
 * dead server is not asked on every request.
 */
public final class FreshnessCache<K, V> {
  /** A loaded value and the instant it stops being fresh. */
  public record Fresh<V>(V value, Instant expiresAt) {}

  private record Entry<V>(V value, Throwable failure, Instant expiresAt) {}

  private final Clock clock;
  private final Duration failureTtl;
  private final Predicate<Throwable> rememberFailure;
  private final Cache<K, Entry<V>> entries;
  private final ConcurrentMap<K, Future<V>> inFlight = new ConcurrentHashMap<>();

  public FreshnessCache(Clock clock, int maxSize, Duration failureTtl, Predicate<Throwable> rememberFailure) {
    this.clock = clock;
    this.failureTtl = failureTtl;
    this.rememberFailure = rememberFailure;
    this.entries = Caffeine.newBuilder().maximumSize(maxSize).build();
  }

  /** A cache that remembers no failure. */
  public FreshnessCache(Clock clock, int maxSize) {
    this(clock, maxSize, Duration.ZERO, failure -> false);
  }

  public Future<V> get(K key, Supplier<Future<Fresh<V>>> load) {
    Future<V> cached = fresh(key);
    if (cached != null) {
      return cached;
    }
    Promise<V> promise = Promise.promise();
    Future<V> running = inFlight.putIfAbsent(key, promise.future());
    if (running != null) {
      return running;
    }
    // Another caller may have finished loading between our look at the cache and our claim: its entry is written
    // before its claim is dropped, so a second look settles it without a second load.
    Future<V> loadedMeanwhile = fresh(key);
    if (loadedMeanwhile != null) {
      inFlight.remove(key, promise.future());
      return loadedMeanwhile;
    }
    Future<Fresh<V>> loading;
    try {
      loading = load.get();
    } catch (RuntimeException e) {
      loading = Future.failedFuture(e);
    }
    loading.onComplete(done -> {
      if (done.succeeded()) {
        entries.put(key, new Entry<>(done.result().value(), null, done.result().expiresAt()));
      } else if (rememberFailure.test(done.cause())) {
        entries.put(key, new Entry<>(null, done.cause(), clock.instant().plus(failureTtl)));
      }
      inFlight.remove(key, promise.future());
      promise.handle(done.map(Fresh::value));
    });
    return promise.future();
  }

  /** The cached answer while it is fresh; null when there is none. */
  private Future<V> fresh(K key) {
    Entry<V> cached = entries.getIfPresent(key);
    if (cached == null || !clock.instant().isBefore(cached.expiresAt())) {
      return null;
    }
    return cached.failure() == null ? Future.succeededFuture(cached.value()) : Future.failedFuture(cached.failure());
  }
}
