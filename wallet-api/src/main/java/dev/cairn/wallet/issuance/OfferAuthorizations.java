package dev.cairn.wallet.issuance;

import dev.cairn.issuer.client.Acceptance;
import dev.cairn.issuer.client.AuthorizationResponse;
import dev.cairn.issuer.client.IssuanceClient;
import dev.cairn.issuer.client.IssuanceException;
import dev.cairn.issuer.client.IssuanceFailure;
import dev.cairn.issuer.client.PendingAuthorization;
import dev.cairn.issuer.oid4vci.OpenId4Vci;
import dev.cairn.wallet.config.CairnConfig;
import dev.cairn.wallet.holder.KeyRing;
import dev.cairn.wallet.http.ProblemException;
import dev.cairn.wallet.http.ProblemType;
import dev.cairn.wallet.issuance.OfferStore.StoredOffer;
import dev.cairn.wallet.issuance.SealedIssuanceSecrets.Purpose;
import dev.cairn.wallet.issuance.SealedIssuanceSecrets.Sealed;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The Authorization Code Flow of OpenID4VCI 1.0 (§5) from the wallet: the app asks to start (Cairn builds the
 * Authorization Request, PKCE and PAR included, and keeps its secrets sealed in PostgreSQL so any instance can
 * finish), opens the URL in a browser, and hands back where the browser landed; Cairn checks that response,
 * exchanges the code and stores the credentials as {@code /accept} does.
 *
 * <p>A response that does not answer a started request (another {@code state}, {@code iss} or redirect URI)
 * changes nothing. A verified one spends the started request (its code is single use at the issuer too), so a
 * failure after that means starting again.
 */
public final class OfferAuthorizations {
  /** How long the learner has in the browser; RFC 6749 recommends codes of at most 10 minutes, too. */
  static final Duration AUTHORIZATION_LIFETIME = Duration.ofMinutes(10);

  private final WalletOffers offers;
  private final IssuanceClient client;
  private final AuthorizationStore started;
  private final SealedIssuanceSecrets secrets;
  private final CairnConfig.Issuance settings;
  private final Clock clock;

  public OfferAuthorizations(Pool pool, WalletOffers offers, IssuanceClient client, KeyRing keys,
                             CairnConfig.Issuance settings, Clock clock) {
    this.offers = offers;
    this.client = client;
    this.started = new AuthorizationStore(pool);
    this.secrets = new SealedIssuanceSecrets(keys);
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * Starts the flow for every offered configuration: answers the {@code authorization_url} the app opens and until
   * when the answer is awaited. {@code redirectUri} must be one of {@code CAIRN_ISSUANCE_REDIRECT_URIS}, exactly.
   */
  public Future<JsonObject> start(UUID accountId, UUID offerId, String redirectUri) {
    if (!settings.redirectUris().contains(redirectUri)) {
      throw new ProblemException(ProblemType.INVALID_REQUEST, "Field 'redirect_uri' must be one of the redirect URIs "
          + "this Cairn allows: " + String.join(", ", settings.redirectUris()));
    }
    return offers.findOpen(accountId, offerId).compose(offer -> {
      if (!offer.hasGrant(OpenId4Vci.AUTHORIZATION_CODE_GRANT)) {
        throw new ProblemException(ProblemType.OFFER_INVALID, "This offer has no authorization_code grant: it is "
            + "accepted with POST /v1/offers/" + offerId + "/accept", java.util.Map.of(),
            java.util.Map.of("failure", "unsupported"));
      }
      return offers.resolveAgain(offer)
          .compose(resolved -> client.startAuthorization(resolved, resolved.offer().credentialConfigurationIds(),
              settings.clientId(), URI.create(redirectUri)))
          .recover(IssuanceProblems::failed)
          .compose(pending -> keep(offer, pending));
    });
  }

  private Future<JsonObject> keep(StoredOffer offer, PendingAuthorization pending) {
    UUID id = UUID.randomUUID();
    Instant now = clock.instant();
    Instant expiresAt = now.plus(AUTHORIZATION_LIFETIME).isBefore(offer.expiresAt())
        ? now.plus(AUTHORIZATION_LIFETIME) : offer.expiresAt();
    Sealed sealed = secrets.seal(Purpose.AUTHORIZATION, offer.accountId(), id, PendingAuthorizationJson.of(pending));
    return started.insert(id, offer.accountId(), offer.id(), pending.state(), sealed, expiresAt, now)
        .map(done -> new JsonObject()
            .put("authorization_url", pending.authorizationUrl().toString())
            .put("redirect_uri", pending.redirectUri().toString())
            .put("expires_at", expiresAt.toString()));
  }

  /**
   * Finishes the flow with the Authorization Response the browser landed on: checked against the started request
   * with that {@code state} (RFC 6749 §10.12, RFC 9207), the code exchanged with the PKCE verifier, every offered
   * configuration requested with the learner's P-256 key and stored. Answers as {@code /accept} does.
   */
  public Future<JsonObject> finish(UUID accountId, UUID offerId, AuthorizationResponse response) {
    String state = response.claimedState().orElseThrow(() -> IssuanceProblems.problem(
        new IssuanceFailure.AuthorizationResponseInvalid("the authorization response has no state")));
    return offers.findOpen(accountId, offerId).compose(offer -> started.find(accountId, offerId, state, clock.instant())
        .compose(found -> {
          AuthorizationStore.Started row = found.orElseThrow(() -> IssuanceProblems.problem(
              new IssuanceFailure.AuthorizationResponseInvalid("no authorization of this offer is waiting for this "
                  + "state: it was never started here, expired, or was already finished")));
          PendingAuthorization pending = PendingAuthorizationJson.read(
              secrets.open(Purpose.AUTHORIZATION, accountId, row.id(), row.kekId(), row.sealed()));
          return offers.resolveAgain(offer)
              .compose(resolved -> client.checkAuthorizationResponse(resolved, pending, response)
                  .compose(code -> spend(accountId, row)
                      .compose(spent -> offers.signer(accountId))
                      .compose(signer -> client.finishAuthorization(resolved, pending, code,
                          Acceptance.allWith(resolved, Optional.empty(), signer)))))
              .recover(IssuanceProblems::failed)
              .compose(outcomes -> offers.settle(offer, outcomes));
        }));
  }

  /** Single use: of two requests finishing the same authorization, one spends it, the other is refused. */
  private Future<Void> spend(UUID accountId, AuthorizationStore.Started row) {
    return started.spend(accountId, row.id()).map(spent -> {
      if (!spent) {
        throw new IssuanceException(new IssuanceFailure.AuthorizationResponseInvalid(
            "this authorization was already finished by another request"));
      }
      return null;
    });
  }
}
