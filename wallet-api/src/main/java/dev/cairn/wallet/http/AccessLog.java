package dev.cairn.wallet.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line per request: method, route template, status, duration and request id. Never the path's
 * values, the query, headers or bodies, which may hold tokens or personal data.
 */
public final class AccessLog implements Handler<RoutingContext> {
  private static final Logger LOG = LoggerFactory.getLogger("cairn.access");

  @Override
  public void handle(RoutingContext ctx) {
    long started = System.nanoTime();
    ctx.addEndHandler(done -> LOG.atInfo()
        .addKeyValue("method", ctx.request().method().name())
        .addKeyValue("route", RouteTable.templateOf(ctx))
        .addKeyValue("status", ctx.response().getStatusCode())
        .addKeyValue("durationMs", (System.nanoTime() - started) / 1_000_000.0)
        // Not completed: the connection closed before the response was fully sent (or was upgraded to h2c).
        .addKeyValue("completed", done.succeeded())
        .log("request"));
    ctx.next();
  }
}
