package dev.cairn.wallet.jobs;

import dev.cairn.wallet.config.CairnConfig;
import dev.cairn.wallet.idempotency.IdempotentRequests;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes what has expired, so that tables hold what is live plus a retention (docs/background-jobs.md, "Expiry
 * clean-up"): presentation requests and their sealed response keys, scanned presentation requests, share links,
 * sessions and refresh tokens, login throttle windows, idempotency records, settled webhook notices, credential
 * offers never accepted, spent issuer-notification handles. Never a learner's credentials or activity log. Each
 * rule works in batches of {@link #BATCH} rows, at most {@link #MAX_BATCHES} per rule and pass, so a backlog drains
 * over several ticks instead of one long transaction. One runner across instances through its {@link JobLease}.
 */
public final class ExpiryCleanupJob {
  private static final Logger LOG = LoggerFactory.getLogger(ExpiryCleanupJob.class);
  static final int BATCH = 500;
  static final int MAX_BATCHES = 20;
  /**
   * A presentation exchange left in {@code sending} (the instance died between claiming it and recording the outcome)
   * is closed as {@code failed} this long after its request expired: by then the verifier takes no answer (OpenID4VP
   * 1.0 requests expire) and no delivery attempt can still be running (outbound fetches time out in seconds).
   */
  static final Duration INTERRUPTED_AFTER = Duration.ofMinutes(5);

  private final Pool pool;
  private final JobLease lease;
  private final Clock clock;
  private final List<ExpiryRule> rules;
  private final PeriodicRunner runner;

  public ExpiryCleanupJob(Vertx vertx, Pool pool, JobLease lease, CairnConfig.Retention retention,
                          Duration loginThrottleWindow, Clock clock, MeterRegistry metrics) {
    this.pool = pool;
    this.lease = lease;
    this.clock = clock;
    this.rules = rules(retention, loginThrottleWindow);
    this.runner = new PeriodicRunner(vertx, "expiry-cleanup", this::runOnce, metrics);
  }

  static List<ExpiryRule> rules(CairnConfig.Retention retention, Duration loginThrottleWindow) {
    return List.of(
        // The private half of a direct_post.jwt request's key decrypts answers, and none is taken after expiry.
        new ExpiryRule("presentation request response keys", """
            UPDATE presentation_request SET response_key_sealed = NULL, response_key_kek_id = NULL
            WHERE ctid IN (SELECT ctid FROM presentation_request
                           WHERE expires_at <= $1 AND response_key_sealed IS NOT NULL LIMIT $2)""",
            Duration.ZERO, false),
        // Its verified claims, response code and webhook rows (ON DELETE CASCADE) go with it.
        ExpiryRule.delete("presentation requests", "presentation_request", "expires_at <= $1",
            retention.presentationRequests()),
        new ExpiryRule("interrupted presentation exchanges", """
            UPDATE presentation_exchange SET status = 'failed', completed_at = $3,
              outcome = '{"reason":"interrupted","detail":"Cairn stopped while sending this answer; whether the verifier got it is unknown. Scan the request again if it still needs an answer."}'
            WHERE ctid IN (SELECT ctid FROM presentation_exchange
                           WHERE status = 'sending' AND expires_at <= $1 LIMIT $2)""",
            INTERRUPTED_AFTER, true),
        ExpiryRule.delete("presentation exchanges", "presentation_exchange",
            "expires_at <= $1 AND status <> 'sending'", retention.presentationExchanges()),
        ExpiryRule.delete("expired share links", "share_link", "expires_at <= $1", retention.shareLinks()),
        ExpiryRule.delete("revoked share links", "share_link", "revoked_at IS NOT NULL AND revoked_at <= $1",
            retention.shareLinks()),
        // A refresh token past its expiry is refused whatever its row says; its session's family lives on.
        ExpiryRule.delete("refresh tokens", "refresh_token", "expires_at <= $1", Duration.ZERO),
        ExpiryRule.delete("sessions", "auth_session", "expires_at <= $1", retention.sessions()),
        new ExpiryRule("login throttle windows", """
            DELETE FROM login_throttle WHERE ctid IN (SELECT ctid FROM login_throttle
              WHERE window_started_at <= $1 AND (blocked_until IS NULL OR blocked_until <= $3) LIMIT $2)""",
            loginThrottleWindow, true),
        ExpiryRule.delete("idempotency records", "idempotency_record", "created_at <= $1", IdempotentRequests.RETENTION),
        ExpiryRule.delete("settled webhook notices", "webhook_delivery",
            "(delivered_at IS NOT NULL OR gave_up_at IS NOT NULL) AND created_at <= $1", retention.webhookDeliveries()),
        // Only offers still 'offered': an accepted one is the learner's record of where credentials came from.
        // Counted from the offer's expiry (CAIRN_OFFER_LIFETIME_SECONDS after the scan), so an open offer stays.
        ExpiryRule.delete("credential offers never accepted", "credential_offer",
            "state = 'offered' AND expires_at <= $1", retention.credentialOffers()),
        // A started Authorization Code Flow the browser never came back from: its sealed state and PKCE verifier.
        ExpiryRule.delete("unfinished offer authorizations", "offer_authorization", "expires_at <= $1", Duration.ZERO),
        ExpiryRule.delete("issuer notification handles", "issuer_notification", "token_expires_at <= $1",
            Duration.ZERO));
  }

  public void start(Duration tick) {
    runner.start(tick);
  }

  public void stop() {
    runner.stop();
  }

  /** One pass, if this instance gets the lease: how many rows were removed or closed. */
  public Future<Integer> runOnce() {
    return lease.runIfHeld(() -> {
      AtomicInteger total = new AtomicInteger();
      Future<Void> chain = Future.succeededFuture();
      for (ExpiryRule rule : rules) {
        chain = chain.compose(done -> apply(rule, 0).map(count -> {
          if (count > 0) {
            LOG.info("expiry clean-up: {} {}", count, rule.name());
          }
          total.addAndGet(count);
          return null;
        }));
      }
      return chain.map(done -> total.get());
    });
  }

  /** Batches of one rule until a batch is short or {@link #MAX_BATCHES} ran. */
  private Future<Integer> apply(ExpiryRule rule, int batches) {
    return pool.preparedQuery(rule.sql()).execute(rule.parameters(clock.instant(), BATCH))
        .compose(result -> result.rowCount() < BATCH || batches + 1 >= MAX_BATCHES
            ? Future.succeededFuture(result.rowCount())
            : apply(rule, batches + 1).map(more -> result.rowCount() + more));
  }
}
