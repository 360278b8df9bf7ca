package dev.cairn.wallet.issuance;

import dev.cairn.issuer.client.IssuanceClient;
import dev.cairn.wallet.activity.ActivityLog;
import dev.cairn.wallet.credential.CredentialService;
import dev.cairn.wallet.holder.KeyRing;
import dev.cairn.wallet.jobs.JobLease;
import dev.cairn.wallet.jobs.PeriodicRunner;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Duration;

/**
 * Collects deferred credentials in the background: every tick, the instance holding the {@code deferred-collection}
 * {@link JobLease} asks for each pending credential whose interval (§9) has passed. One runner across every
 * instance sharing the database, as for the status re-check, and each pending credential claimed before it is asked
 * for ({@link DeferredCollection}), so it is collected once even when a lease lapses mid-run. A credential is collected at the first tick after its
 * {@code not_before}: {@code CAIRN_JOB_TICK_MS} bounds the extra wait.
 */
public final class DeferredCollectionJob {
  private static final int BATCH = 100;

  private final DeferredCollection collection;
  private final JobLease lease;
  private final PeriodicRunner runner;

  public DeferredCollectionJob(Vertx vertx, Pool pool, IssuanceClient client, CredentialService credentials, KeyRing keys,
                               ActivityLog activity, JobLease lease, Clock clock, MeterRegistry metrics) {
    this.collection = new DeferredCollection(pool, client, credentials, keys, activity, clock);
    this.lease = lease;
    this.runner = new PeriodicRunner(vertx, "deferred-collection", this::runOnce, metrics);
  }

  public void start(Duration tick) {
    runner.start(tick);
  }

  public void stop() {
    runner.stop();
  }

  /** One run, if this instance gets the lease: how many pending credentials were stored or refused. */
  public Future<Integer> runOnce() {
    return lease.runIfHeld(() -> collection.collectDue(BATCH));
  }
}
