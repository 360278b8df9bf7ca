package dev.cairn.wallet.issuance;

import dev.cairn.issuer.client.PendingAuthorization;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;

/** A started Authorization Code Flow as the JSON document the wallet seals ({@code offer_authorization}, V10). */
final class PendingAuthorizationJson {
  private PendingAuthorizationJson() {}

  static JsonObject of(PendingAuthorization pending) {
    return new JsonObject()
        .put("authorization_url", pending.authorizationUrl().toString())
        .put("authorization_server", pending.authorizationServer())
        .put("client_id", pending.clientId())
        .put("redirect_uri", pending.redirectUri().toString())
        .put("state", pending.state())
        .put("code_verifier", pending.codeVerifier())
        .put("credential_configuration_ids", new JsonArray(pending.configurationIds()))
        .put("pushed", pending.pushed());
  }

  static PendingAuthorization read(JsonObject json) {
    return new PendingAuthorization(URI.create(json.getString("authorization_url")),
        json.getString("authorization_server"), json.getString("client_id"), URI.create(json.getString("redirect_uri")),
        json.getString("state"), json.getString("code_verifier"),
        json.getJsonArray("credential_configuration_ids").stream().map(String::valueOf).toList(),
        json.getBoolean("pushed"));
  }
}
