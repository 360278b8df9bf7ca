package dev.cairn.issuer.reference;

import dev.cairn.issuer.oid4vci.OpenId4Vci;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The Authorization Server Metadata members of the Authorization Code Flow (RFC 8414 §2, RFC 9126 §5, RFC 9207 §3). */
final class AuthorizationCodeMetadata {
  private AuthorizationCodeMetadata() {}

  static void add(JsonObject metadata, AuthorizationSettings settings, IssuerEndpoints endpoints) {
    metadata.put("authorization_endpoint", endpoints.url(IssuerEndpoints.AUTHORIZATION));
    if (settings.pushedRequests() != AuthorizationSettings.PushedRequests.NOT_OFFERED) {
      metadata.put("pushed_authorization_request_endpoint", endpoints.url(IssuerEndpoints.PUSHED_AUTHORIZATION_REQUEST))
          .put("require_pushed_authorization_requests", settings.requirePushedAuthorizationRequests());
    }
    metadata.put("response_types_supported", new JsonArray().add("code"))
        .put("code_challenge_methods_supported", new JsonArray().add(OpenId4Vci.PKCE_S256))
        .put("authorization_response_iss_parameter_supported", true);
  }
}
