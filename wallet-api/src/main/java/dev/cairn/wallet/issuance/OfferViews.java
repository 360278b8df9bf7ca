package dev.cairn.wallet.issuance;

import dev.cairn.issuer.client.CredentialConfiguration;
import dev.cairn.issuer.client.ResolvedOffer;
import dev.cairn.wallet.credential.CredentialService.Imported;
import dev.cairn.wallet.issuance.OfferStore.StoredOffer;
import dev.cairn.wallet.issuance.PendingCredentials.Pending;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * What the learner's app shows of an offer: who offers (the issuer's display entries, §12.2.4: name, locale,
 * logo), what (each offered configuration's format and display: name, description, colours, locale), whether a
 * Transaction Code must be typed and how (§4.1.1), and, once accepted, what became of each credential.
 */
final class OfferViews {
  private OfferViews() {}

  /** The offered configurations, as stored with the offer (no secret in them). */
  static JsonArray offered(ResolvedOffer offer) {
    JsonArray credentials = new JsonArray();
    for (CredentialConfiguration configuration : offer.offeredConfigurations()) {
      credentials.add(new JsonObject()
          .put("configuration_id", configuration.id())
          .put("format", configuration.format())
          .put("display", DisplayJson.of(configuration.display())));
    }
    return credentials;
  }

  /** The ids of credentials stored from an offer, for its outcome. */
  static JsonArray ids(List<Imported> stored) {
    JsonArray ids = new JsonArray();
    stored.forEach(one -> ids.add(one.id().toString()));
    return ids;
  }

  static JsonObject view(StoredOffer offer, List<Pending> pending) {
    JsonObject view = new JsonObject()
        .put("id", offer.id().toString())
        .put("state", offer.state())
        .put("credential_issuer", offer.credentialIssuer())
        .put("issuer", new JsonObject().put("display", offer.issuerDisplay()))
        .put("credentials", offer.credentials())
        .put("tx_code_required", offer.txCode().isPresent())
        .put("grants", offer.grants())
        .put("created_at", offer.createdAt().toString())
        .put("expires_at", offer.expiresAt().toString());
    offer.txCode().ifPresent(tx -> view.put("tx_code", tx));
    offer.acceptedAt().ifPresent(at -> view.put("accepted_at", at.toString()));
    if (offer.outcome().isPresent() || !pending.isEmpty()) {
      JsonObject outcome = offer.outcome().map(JsonObject::copy).orElseGet(JsonObject::new);
      JsonArray waiting = new JsonArray();
      pending.forEach(one -> waiting.add(new JsonObject().put("configuration_id", one.configurationId())
          .put("not_before", one.notBefore().toString())));
      view.put("outcome", outcome.put("pending", waiting));
    }
    return view;
  }
}
