package dev.cairn.wallet;

import dev.cairn.wallet.config.CairnConfig;
import dev.cairn.wallet.config.ConfigException;
import dev.cairn.wallet.server.CairnServer;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code java -jar cairn.jar}: reads the environment, starts Cairn, and stops it gracefully on SIGTERM. */
public final class Main {
  static {
    // Vert.x and Netty log through SLF4J, so every line is JSON with the request id.
    System.setProperty("vertx.logger-delegate-factory-class-name", "io.vertx.core.logging.SLF4JLogDelegateFactory");
  }

  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  /** Microsecond ticks: PostgreSQL keeps microseconds, so an answer shows the same instant before and after a read. */
  static final Clock DATABASE_CLOCK = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));

  private Main() {}

  public static void main(String[] args) throws Exception {
    CairnConfig config;
    try {
      config = CairnConfig.fromEnvironment(System.getenv());
    } catch (ConfigException e) {
      LOG.error("configuration error: {}", e.getMessage());
      System.exit(2);
      return;
    }
    CompletableFuture<CairnServer> started = CairnServer.start(config, DATABASE_CLOCK).toCompletionStage()
        .toCompletableFuture();
    // Registered before the server is up, so a SIGTERM during start-up still stops what has started.
    long grace = config.shutdownDrain().toSeconds() + 30;
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      CairnServer server;
      try {
        server = started.get(5, TimeUnit.MINUTES);
      } catch (Exception startFailed) {
        return; // nothing is running; the start-up failure is reported by main
      }
      try {
        server.stop().toCompletionStage().toCompletableFuture().get(grace, TimeUnit.SECONDS);
      } catch (Exception e) {
        LOG.error("Cairn did not stop cleanly", e);
      }
    }, "cairn-shutdown"));
    try {
      started.get(5, TimeUnit.MINUTES);
    } catch (ExecutionException | TimeoutException e) {
      LOG.error("Cairn did not start", e.getCause() == null ? e : e.getCause());
      System.exit(1);
    }
  }
}
