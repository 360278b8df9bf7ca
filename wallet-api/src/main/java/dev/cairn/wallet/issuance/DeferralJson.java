package dev.cairn.wallet.issuance;

import com.nimbusds.jose.jwk.JWK;
import dev.cairn.issuer.client.DeferredCredential;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@link DeferredCredential} as the JSON document sealed in its {@code pending_credential} row: everything the
 * collection job needs to ask the Deferred Credential Endpoint again (§9.1) and to check what it gets (the proven
 * public keys, the configuration's format). {@code not_before} lives in the row's column, which the job moves.
 */
final class DeferralJson {
  private DeferralJson() {}

  static JsonObject of(DeferredCredential deferred) {
    JsonArray keys = new JsonArray();
    deferred.holderKeys().forEach(key -> keys.add(new JsonObject(key.toPublicJWK().toJSONObject())));
    JsonObject json = new JsonObject()
        .put("configuration_id", deferred.configurationId())
        .put("format", deferred.format())
        .put("deferred_credential_endpoint", deferred.deferredEndpoint().toString())
        .put("access_token", deferred.accessToken())
        .put("transaction_id", deferred.transactionId())
        .put("holder_keys", keys)
        .put("issuer_display", DisplayJson.of(deferred.issuerDisplay()))
        .put("credential_display", DisplayJson.of(deferred.credentialDisplay()));
    deferred.notificationEndpoint().ifPresent(endpoint -> json.put("notification_endpoint", endpoint.toString()));
    return json;
  }

  static DeferredCredential read(JsonObject json, Instant notBefore) {
    List<JWK> keys = new ArrayList<>();
    for (Object key : json.getJsonArray("holder_keys")) {
      try {
        keys.add(JWK.parse(((JsonObject) key).getMap()));
      } catch (ParseException e) {
        throw new IllegalStateException("a sealed deferral holds an unreadable public key", e);
      }
    }
    return new DeferredCredential(json.getString("configuration_id"), URI.create(json.getString("deferred_credential_endpoint")),
        json.getString("access_token"), json.getString("transaction_id"), notBefore, keys,
        Optional.ofNullable(json.getString("notification_endpoint")).map(URI::create),
        DisplayJson.read(json.getJsonArray("issuer_display")), DisplayJson.read(json.getJsonArray("credential_display")),
        json.getString("format"));
  }
}
