package dev.cairn.wallet.issuance;

import dev.cairn.issuer.client.ConfigurationOutcome;
import dev.cairn.issuer.client.DeferredCredential;
import dev.cairn.issuer.client.IssuanceClient;
import dev.cairn.wallet.activity.ActivityLog;
import dev.cairn.wallet.credential.CredentialService;
import dev.cairn.wallet.holder.KeyRing;
import dev.cairn.wallet.issuance.PendingCredentials.Pending;
import dev.cairn.wallet.issuance.SealedIssuanceSecrets.Purpose;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects deferred credentials (§9) once the issuer's {@code interval} has passed: each due one is asked for at
 * the Deferred Credential Endpoint; issued, it is stored as an accepted offer's credentials are (and its pending row
 * removed in the same transaction); deferred again, it waits for the new interval; refused, its row goes and the
 * learner's activity and the offer's outcome say why. One at a time: the job is background work, not a race.
 * Each due credential is claimed ({@code claimed_until}) before it is asked for, so two runners never ask for the
 * same one; a claim left by a runner that died, or by a hiccup, expires after {@link #CLAIM}.
 */
final class DeferredCollection {
  private static final Logger LOG = LoggerFactory.getLogger(DeferredCollection.class);
  static final Duration CLAIM = Duration.ofMinutes(2);

  private final Pool pool;
  private final IssuanceClient client;
  private final PendingCredentials pending;
  private final OfferStore offers;
  private final SealedIssuanceSecrets secrets;
  private final IssuedCredentials issued;
  private final ActivityLog activity;
  private final Clock clock;

  DeferredCollection(Pool pool, IssuanceClient client, CredentialService credentials, KeyRing keys,
                     ActivityLog activity, Clock clock) {
    this.pool = pool;
    this.client = client;
    this.pending = new PendingCredentials(pool);
    this.offers = new OfferStore(pool);
    this.secrets = new SealedIssuanceSecrets(keys);
    this.issued = new IssuedCredentials(credentials, client, pool, keys, clock);
    this.activity = activity;
    this.clock = clock;
  }

  /** Up to {@code limit} due credentials, in order; answers how many were settled (stored or refused). */
  Future<Integer> collectDue(int limit) {
    Instant now = clock.instant();
    return pending.claimDue(now, now.plus(CLAIM), limit).compose(due -> {
      Future<Integer> chain = Future.succeededFuture(0);
      for (Pending one : due) {
        chain = chain.compose(settled -> collect(one).map(done -> settled + (done ? 1 : 0)).recover(failure -> {
          // Left pending: a database or network hiccup is tried again at the next run.
          LOG.warn("deferred credential {} was not collected: {}", one.id(), failure.toString());
          return Future.succeededFuture(settled);
        }));
      }
      return chain;
    });
  }

  private Future<Boolean> collect(Pending one) {
    DeferredCredential deferral = DeferralJson.read(secrets.open(Purpose.DEFERRAL, one.accountId(), one.id(),
        one.kekId(), one.sealedDeferral()), one.notBefore());
    return client.collectDeferred(deferral).compose(outcome -> {
      if (outcome instanceof ConfigurationOutcome.Issued now) {
        return issued.store(one.accountId(), one.offerId(), List.of(now), one.createdAt(), (connection, stored) ->
                pending.remove(connection, one.accountId(), one.id()).compose(removed -> {
                  if (!removed) {
                    throw new IllegalStateException("another runner collected it");
                  }
                  return offers.append(connection, one.accountId(), one.offerId(), "stored", OfferViews.ids(stored));
                }))
            .map(true);
      }
      if (outcome instanceof ConfigurationOutcome.Deferred later) {
        return pending.postpone(one.accountId(), one.id(), later.deferred().notBefore()).map(false);
      }
      ConfigurationOutcome.Refused refused = (ConfigurationOutcome.Refused) outcome;
      return pool.withTransaction(connection -> pending.remove(connection, one.accountId(), one.id())
              .compose(removed -> {
                if (!removed) {
                  throw new IllegalStateException("another runner settled it");
                }
                return offers.append(connection, one.accountId(), one.offerId(), "refused", Refusals.json(List.of(refused)));
              })
              .compose(done -> Refusals.record(activity, connection, one.accountId(), one.offerId(), List.of(refused))))
          .map(true);
    });
  }

}
