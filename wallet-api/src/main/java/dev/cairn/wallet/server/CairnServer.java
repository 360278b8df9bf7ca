package dev.cairn.wallet.server;

import dev.cairn.wallet.config.CairnConfig;
import dev.cairn.wallet.http.RouteTable;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Cairn instance: starts in order (infrastructure → application → listen) and stops in the reverse order,
 * draining first: readiness goes false, new requests get 503, requests in flight may finish within the drain
 * period, then the listener, the pool, Vert.x and the embedded PostgreSQL close.
 */
public final class CairnServer {
  private static final Logger LOG = LoggerFactory.getLogger(CairnServer.class);

  private final Vertx vertx;
  private final CairnConfig config;
  private final Infrastructure infrastructure;
  private final Application application;
  private final Workers workers;
  private final HttpServer http;

  private CairnServer(Vertx vertx, CairnConfig config, Infrastructure infrastructure, Application application,
                      Workers workers, HttpServer http) {
    this.vertx = vertx;
    this.config = config;
    this.infrastructure = infrastructure;
    this.application = application;
    this.workers = workers;
    this.http = http;
  }

  public static Future<CairnServer> start(CairnConfig config, Clock clock) {
    PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Vertx vertx = Vertx.vertx(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions()
        .setEnabled(true)
        .setMicrometerRegistry(metrics)
        .setRegistryName("cairn-" + UUID.randomUUID())
        .setLabels(EnumSet.of(Label.HTTP_ROUTE, Label.HTTP_METHOD, Label.HTTP_CODE, Label.POOL_TYPE,
            Label.POOL_NAME))));
    // After Vert.x, which adds its meter filters first.
    List.of(new JvmMemoryMetrics(), new JvmGcMetrics(), new JvmThreadMetrics(), new ClassLoaderMetrics(),
        new ProcessorMetrics()).forEach(binder -> binder.bindTo(metrics));
    Workers workers = new Workers(vertx);
    return vertx.executeBlocking(() -> {
          Infrastructure infrastructure = Infrastructure.prepare(config, vertx);
          try {
            return new Prepared(infrastructure,
                new Application(vertx, config, infrastructure, workers, metrics, clock));
          } catch (RuntimeException e) {
            infrastructure.stopEmbedded();
            throw e;
          }
        }, false)
        .compose(prepared -> prepared.application().beforeListening().map(prepared))
        .compose(prepared -> vertx.createHttpServer(new HttpServerOptions()
                .setHost(config.http().host())
                .setPort(config.http().port())
                .setMaxHeaderSize(16 * 1024)
                .setIdleTimeout(120))
            .requestHandler(prepared.application().router())
            .listen()
            .map(http -> new CairnServer(vertx, config, prepared.infrastructure(), prepared.application(), workers, http))
            .recover(failed -> prepared.infrastructure().database().close()
                .eventually(() -> vertx.executeBlocking(() -> {
                  prepared.infrastructure().stopEmbedded();
                  return null;
                }))
                .transform(closed -> Future.failedFuture(failed))))
        .transform(started -> {
          if (started.succeeded()) {
            started.result().application.listening(started.result().port());
            started.result().application.startJobs();
            LOG.info("Cairn is ready at http://localhost:{}/", started.result().port());
            return Future.succeededFuture(started.result());
          }
          // Closed in the background: a future chained on Vert.x's own close could never be completed.
          vertx.close();
          return Future.failedFuture(started.cause());
        });
  }

  private record Prepared(Infrastructure infrastructure, Application application) {}

  public int port() {
    return http.actualPort();
  }

  /** Requests accepted and not yet answered (also exported as the gauge cairn_http_requests_in_flight). */
  public int requestsInFlight() {
    return application.drain().inFlight();
  }

  /** The routes this instance serves, for the OpenAPI contract test. */
  public List<RouteTable.Registered> routes() {
    return application.routes().registered();
  }

  /** Graceful stop (SIGTERM): drain, close the listener, the pool, Vert.x, then the embedded PostgreSQL. */
  public Future<Void> stop() {
    application.drain().start();
    application.stopJobs();
    LOG.info("draining: {} requests in flight", application.drain().inFlight());
    return waitForDrain(config.shutdownDrain())
        .compose(drained -> http.close())
        .eventually(() -> application.fetcher().close())
        .eventually(() -> infrastructure.database().close())
        .eventually(workers::close)
        .eventually(() -> vertx.close())
        .eventually(() -> {
          infrastructure.stopEmbedded();
          LOG.info("stopped");
          return Future.succeededFuture();
        })
        .mapEmpty();
  }

  private Future<Void> waitForDrain(Duration limit) {
    Promise<Void> drained = Promise.promise();
    long deadline = System.nanoTime() + limit.toNanos();
    Runnable check = () -> {
      int inFlight = application.drain().inFlight();
      if (inFlight == 0 || System.nanoTime() > deadline) {
        if (inFlight > 0) {
          LOG.warn("drain period over with {} requests still in flight", inFlight);
        }
        drained.tryComplete();
      }
    };
    check.run();
    if (!drained.future().isComplete()) {
      long timer = vertx.setPeriodic(20, tick -> check.run());
      drained.future().onComplete(done -> vertx.cancelTimer(timer));
    }
    return drained.future();
  }
}
