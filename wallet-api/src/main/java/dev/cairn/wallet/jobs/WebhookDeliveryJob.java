package dev.cairn.wallet.jobs;

import dev.cairn.wallet.verifier.Webhooks;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;

/**
 * Delivers employers' webhook notices that are due (new ones whose first attempt failed, and retries after their
 * backoff), one runner across instances through its {@link JobLease}. Each notice is sent once: {@link Webhooks}
 * claims it (its next attempt moved out by a claim, over rows locked with {@code FOR UPDATE SKIP LOCKED}) before
 * sending, so the attempt made when a request ends, a runner whose lease lapsed and its successor never send the same
 * notice twice; a runner that dies mid-send leaves the notice due again when the claim expires.
 */
public final class WebhookDeliveryJob {
  private static final int BATCH = 50;

  private final JobLease lease;
  private final Webhooks webhooks;
  private final PeriodicRunner runner;

  public WebhookDeliveryJob(Vertx vertx, Webhooks webhooks, JobLease lease, MeterRegistry metrics) {
    this.lease = lease;
    this.webhooks = webhooks;
    this.runner = new PeriodicRunner(vertx, "webhook-delivery", this::runOnce, metrics);
  }

  public void start(Duration tick) {
    runner.start(tick);
  }

  public void stop() {
    runner.stop();
  }

  /** One pass, if this instance gets the lease: how many notices it delivered. */
  public Future<Integer> runOnce() {
    return lease.runIfHeld(() -> webhooks.deliverDue(BATCH));
  }
}
