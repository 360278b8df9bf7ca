package dev.cairn.wallet.jobs;

import dev.cairn.wallet.credential.CredentialService;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Row;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-checks stored credentials on a schedule: each tick, the instance holding the {@link JobLease} claims the
 * credentials whose last check is older than the interval, oldest first, and verifies them again with bounded
 * concurrency (status lists come through the verifier's caches, so one list serves many credentials). A change of
 * status is written to the learner's activity log by {@link CredentialService}. One runner at a time, whatever the
 * number of instances; and because each credential is claimed ({@code recheck_claimed_until}) before it is
 * verified, a runner whose lease ran out mid-pass and the one that took over never verify the same credential, and
 * one that died is replaced once {@link #CLAIM} has passed. A credential whose check fails keeps its claim, so it
 * waits {@link #CLAIM} rather than being taken again in the same pass.
 */
public final class StatusRecheckJob {
  private static final Logger LOG = LoggerFactory.getLogger(StatusRecheckJob.class);
  private static final int BATCH = 200;
  static final Duration CLAIM = Duration.ofMinutes(5);

  private final CredentialService credentials;
  private final JobLease lease;
  private final Duration interval;
  private final int concurrency;
  private final Clock clock;
  private final PeriodicRunner runner;

  public StatusRecheckJob(Vertx vertx, CredentialService credentials, JobLease lease, Duration interval,
                          int concurrency, Clock clock, MeterRegistry metrics) {
    this.credentials = credentials;
    this.lease = lease;
    this.interval = interval;
    this.concurrency = concurrency;
    this.clock = clock;
    this.runner = new PeriodicRunner(vertx, "status-recheck", this::runOnce, metrics);
  }

  /** Ticks every {@code tick}; an interval of zero turns the job off. */
  public void start(Duration tick) {
    if (!interval.isZero()) {
      runner.start(tick);
    }
  }

  public void stop() {
    runner.stop();
  }

  /** One run, if this instance gets the lease: how many credentials it verified again. */
  public Future<Integer> runOnce() {
    return lease.runIfHeld(() -> {
      AtomicInteger done = new AtomicInteger();
      return nextBatches(done).map(finished -> done.get());
    });
  }

  private Future<Void> nextBatches(AtomicInteger done) {
    return credentials.claimForRecheck(clock.instant().minus(interval), CLAIM, BATCH)
        .compose(due -> {
          if (due.isEmpty()) {
            return Future.succeededFuture();
          }
          return recheck(due, done).compose(batch -> due.size() < BATCH
              ? Future.succeededFuture()
              : lease.acquire().compose(stillHeld -> stillHeld ? nextBatches(done) : Future.succeededFuture()));
        });
  }

  /** At most {@code concurrency} verifications in flight; a failure of one is logged and does not stop the rest. */
  private Future<Void> recheck(List<Row> due, AtomicInteger done) {
    Deque<Row> queue = new ArrayDeque<>(due);
    List<Future<Void>> lanes = new ArrayList<>();
    for (int lane = 0; lane < Math.min(concurrency, due.size()); lane++) {
      lanes.add(drain(queue, done));
    }
    return Future.join(lanes).mapEmpty();
  }

  private Future<Void> drain(Deque<Row> queue, AtomicInteger done) {
    Row next = queue.poll();
    if (next == null) {
      return Future.succeededFuture();
    }
    Promise<Void> finished = Promise.promise();
    credentials.recheck(next)
        .onComplete(result -> {
          if (result.failed()) {
            LOG.warn("re-check of credential {} failed: {}", next.getUUID("id"), result.cause().toString());
          } else {
            done.incrementAndGet();
          }
          drain(queue, done).onComplete(finished);
        });
    return finished.future();
  }
}
