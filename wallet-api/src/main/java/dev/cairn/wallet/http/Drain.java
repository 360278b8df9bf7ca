package dev.cairn.wallet.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts requests in flight and, once shutdown has begun, turns new ones away with 503 so the ones already
 * accepted can finish before the server closes (SIGTERM handling).
 */
public final class Drain implements Handler<RoutingContext> {
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicBoolean draining = new AtomicBoolean();

  @Override
  public void handle(RoutingContext ctx) {
    if (draining.get()) {
      ctx.response().putHeader("Connection", "close");
      ctx.fail(new ProblemException(ProblemType.UNAVAILABLE, "The server is shutting down; retry on another instance",
          Map.of("Retry-After", "1")));
      return;
    }
    inFlight.incrementAndGet();
    ctx.addEndHandler(done -> inFlight.decrementAndGet());
    ctx.next();
  }

  public void start() {
    draining.set(true);
  }

  public boolean draining() {
    return draining.get();
  }

  public int inFlight() {
    return inFlight.get();
  }
}
