package dev.cairn.wallet.jobs;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one job's pass every tick on this instance, never two passes at once; a pass answers how much it did, which
 * is logged when it is something and counted in {@code cairn.jobs.items{job}} (per instance: summed over instances,
 * it shows each work item was done once). Whether the pass does anything here is the job's own lease's business.
 */
public final class PeriodicRunner {
  private static final Logger LOG = LoggerFactory.getLogger(PeriodicRunner.class);

  private final Vertx vertx;
  private final String name;
  private final Supplier<Future<Integer>> pass;
  private final Counter items;
  private long timer = -1;
  private boolean running;
  private volatile boolean stopped;

  public PeriodicRunner(Vertx vertx, String name, Supplier<Future<Integer>> pass, MeterRegistry metrics) {
    this.vertx = vertx;
    this.name = name;
    this.pass = pass;
    this.items = Counter.builder("cairn.jobs.items").tag("job", name)
        .description("Work items this instance's background job finished").register(metrics);
  }

  public void start(Duration tick) {
    timer = vertx.setPeriodic(tick.toMillis(), id -> {
      if (running) {
        return;
      }
      running = true;
      pass.get().onComplete(done -> {
        running = false;
        if (done.failed()) {
          if (!stopped) {
            LOG.warn("{} failed: {}", name, done.cause().toString());
          }
        } else if (done.result() > 0) {
          items.increment(done.result());
          LOG.info("{}: {} done", name, done.result());
        }
      });
    });
  }

  /** No more ticks; a pass still running finishes (or fails quietly, as the pool closes on shutdown). */
  public void stop() {
    stopped = true;
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
  }
}
