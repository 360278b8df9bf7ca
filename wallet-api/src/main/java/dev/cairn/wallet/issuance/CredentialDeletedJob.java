package dev.cairn.wallet.issuance;

import dev.cairn.issuer.client.IssuanceClient;
import dev.cairn.issuer.client.IssuanceException;
import dev.cairn.issuer.client.IssuanceFailure;
import dev.cairn.issuer.oid4vci.OpenId4Vci;
import dev.cairn.wallet.holder.KeyRing;
import dev.cairn.wallet.jobs.JobLease;
import dev.cairn.wallet.jobs.PeriodicRunner;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells issuers {@code credential_deleted} (OpenID4VCI 1.0 §11.1) after a learner deleted a credential they sent
 * with a {@code notification_id}: the delete itself never waits on an issuer, it only makes the kept handle due
 * ({@link IssuerNotifications}). Best effort, as §11 allows: a failure is tried again after a backoff while the
 * Access Token may still be valid, never after; an issuer's error answer (its token expired, an unknown id) ends
 * it. One runner across instances ({@link JobLease}) and each notice claimed before it is sent.
 */
public final class CredentialDeletedJob {
  private static final Logger LOG = LoggerFactory.getLogger(CredentialDeletedJob.class);
  private static final int BATCH = 50;
  private static final Duration FIRST_RETRY = Duration.ofSeconds(15);

  private final IssuerNotifications notifications;
  private final IssuanceClient client;
  private final JobLease lease;
  private final Clock clock;
  private final PeriodicRunner runner;

  public CredentialDeletedJob(Vertx vertx, Pool pool, IssuanceClient client, KeyRing keys, JobLease lease, Clock clock,
                              MeterRegistry metrics) {
    this.notifications = new IssuerNotifications(pool, new SealedIssuanceSecrets(keys));
    this.client = client;
    this.lease = lease;
    this.clock = clock;
    this.runner = new PeriodicRunner(vertx, "credential-deleted", this::runOnce, metrics);
  }

  public void start(Duration tick) {
    runner.start(tick);
  }

  public void stop() {
    runner.stop();
  }

  /** One pass, if this instance gets the lease: how many notices the issuers took. */
  public Future<Integer> runOnce() {
    return lease.runIfHeld(() -> notifications.claimDue(clock.instant(), BATCH).compose(this::sendAll));
  }

  private Future<Integer> sendAll(List<IssuerNotifications.Due> due) {
    List<Future<Boolean>> sent = new ArrayList<>();
    due.forEach(one -> sent.add(send(one)));
    return Future.join(sent).map(done -> (int) sent.stream().filter(Future::succeeded).filter(Future::result).count());
  }

  private Future<Boolean> send(IssuerNotifications.Due one) {
    return client.notify(one.handle(), OpenId4Vci.CREDENTIAL_DELETED, Optional.empty())
        .compose(done -> notifications.delivered(one.id(), clock.instant()).map(true), failure -> {
          Instant now = clock.instant();
          // The issuer answered with an error (§11.3): trying again with the same token changes nothing.
          Instant next = failure instanceof IssuanceException refused
                  && refused.failure() instanceof IssuanceFailure.CredentialRefused
              ? one.tokenExpiresAt()
              : now.plus(FIRST_RETRY.multipliedBy(1L << Math.min(one.attempts(), 8)));
          LOG.info("credential_deleted for notice {} not delivered: {}", one.id(), failure.toString());
          return notifications.failed(one.id(), next, failure.toString()).map(false);
        });
  }
}
