package dev.cairn.issuer.reference;

import dev.cairn.issuer.oid4vci.OpenId4Vci;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Credential Offers (§4.1): made from an operator's {@link OfferRequest}, handed out by value and by reference.
 * By reference, each offer gets its own unguessable URL (§4.1.3: "a unique URI for each Credential Offer").
 */
final class CredentialOffers {

  /** A new offer: the object itself, both URIs a wallet can be given, and the Transaction Code for the learner. */
  record Created(String offerId, JsonObject credentialOffer, String byValue, String byReference, String txCode, Instant expiresAt) {
    JsonObject json() {
      JsonObject json = new JsonObject().put("offer_id", offerId).put("credential_offer", credentialOffer)
          .put("offer_by_value", byValue).put("offer_by_reference", byReference).put("expires_at", expiresAt.toString());
      return txCode == null ? json : json.put(OpenId4Vci.TX_CODE, txCode); // no tx_code with an authorization_code grant
    }
  }

  private record Stored(JsonObject offer, Instant expiresAt) {}

  private final Map<String, Stored> byId = new ConcurrentHashMap<>();
  private final ReferenceIssuerConfig config;
  private final IssuerEndpoints endpoints;
  private final PreAuthorizedGrants grants;
  private final IssuerStates issuerStates;
  private final Clock clock;

  CredentialOffers(ReferenceIssuerConfig config, IssuerEndpoints endpoints, PreAuthorizedGrants grants,
                   IssuerStates issuerStates, Clock clock) {
    this.config = config;
    this.endpoints = endpoints;
    this.grants = grants;
    this.issuerStates = issuerStates;
    this.clock = clock;
  }

  Created create(OfferRequest request) {
    return create(request, OfferGrant.PRE_AUTHORIZED_CODE);
  }

  Created create(OfferRequest request, OfferGrant kind) {
    if (kind == OfferGrant.AUTHORIZATION_CODE) {
      // §4.1.1: the authorization_code grant with the issuer_state the wallet sends back in its Authorization Request.
      String issuerState = issuerStates.create(request);
      return publish(request, new JsonObject().put(OpenId4Vci.AUTHORIZATION_CODE_GRANT,
          new JsonObject().put(OpenId4Vci.ISSUER_STATE, issuerState)), null, issuerStates.expiresAt(issuerState));
    }
    PreAuthorizedGrants.Grant grant = grants.create(request);
    // §4.1.1: the tx_code object tells the wallet a code is needed, its length and where the learner finds it.
    JsonObject txCode = new JsonObject().put("input_mode", "numeric").put("length", PreAuthorizedGrants.TX_CODE_LENGTH)
        .put("description", "The " + PreAuthorizedGrants.TX_CODE_LENGTH + "-digit code " + config.name()
            + " sent to your email address");
    return publish(request, new JsonObject().put(OpenId4Vci.PRE_AUTHORIZED_CODE_GRANT, new JsonObject()
        .put(OpenId4Vci.PRE_AUTHORIZED_CODE, grant.code()).put(OpenId4Vci.TX_CODE, txCode)), grant.txCode(),
        grant.expiresAt());
  }

  private Created publish(OfferRequest request, JsonObject grantsObject, String txCode, Instant expiresAt) {
    JsonArray ids = new JsonArray();
    request.configurations().forEach(configuration -> ids.add(configuration.id()));
    JsonObject offer = new JsonObject()
        .put("credential_issuer", config.issuer().toString())
        .put("credential_configuration_ids", ids)
        .put("grants", grantsObject);
    Instant now = clock.instant();
    byId.values().removeIf(stored -> !now.isBefore(stored.expiresAt()));
    String id = request.id();
    byId.put(id, new Stored(offer, expiresAt));
    String byValue = OpenId4Vci.OFFER_SCHEME + "://?" + OpenId4Vci.CREDENTIAL_OFFER + "=" + encode(offer.encode());
    String byReference = OpenId4Vci.OFFER_SCHEME + "://?" + OpenId4Vci.CREDENTIAL_OFFER_URI + "="
        + encode(endpoints.url(IssuerEndpoints.OFFERS + "/" + id));
    return new Created(id, offer, byValue, byReference, txCode, expiresAt);
  }

  Optional<JsonObject> byReference(String id) {
    Stored stored = byId.get(id);
    return stored == null || !clock.instant().isBefore(stored.expiresAt()) ? Optional.empty() : Optional.of(stored.offer());
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
