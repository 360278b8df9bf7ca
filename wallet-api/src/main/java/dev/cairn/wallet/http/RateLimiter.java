package dev.cairn.wallet.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.Handler;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * A per-client-address limit for public endpoints that cost Cairn work (the DID resolver): a token bucket of
 * {@code perMinute} tokens refilled continuously. Buckets live in this instance only: the limit protects the
 * instance's resources, so N instances allow N times the rate (docs/did-resolution.md).
 */
public final class RateLimiter implements Handler<RoutingContext> {
  private final int perMinute;
  private final Clock clock;
  private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
      .maximumSize(100_000).expireAfterAccess(Duration.ofMinutes(10)).build();

  public RateLimiter(int perMinute, Clock clock) {
    this.perMinute = perMinute;
    this.clock = clock;
  }

  @Override
  public void handle(RoutingContext ctx) {
    SocketAddress remote = ctx.request().remoteAddress();
    String address = remote == null ? "unknown" : remote.hostAddress();
    long waitMillis = buckets.get(address, a -> new Bucket(perMinute, clock.millis())).take(perMinute, clock.millis());
    if (waitMillis > 0) {
      long seconds = Math.max(1, (waitMillis + 999) / 1000);
      ctx.fail(new ProblemException(ProblemType.TOO_MANY_REQUESTS,
          "More than " + perMinute + " requests a minute from this address; retry in " + seconds + " s",
          Map.of("Retry-After", Long.toString(seconds))));
      return;
    }
    ctx.next();
  }

  /** Tokens as a fraction, refilled at perMinute per 60,000 ms. */
  private static final class Bucket {
    private double tokens;
    private long updatedAt;

    Bucket(int capacity, long now) {
      this.tokens = capacity;
      this.updatedAt = now;
    }

    /** Takes a token; answers 0, or how many milliseconds until one is available. */
    synchronized long take(int perMinute, long now) {
      tokens = Math.min(perMinute, tokens + (now - updatedAt) * perMinute / 60_000.0);
      updatedAt = now;
      if (tokens >= 1) {
        tokens -= 1;
        return 0;
      }
      return (long) Math.ceil((1 - tokens) * 60_000.0 / perMinute);
    }
  }
}
