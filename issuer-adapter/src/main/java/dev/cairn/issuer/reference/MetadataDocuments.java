package dev.cairn.issuer.reference;

import dev.cairn.issuer.oid4vci.OpenId4Vci;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The two metadata documents: Credential Issuer Metadata (§12.2) and Authorization Server Metadata (RFC 8414, §12.3). */
final class MetadataDocuments {
  private MetadataDocuments() {}

  /** §12.2.4: the issuer's endpoints, batch size, display and Credential Configurations; it is its own AS. */
  static JsonObject credentialIssuer(ReferenceIssuerConfig config, IssuerEndpoints endpoints) {
    JsonObject configurations = new JsonObject();
    for (MicroCredentialConfiguration configuration : MicroCredentialConfiguration.values()) {
      // §12.2.4 scope: the Authorization Code Flow may ask for a configuration by scope (§5.1.2); its id serves.
      configurations.put(configuration.id(), configuration.metadata(config).put("scope", configuration.id()));
    }
    return new JsonObject()
        .put("credential_issuer", config.issuer().toString())
        .put("credential_endpoint", endpoints.url(IssuerEndpoints.CREDENTIAL))
        .put("nonce_endpoint", endpoints.url(IssuerEndpoints.NONCE))
        .put("deferred_credential_endpoint", endpoints.url(IssuerEndpoints.DEFERRED_CREDENTIAL))
        .put("notification_endpoint", endpoints.url(IssuerEndpoints.NOTIFICATION))
        .put("batch_credential_issuance", new JsonObject().put("batch_size", config.batchSize()))
        .put("display", new JsonArray().add(new JsonObject()
            .put("name", config.name())
            .put("locale", "en-GB")
            .put("logo", new JsonObject().put("uri", config.base() + "/logo.svg").put("alt_text", config.name() + " logo"))))
        .put("credential_configurations_supported", configurations);
  }

  /**
   * RFC 8414 §2 and §12.3: the token endpoint and both grants, without client authentication
   * ({@code pre-authorized_grant_anonymous_access_supported}, public clients); for the Authorization Code Flow the
   * authorization and PAR endpoints (RFC 9126 §5), PKCE S256 only (RFC 7636), and {@code iss} in the Authorization
   * Response (RFC 9207 §3).
   */
  static JsonObject authorizationServer(ReferenceIssuerConfig config, AuthorizationSettings settings,
                                        IssuerEndpoints endpoints) {
    JsonObject metadata = new JsonObject()
        .put("issuer", config.issuer().toString())
        .put("token_endpoint", endpoints.url(IssuerEndpoints.TOKEN))
        .put("grant_types_supported", new JsonArray().add(OpenId4Vci.PRE_AUTHORIZED_CODE_GRANT)
            .add(OpenId4Vci.AUTHORIZATION_CODE_GRANT))
        .put("pre-authorized_grant_anonymous_access_supported", true)
        .put("token_endpoint_auth_methods_supported", new JsonArray().add("none"));
    AuthorizationCodeMetadata.add(metadata, settings, endpoints);
    if (config.authorizationDetails()) {
      metadata.put("authorization_details_types_supported", new JsonArray().add(OpenId4Vci.OPENID_CREDENTIAL));
    }
    return metadata;
  }
}
