package dev.cairn.issuer.client;

import com.nimbusds.jose.jwk.JWK;
import dev.cairn.credentials.CredentialVerifier;
import dev.cairn.credentials.jose.IssuerKeys;
import dev.cairn.did.DidResolver;
import dev.cairn.did.fetch.HardenedFetch;
import dev.cairn.issuer.oid4vci.OpenId4Vci;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The wallet's OpenID4VCI 1.0 client: resolve what the learner scanned, accept it with the Pre-Authorized Code
 * Flow or the Authorization Code Flow (PKCE, PAR when offered), collect deferred credentials, report what became of them. Every outbound call goes through the
 * {@link HardenedFetch}; every received credential through the {@link CredentialVerifier} as an import would, and
 * must be bound to a key the wallet proved. Futures fail only with an {@link IssuanceException}; per-configuration
 * problems after the token are {@link ConfigurationOutcome.Refused} outcomes instead, so one refused format does
 * not lose the others.
 */
public final class IssuanceClient {
  private final IssuerExchange exchange;
  private final OfferResolver offers;
  private final TokenExchange tokens;
  private final AuthorizationRequests authorizations;
  private final CredentialRequests requests;
  private final CredentialAcceptanceCheck acceptance;
  private final Clock clock;

  public IssuanceClient(HardenedFetch fetch, CredentialVerifier verifier, DidResolver resolver, Clock clock) {
    this.exchange = new IssuerExchange(fetch);
    this.offers = new OfferResolver(exchange, new IssuerMetadataRetrieval(exchange,
        new SignedMetadata(new IssuerKeys(resolver, fetch, clock), clock)));
    this.tokens = new TokenExchange(exchange);
    this.authorizations = new AuthorizationRequests(exchange);
    this.requests = new CredentialRequests(exchange, clock);
    this.acceptance = new CredentialAcceptanceCheck(verifier, resolver);
    this.clock = clock;
  }

  /**
   * The offer behind {@code scanned} ({@code openid-credential-offer://?credential_offer=…} or
   * {@code …?credential_offer_uri=…}), with the issuer's and its Authorization Server's metadata: what the
   * learner is shown (issuer display, offered configurations, whether a Transaction Code is needed).
   */
  public Future<ResolvedOffer> resolve(String scanned) {
    return offers.resolve(scanned);
  }

  /** Redeems the offer's Pre-Authorized Code and requests each accepted configuration in turn. */
  public Future<List<ConfigurationOutcome>> accept(ResolvedOffer offer, Acceptance accepted) {
    List<String> ids = new ArrayList<>(accepted.keysByConfiguration().keySet());
    return offered(offer, ids).compose(checked -> tokens.redeem(offer, ids, accepted.txCode()))
        .compose(granted -> requestAll(offer, accepted, granted));
  }

  /**
   * Starts the Authorization Code Flow (§5) for {@code configurationIds}: the Authorization Request with PKCE S256,
   * a fresh {@code state} and the offer's {@code issuer_state}, pushed first when the server has a PAR endpoint
   * (and refused when it requires one it lacks). The app opens {@link PendingAuthorization#authorizationUrl()}; the
   * wallet keeps the rest, secret, for {@link #finishAuthorization}.
   */
  public Future<PendingAuthorization> startAuthorization(ResolvedOffer offer, List<String> configurationIds,
                                                         String clientId, URI redirectUri) {
    return offered(offer, configurationIds).compose(checked -> {
      if (offer.offer().authorizationCode().isEmpty()
          && !offer.authorizationServer().grantTypes().contains(OpenId4Vci.AUTHORIZATION_CODE_GRANT)) {
        throw new IssuanceException(new IssuanceFailure.Unsupported("neither the offer nor the authorization server "
            + "has the authorization_code grant"));
      }
      return authorizations.start(offer, configurationIds, clientId, redirectUri);
    });
  }

  /**
   * Finishes the Authorization Code Flow: {@code response} must answer {@code pending} (see
   * {@link AuthorizationResponse#verify}); the code is exchanged with the PKCE verifier (§6.1), then each
   * configuration is requested as {@link #accept} does. The wallet checks the response with
   * {@link #checkAuthorizationResponse} before it spends its pending authorization, then calls this.
   */
  public Future<List<ConfigurationOutcome>> finishAuthorization(ResolvedOffer offer, PendingAuthorization pending,
                                                                String code, Acceptance accepted) {
    List<String> ids = new ArrayList<>(accepted.keysByConfiguration().keySet());
    return offered(offer, ids).compose(checked -> tokens.exchangeCode(offer, pending, code))
        .compose(granted -> requestAll(offer, accepted, granted));
  }

  /** The code of {@code response} when it answers {@code pending}; otherwise a failed future, nothing sent. */
  public Future<String> checkAuthorizationResponse(ResolvedOffer offer, PendingAuthorization pending,
                                                   AuthorizationResponse response) {
    return Future.succeededFuture(pending).map(same -> response.verify(pending,
        offer.authorizationServer().authorizationResponseIssParameterSupported()));
  }

  private static Future<Void> offered(ResolvedOffer offer, List<String> ids) {
    for (String id : ids) {
      if (!offer.offer().credentialConfigurationIds().contains(id)) {
        return Future.failedFuture(new IssuanceException(new IssuanceFailure.OfferInvalid(id + " was not offered")));
      }
    }
    return Future.succeededFuture();
  }

  /** Each accepted configuration in turn, with the token the grant bought. */
  private Future<List<ConfigurationOutcome>> requestAll(ResolvedOffer offer, Acceptance accepted,
                                                        TokenExchange.Granted granted) {
    Future<List<ConfigurationOutcome>> all = Future.succeededFuture(new ArrayList<>());
    for (Map.Entry<String, List<ProofSigner>> entry : accepted.keysByConfiguration().entrySet()) {
      all = all.compose(list -> one(offer, offer.issuer().configurations().get(entry.getKey()), granted, entry.getValue())
          .map(outcome -> {
            list.add(outcome);
            return list;
          }));
    }
    return all.map(List::copyOf);
  }

  /**
   * §9: asks for a deferred issuance's credentials. Before {@code notBefore} nothing is sent and the same deferral
   * is answered; a 202 answers a deferral with a later {@code notBefore}.
   */
  public Future<ConfigurationOutcome> collectDeferred(DeferredCredential pending) {
    if (clock.instant().isBefore(pending.notBefore())) {
      return Future.succeededFuture(new ConfigurationOutcome.Deferred(pending.configurationId(), pending));
    }
    return requests.deferred(pending).compose(response -> {
      if (response.transactionId().isPresent()) {
        return Future.succeededFuture(new ConfigurationOutcome.Deferred(pending.configurationId(),
            pending.later(clock.instant().plusSeconds(response.interval()))));
      }
      return received(pending.configurationId(), pending.format(), response, pending.holderKeys(),
          pending.notificationEndpoint(), pending.accessToken(), pending.issuerDisplay(), pending.credentialDisplay());
    }).recover(failure -> refused(pending.configurationId(), failure));
  }

  /**
   * §11.1 Notification Request: {@code event} is {@code credential_accepted}, {@code credential_failure} or
   * {@code credential_deleted}. A 2xx is success; the issuer's error fails the future.
   */
  public Future<Void> notify(NotificationHandle handle, String event, Optional<String> description) {
    JsonObject body = new JsonObject().put("notification_id", handle.notificationId()).put("event", event);
    // §11.1: event_description is ASCII %x20-21 / %x23-5B / %x5D-7E only.
    description.ifPresent(text -> body.put("event_description", text.replaceAll("[^\\x20\\x21\\x23-\\x5B\\x5D-\\x7E]", "'")));
    return exchange.postJson(handle.endpoint(), Optional.of(handle.accessToken()), body, 204, 400, 401).map(answer -> {
      if (answer.status() >= 300) {
        throw new IssuanceException(new IssuanceFailure.CredentialRefused(answer.error().orElse("http_" + answer.status()),
            answer.description()));
      }
      return null;
    });
  }

  private Future<ConfigurationOutcome> one(ResolvedOffer offer, CredentialConfiguration configuration,
                                           TokenExchange.Granted granted, List<ProofSigner> keys) {
    IssuerMetadata issuer = offer.issuer();
    return Future.succeededFuture(keys).compose(checked -> {
      checkKeys(issuer, configuration, keys);
      return requests.request(issuer, configuration, granted, keys);
    }).compose(response -> {
      List<JWK> proven = CredentialRequests.publicKeys(keys);
      if (response.transactionId().isPresent()) {
        URI deferredEndpoint = issuer.deferredCredentialEndpoint().orElseThrow(() ->
            IssuerMetadata.invalid("the issuer deferred issuance but has no deferred_credential_endpoint"));
        return Future.succeededFuture(new ConfigurationOutcome.Deferred(configuration.id(), new DeferredCredential(
            configuration.id(), deferredEndpoint, granted.accessToken(), response.transactionId().get(),
            clock.instant().plusSeconds(response.interval()), proven, issuer.notificationEndpoint(), issuer.display(),
            configuration.display(), configuration.format())));
      }
      return received(configuration.id(), configuration.format(), response, proven, issuer.notificationEndpoint(),
          granted.accessToken(), issuer.display(), configuration.display());
    }).recover(failure -> refused(configuration.id(), failure));
  }

  /** Verifies and binds; on failure reports {@code credential_failure} (§11.1) before answering Refused. */
  private Future<ConfigurationOutcome> received(String configurationId, String format, CredentialRequests.Response response,
                                                List<JWK> proven, Optional<java.net.URI> notificationEndpoint,
                                                String accessToken, List<Display> issuerDisplay,
                                                List<Display> credentialDisplay) {
    Optional<NotificationHandle> notification = notificationEndpoint.flatMap(endpoint -> response.notificationId()
        .map(id -> new NotificationHandle(endpoint, accessToken, id)));
    return acceptance.check(configurationId, format, response.credentials().orElseThrow(), proven, issuerDisplay,
            credentialDisplay)
        .<ConfigurationOutcome>map(credentials -> new ConfigurationOutcome.Issued(configurationId, credentials, notification))
        .recover(failure -> {
          if (!(failure instanceof IssuanceException refused) || notification.isEmpty()) {
            return Future.failedFuture(failure);
          }
          // The failure is the outcome; a notification that does not arrive changes nothing (§11: not guaranteed).
          return notify(notification.get(), OpenId4Vci.CREDENTIAL_FAILURE, Optional.of(refused.failure().code()))
              .<ConfigurationOutcome>transform(sent -> Future.failedFuture(failure));
        });
  }

  /** §12.2.4: as many keys as batch_size allows (1 without batch issuance), each signing an algorithm listed. */
  private static void checkKeys(IssuerMetadata issuer, CredentialConfiguration configuration, List<ProofSigner> keys) {
    int limit = issuer.batchSize().orElse(1);
    if (keys.size() > limit) {
      throw new IssuanceException(new IssuanceFailure.Unsupported(keys.size() + " keys, but the issuer issues at most "
          + limit + " credential(s) per request"));
    }
    if (configuration.otherProofTypesOnly()) {
      throw new IssuanceException(new IssuanceFailure.Unsupported(configuration.id() + " takes no jwt key proofs"));
    }
    if (configuration.requiresProof() && keys.isEmpty()) {
      throw new IssuanceException(new IssuanceFailure.Unsupported(configuration.id() + " must be bound to a holder key"));
    }
    List<String> algorithms = configuration.jwtProofAlgorithms().orElse(List.of());
    for (ProofSigner key : keys) {
      if (!algorithms.isEmpty() && !algorithms.contains(key.algorithm().getName())) {
        throw new IssuanceException(new IssuanceFailure.Unsupported("the issuer accepts " + algorithms
            + " key proofs for " + configuration.id() + ", not " + key.algorithm()));
      }
    }
  }

  private static Future<ConfigurationOutcome> refused(String configurationId, Throwable failure) {
    return failure instanceof IssuanceException refused
        ? Future.succeededFuture(new ConfigurationOutcome.Refused(configurationId, refused.failure()))
        : Future.failedFuture(failure);
  }
}
