package dev.cairn.wallet.jobs;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.Supplier;

/**
 * One runner for a background job across every instance sharing the database: a row per job naming its holder
 * until an expiry. Taking it is one upsert that succeeds only when the lease is free, expired, or already ours;
 * an instance that dies mid-run loses it when it expires, so another takes over. No session-bound advisory
 * lock, which would pin a pooled connection for the whole run.
 */
public final class JobLease {
  private static final String ACQUIRE = """
      INSERT INTO job_lease AS l (job, holder, expires_at) VALUES ($1, $2, $3)
      ON CONFLICT (job) DO UPDATE SET holder = EXCLUDED.holder, expires_at = EXCLUDED.expires_at
      WHERE l.expires_at <= $4 OR l.holder = EXCLUDED.holder
      RETURNING holder""";

  private final Pool pool;
  private final String job;
  private final String holder;
  private final Duration length;
  private final Clock clock;

  public JobLease(Pool pool, String job, String holder, Duration length, Clock clock) {
    this.pool = pool;
    this.job = job;
    this.holder = holder;
    this.length = length;
    this.clock = clock;
  }

  /** True when this instance holds the lease now (taken, or renewed). */
  public Future<Boolean> acquire() {
    Instant now = clock.instant();
    return pool.preparedQuery(ACQUIRE)
        .execute(Tuple.of(job, holder, now.plus(length).atOffset(ZoneOffset.UTC), now.atOffset(ZoneOffset.UTC)))
        .map(rows -> rows.size() == 1);
  }

  /**
   * One pass of a job: runs {@code pass} when this instance takes the lease and gives the lease back however the pass
   * ends; answers 0 without running it while another instance holds the lease.
   */
  public Future<Integer> runIfHeld(Supplier<Future<Integer>> pass) {
    return acquire().compose(held -> held ? pass.get().eventually(this::release) : Future.succeededFuture(0));
  }

  /** Gives the lease back and records the run, so the next instance need not wait for the expiry. */
  public Future<Void> release() {
    Instant now = clock.instant();
    return pool.preparedQuery("UPDATE job_lease SET expires_at = $3, last_run_at = $3 WHERE job = $1 AND holder = $2")
        .execute(Tuple.of(job, holder, now.atOffset(ZoneOffset.UTC)))
        .mapEmpty();
  }
}
