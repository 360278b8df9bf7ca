package dev.cairn.wallet.issuance;

import dev.cairn.issuer.client.CredentialOffer;
import dev.cairn.issuer.client.TxCode;
import dev.cairn.issuer.oid4vci.OpenId4Vci;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A resolved Credential Offer written back as the §4.1.1 object, so the wallet can keep it (sealed) and hand it to
 * the client again by value (§4.1.2) when the learner accepts: an offer that came by reference is not fetched twice
 * (its URL may be single use), while the issuer's metadata is fetched and checked again.
 */
final class CredentialOfferJson {
  private static final String SCHEME = OpenId4Vci.OFFER_SCHEME + "://";

  private CredentialOfferJson() {}

  static JsonObject of(CredentialOffer offer) {
    JsonObject grants = new JsonObject();
    offer.preAuthorizedCode().ifPresent(code -> {
      JsonObject grant = new JsonObject().put(OpenId4Vci.PRE_AUTHORIZED_CODE, code.code());
      code.txCode().ifPresent(tx -> grant.put(OpenId4Vci.TX_CODE, txCode(tx)));
      code.authorizationServer().ifPresent(server -> grant.put("authorization_server", server));
      grants.put(OpenId4Vci.PRE_AUTHORIZED_CODE_GRANT, grant);
    });
    offer.authorizationCode().ifPresent(code -> {
      JsonObject grant = new JsonObject();
      code.issuerState().ifPresent(state -> grant.put("issuer_state", state));
      code.authorizationServer().ifPresent(server -> grant.put("authorization_server", server));
      grants.put(OpenId4Vci.AUTHORIZATION_CODE_GRANT, grant);
    });
    return new JsonObject()
        .put("credential_issuer", offer.credentialIssuer())
        .put("credential_configuration_ids", new JsonArray(offer.credentialConfigurationIds()))
        .put("grants", grants);
  }

  /** §4.1.1 {@code tx_code}: how the code is typed, how long it is, where the learner finds it. */
  static JsonObject txCode(TxCode tx) {
    JsonObject json = new JsonObject().put("input_mode", tx.inputMode());
    tx.length().ifPresent(length -> json.put("length", length));
    tx.description().ifPresent(description -> json.put("description", description));
    return json;
  }

  /** §4.1.2: the offer by value, as a wallet would have scanned it. */
  static String byValue(JsonObject offer) {
    return SCHEME + "?" + OpenId4Vci.CREDENTIAL_OFFER + "=" + URLEncoder.encode(offer.encode(), StandardCharsets.UTF_8);
  }
}
