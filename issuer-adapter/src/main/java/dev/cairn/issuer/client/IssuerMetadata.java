package dev.cairn.issuer.client;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Credential Issuer Metadata (§12.2.4), read as the wallet relies on it. §12.2.4 {@code credential_issuer}: "MUST be
 * identical to the Credential Issuer's identifier value into which the well-known URI string was inserted ... If
 * these values are not identical ... the data contained in the response MUST NOT be used."
 */
public record IssuerMetadata(String credentialIssuer, List<String> authorizationServers, URI credentialEndpoint,
                             Optional<URI> nonceEndpoint, Optional<URI> deferredCredentialEndpoint,
                             Optional<URI> notificationEndpoint, OptionalInt batchSize, boolean requestEncryptionRequired,
                             boolean responseEncryptionRequired, List<Display> display,
                             Map<String, CredentialConfiguration> configurations) {
  private static final int MAX_CONFIGURATIONS = 256;

  public IssuerMetadata {
    authorizationServers = List.copyOf(authorizationServers);
    display = List.copyOf(display);
    configurations = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(configurations));
  }

  /** Reads metadata fetched for the identifier {@code expectedIssuer}; fails with {@code metadata-invalid}. */
  public static IssuerMetadata read(JsonObject json, String expectedIssuer) {
    if (!expectedIssuer.equals(json.getValue("credential_issuer"))) {
      throw invalid("credential_issuer is '" + json.getValue("credential_issuer") + "', not the identifier "
          + expectedIssuer + " the metadata was fetched for");
    }
    if (!(json.getValue("credential_configurations_supported") instanceof JsonObject supported) || supported.isEmpty()
        || supported.size() > MAX_CONFIGURATIONS) {
      throw invalid("credential_configurations_supported must be a non-empty object");
    }
    Map<String, CredentialConfiguration> configurations = new LinkedHashMap<>();
    for (String id : supported.fieldNames()) {
      if (!(supported.getValue(id) instanceof JsonObject entry)) {
        throw invalid("configuration " + id + " is not an object");
      }
      configurations.put(id, CredentialConfiguration.read(id, entry));
    }
    OptionalInt batchSize = OptionalInt.empty();
    if (json.getValue("batch_credential_issuance") instanceof JsonObject batch) {
      if (!(batch.getValue("batch_size") instanceof Integer size) || size < 2) {
        throw invalid("batch_credential_issuance.batch_size must be an integer of 2 or more");
      }
      batchSize = OptionalInt.of(size);
    }
    return new IssuerMetadata(expectedIssuer, authorizationServers(json),
        endpoint(json, "credential_endpoint").orElseThrow(() -> invalid("credential_endpoint is required")),
        endpoint(json, "nonce_endpoint"), endpoint(json, "deferred_credential_endpoint"),
        endpoint(json, "notification_endpoint"), batchSize, encryptionRequired(json, "credential_request_encryption"),
        encryptionRequired(json, "credential_response_encryption"), Display.list(json.getValue("display")), configurations);
  }

  /** §12.2.4: without {@code authorization_servers} the issuer is its own Authorization Server. */
  public String authorizationServerFor(Optional<String> hint) {
    if (authorizationServers.isEmpty()) {
      return credentialIssuer;
    }
    if (hint.isPresent()) {
      if (!authorizationServers.contains(hint.get())) {
        // §4.1.1: "the Wallet MUST NOT proceed" when the hint matches none of them.
        throw invalid("the offer's authorization_server is not one of the issuer's authorization_servers");
      }
      return hint.get();
    }
    return authorizationServers.get(0);
  }

  private static List<String> authorizationServers(JsonObject json) {
    List<String> servers = new ArrayList<>();
    Object value = json.getValue("authorization_servers");
    if (value == null) {
      return servers;
    }
    if (!(value instanceof JsonArray array) || array.isEmpty()) {
      throw invalid("authorization_servers must be a non-empty array");
    }
    for (Object server : array) {
      if (!(server instanceof String text) || !text.startsWith("https://")) {
        throw invalid("each authorization server is an https URL");
      }
      servers.add(text);
    }
    return servers;
  }

  /** §12.2.4: every endpoint "MUST use the https scheme". */
  private static Optional<URI> endpoint(JsonObject json, String name) {
    Object value = json.getValue(name);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof String text) || !text.startsWith("https://")) {
      throw invalid(name + " must be an https URL");
    }
    try {
      return Optional.of(URI.create(text));
    } catch (IllegalArgumentException e) {
      throw invalid(name + " is not a URL");
    }
  }

  private static boolean encryptionRequired(JsonObject json, String name) {
    return json.getValue(name) instanceof JsonObject encryption && Boolean.TRUE.equals(encryption.getValue("encryption_required"));
  }

  static IssuanceException invalid(String detail) {
    return new IssuanceException(new IssuanceFailure.MetadataInvalid(detail));
  }
}
