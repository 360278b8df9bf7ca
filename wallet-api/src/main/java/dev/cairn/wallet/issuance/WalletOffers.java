package dev.cairn.wallet.issuance;

import dev.cairn.issuer.client.Acceptance;
import dev.cairn.issuer.client.ConfigurationOutcome;
import dev.cairn.issuer.client.IssuanceClient;
import dev.cairn.issuer.client.IssuanceFailure;
import dev.cairn.issuer.client.ProofSigner;
import dev.cairn.issuer.client.ResolvedOffer;
import dev.cairn.wallet.activity.ActivityLog;
import dev.cairn.wallet.credential.CredentialService;
import dev.cairn.wallet.credential.CredentialService.Imported;
import dev.cairn.wallet.holder.HolderKeys;
import dev.cairn.wallet.holder.KeyRing;
import dev.cairn.wallet.http.ProblemException;
import dev.cairn.wallet.http.ProblemType;
import dev.cairn.wallet.issuance.OfferStore.StoredOffer;
import dev.cairn.wallet.issuance.SealedIssuanceSecrets.Purpose;
import dev.cairn.wallet.issuance.SealedIssuanceSecrets.Sealed;
import dev.cairn.wallet.server.Workers;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import dev.cairn.issuer.oid4vci.OpenId4Vci;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The learner's side of OpenID4VCI 1.0: keep an offer they scanned (what the issuer offers and whether a
 * Transaction Code is needed), until its expiry, then accept it with the Pre-Authorized Code Flow (or, through
 * {@link OfferAuthorizations}, the Authorization Code Flow) — every credential bound to the
 * learner's P-256 holder key, stored through the import's store, with the offer's outcome and the activity in the
 * same transaction. A refusal before the code is redeemed (wrong Transaction Code, unreachable issuer) changes
 * nothing; after it, the code is spent, so the offer records what was refused.
 */
public final class WalletOffers {
  private final Pool pool;
  private final IssuanceClient client;
  private final HolderKeys holderKeys;
  private final Workers workers;
  private final OfferStore offers;
  private final PendingCredentials pending;
  private final SealedIssuanceSecrets secrets;
  private final IssuedCredentials issued;
  private final ActivityLog activity;
  private final Duration offerLifetime;
  private final Clock clock;

  public WalletOffers(Pool pool, IssuanceClient client, CredentialService credentials, HolderKeys holderKeys,
                      KeyRing keys, ActivityLog activity, Workers workers, Duration offerLifetime, Clock clock) {
    this.pool = pool;
    this.client = client;
    this.holderKeys = holderKeys;
    this.workers = workers;
    this.offers = new OfferStore(pool);
    this.pending = new PendingCredentials(pool);
    this.secrets = new SealedIssuanceSecrets(keys);
    this.issued = new IssuedCredentials(credentials, client, pool, keys, clock);
    this.activity = activity;
    this.offerLifetime = offerLifetime;
    this.clock = clock;
  }

  /**
   * §4.1: resolves the offer (and the issuer's metadata) and keeps it for the learner, its code sealed, until
   * {@code CAIRN_OFFER_LIFETIME_SECONDS} from now (an offer states no expiry of its own).
   */
  public Future<JsonObject> receive(UUID accountId, String scanned) {
    return client.resolve(scanned).recover(IssuanceProblems::failed).compose(resolved -> {
      JsonArray grants = grants(resolved);
      if (grants.isEmpty()) {
        return IssuanceProblems.failed(new dev.cairn.issuer.client.IssuanceException(new IssuanceFailure.Unsupported(
            "the offer has neither a pre-authorized_code grant nor an authorization server with the authorization_code grant")));
      }
      UUID id = UUID.randomUUID();
      Sealed sealed = secrets.seal(Purpose.OFFER, accountId, id, CredentialOfferJson.of(resolved.offer()));
      Instant now = clock.instant();
      StoredOffer offer = new StoredOffer(id, accountId, resolved.offer().credentialIssuer(),
          DisplayJson.of(resolved.issuer().display()), OfferViews.offered(resolved),
          resolved.txCode().map(CredentialOfferJson::txCode), sealed.kekId(), sealed.ciphertext(), OfferStore.OFFERED,
          Optional.empty(), now, Optional.empty(), now.plus(offerLifetime), grants);
      return offers.insert(offer).map(done -> OfferViews.view(offer, List.of()));
    });
  }

  public Future<JsonObject> get(UUID accountId, UUID id) {
    return find(accountId, id).compose(offer -> pending.ofOffer(accountId, id).map(waiting -> OfferViews.view(offer, waiting)));
  }

  /**
   * Redeems the offer (§6) with the learner's Transaction Code and requests every offered configuration bound to
   * the learner's P-256 key. Answers the offer as it now stands and the credentials stored.
   */
  public Future<JsonObject> accept(UUID accountId, UUID id, Optional<String> txCode) {
    return findOpen(accountId, id).compose(offer -> {
      if (!offer.hasGrant(OpenId4Vci.PRE_AUTHORIZED_CODE_GRANT)) {
        throw new ProblemException(ProblemType.OFFER_INVALID, "This offer has no Pre-Authorized Code: it is accepted "
            + "through POST /v1/offers/" + id + "/authorization", Map.of(), Map.of("failure", "unsupported"));
      }
      if (offer.txCode().isPresent() && txCode.isEmpty()) {
        throw new ProblemException(ProblemType.INVALID_REQUEST, "Missing required field 'tx_code': the issuer asks for "
            + "the Transaction Code it sent you" + offer.txCode().get().getString("description", "").transform(
                text -> text.isEmpty() ? "" : " (" + text + ")"));
      }
      return Future.all(resolveAgain(offer), signer(accountId))
          .recover(IssuanceProblems::failed)
          .compose(both -> {
            ResolvedOffer resolved = both.resultAt(0);
            Acceptance acceptance = Acceptance.allWith(resolved, txCode, both.resultAt(1));
            return client.accept(resolved, acceptance).recover(IssuanceProblems::failed);
          })
          .compose(outcomes -> settle(offer, outcomes));
    });
  }

  /** The offer's grants (§4.1.1) the wallet can use; an offer naming none is redeemed by authorization code if its server has it. */
  private static JsonArray grants(ResolvedOffer resolved) {
    JsonArray grants = new JsonArray();
    resolved.offer().preAuthorizedCode().ifPresent(grant -> grants.add(OpenId4Vci.PRE_AUTHORIZED_CODE_GRANT));
    if (resolved.offer().authorizationCode().isPresent() || (resolved.offer().preAuthorizedCode().isEmpty()
        && resolved.authorizationServer().grantTypes().contains(OpenId4Vci.AUTHORIZATION_CODE_GRANT))) {
      grants.add(OpenId4Vci.AUTHORIZATION_CODE_GRANT);
    }
    return grants;
  }

  /** The sealed offer handed to the client again by value; the metadata is fetched and checked again. */
  Future<ResolvedOffer> resolveAgain(StoredOffer offer) {
    JsonObject sealedOffer = secrets.open(Purpose.OFFER, offer.accountId(), offer.id(), offer.kekId(), offer.sealedOffer());
    return client.resolve(CredentialOfferJson.byValue(sealedOffer));
  }

  /** The learner's offer when it can still be redeemed: {@code offered}, and not expired. */
  Future<StoredOffer> findOpen(UUID accountId, UUID id) {
    return find(accountId, id).map(offer -> {
      if (!OfferStore.OFFERED.equals(offer.state())) {
        throw new ProblemException(ProblemType.OFFER_CLOSED, "This offer was already " + offer.state());
      }
      if (offer.expiredAt(clock.instant())) {
        throw new ProblemException(ProblemType.OFFER_CLOSED, "This offer expired at " + offer.expiresAt()
            + "; ask the issuer for a new one");
      }
      return offer;
    });
  }

  /**
   * Stores what was issued, records what was refused and the offer's outcome, in one transaction; answers
   * {@code {offer, credentials}}, or {@code issuance-refused} when nothing was issued.
   */
  Future<JsonObject> settle(StoredOffer offer, List<ConfigurationOutcome> outcomes) {
    List<ConfigurationOutcome.Issued> issuedNow = new ArrayList<>();
    List<ConfigurationOutcome.Deferred> deferred = new ArrayList<>();
    List<ConfigurationOutcome.Refused> refused = new ArrayList<>();
    for (ConfigurationOutcome outcome : outcomes) {
      if (outcome instanceof ConfigurationOutcome.Issued one) {
        issuedNow.add(one);
      } else if (outcome instanceof ConfigurationOutcome.Deferred one) {
        deferred.add(one);
      } else {
        refused.add((ConfigurationOutcome.Refused) outcome);
      }
    }
    JsonArray refusals = Refusals.json(refused);
    if (issuedNow.isEmpty() && deferred.isEmpty()) {
      return pool.withTransaction(connection -> offers.settle(connection, offer.accountId(), offer.id(),
                  OfferStore.REFUSED, new JsonObject().put("stored", new JsonArray()).put("refused", refusals), clock.instant())
              .compose(settled -> Refusals.record(activity, connection, offer.accountId(), offer.id(), refused)))
          .compose(done -> Future.failedFuture(IssuanceProblems.allRefused(refused.get(0).failure(), refusals)));
    }
    return issued.store(offer.accountId(), offer.id(), issuedNow, (connection, stored) -> {
          JsonObject outcome = new JsonObject().put("stored", OfferViews.ids(stored)).put("refused", refusals);
          return offers.settle(connection, offer.accountId(), offer.id(), OfferStore.ACCEPTED, outcome, clock.instant())
              .compose(settled -> {
                if (!settled) {
                  throw new ProblemException(ProblemType.OFFER_CLOSED, "This offer was accepted by another request");
                }
                return Refusals.record(activity, connection, offer.accountId(), offer.id(), refused);
              })
              .compose(done -> keepDeferred(connection, offer, deferred));
        })
        .compose(stored -> get(offer.accountId(), offer.id()).map(view -> new JsonObject().put("offer", view)
            .put("credentials", new JsonArray(stored.stream().map(Imported::view).toList()))));
  }

  /** §9: each deferral sealed (it holds the access token) for the collection job, and in the learner's activity. */
  private Future<Void> keepDeferred(SqlClient connection, StoredOffer offer, List<ConfigurationOutcome.Deferred> deferred) {
    Future<Void> chain = Future.succeededFuture();
    Instant now = clock.instant();
    for (ConfigurationOutcome.Deferred one : deferred) {
      UUID pendingId = UUID.randomUUID();
      Sealed sealed = secrets.seal(Purpose.DEFERRAL, offer.accountId(), pendingId, DeferralJson.of(one.deferred()));
      chain = chain.compose(done -> pending.insert(connection, pendingId, offer.accountId(), offer.id(),
              one.configurationId(), sealed, one.deferred().notBefore(), now))
          .compose(done -> activity.record(connection, offer.accountId(), new ActivityLog.Entry(
              ActivityLog.Kind.CREDENTIAL_PENDING, null, null, null, new JsonObject().put("offer", offer.id().toString())
                  .put("configuration_id", one.configurationId()).put("issuer", offer.credentialIssuer()))));
    }
    return chain;
  }

  /** The learner's P-256 holder key as the key-proof signer. */
  Future<ProofSigner> signer(UUID accountId) {
    return holderKeys.of(accountId).map(keys -> keys.stream().filter(key -> "ES256".equals(key.algorithm())).findFirst()
        .<ProofSigner>map(key -> new HolderProofSigner(holderKeys, workers, key))
        .orElseThrow(() -> new IllegalStateException("learner " + accountId + " has no P-256 holder key")));
  }

  private Future<StoredOffer> find(UUID accountId, UUID id) {
    return offers.find(accountId, id).map(found -> found.orElseThrow(WalletOffers::notFound));
  }

  static ProblemException notFound() {
    return new ProblemException(ProblemType.NOT_FOUND, "No credential offer with this id");
  }
}
