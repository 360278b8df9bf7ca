package dev.cairn.wallet.ops;

import dev.cairn.wallet.http.Access;
import dev.cairn.wallet.http.Drain;
import dev.cairn.wallet.http.ProblemException;
import dev.cairn.wallet.http.ProblemType;
import dev.cairn.wallet.http.Reply;
import dev.cairn.wallet.http.RouteTable;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.Map;

/**
 * Public operational endpoints: liveness, readiness (database reachable, schema at the version this build
 * expects, not draining), Prometheus metrics, and the OpenAPI document.
 */
public final class OperationsRoutes {
  private static final String SCHEMA_CURRENT =
      "SELECT 1 FROM flyway_schema_history WHERE version = $1 AND success";

  private final Pool pool;
  private final String schemaVersion;
  private final Drain drain;
  private final PrometheusMeterRegistry metrics;
  private final String openApi;

  public OperationsRoutes(Pool pool, String schemaVersion, Drain drain, PrometheusMeterRegistry metrics,
                          String openApi) {
    this.pool = pool;
    this.schemaVersion = schemaVersion;
    this.drain = drain;
    this.metrics = metrics;
    this.openApi = openApi;
  }

  public void register(RouteTable routes) {
    routes.get("/health/live", Access.PUBLIC, this::live);
    routes.get("/health/ready", Access.PUBLIC, this::ready);
    routes.get("/metrics", Access.PUBLIC, this::metrics);
    routes.get("/openapi.yaml", Access.PUBLIC, this::openApi);
  }

  private Future<Reply> live(RoutingContext ctx) {
    return Future.succeededFuture(Reply.ok(Map.of("status", "up")));
  }

  private Future<Reply> ready(RoutingContext ctx) {
    if (drain.draining()) {
      return Future.failedFuture(new ProblemException(ProblemType.UNAVAILABLE, "The server is shutting down"));
    }
    return pool.preparedQuery(SCHEMA_CURRENT).execute(Tuple.of(schemaVersion))
        .transform(checked -> {
          if (checked.failed()) {
            return Future.failedFuture(new ProblemException(ProblemType.UNAVAILABLE, "The database is not reachable"));
          }
          if (checked.result().size() == 0) {
            return Future.failedFuture(new ProblemException(ProblemType.UNAVAILABLE,
                "The database schema is not at version " + schemaVersion));
          }
          return Future.succeededFuture(Reply.ok(Map.of("status", "ready", "schemaVersion", schemaVersion)));
        });
  }

  private Future<Reply> metrics(RoutingContext ctx) {
    return Future.succeededFuture(Reply.text(200, metrics.scrape(), "text/plain; version=0.0.4; charset=utf-8"));
  }

  private Future<Reply> openApi(RoutingContext ctx) {
    return Future.succeededFuture(Reply.text(200, openApi, "application/yaml"));
  }
}
