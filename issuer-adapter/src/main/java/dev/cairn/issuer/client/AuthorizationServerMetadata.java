package dev.cairn.issuer.client;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * OAuth 2.0 Authorization Server Metadata (RFC 8414 §2, OpenID4VCI §12.3) as far as issuance uses it. RFC 8414
 * §3.3: "The issuer value returned MUST be identical to the authorization server's issuer identifier value into
 * which the well-known URI string was inserted"; otherwise the metadata is not used.
 */
public record AuthorizationServerMetadata(String issuer, URI tokenEndpoint, Optional<URI> authorizationEndpoint,
                                          Optional<URI> pushedAuthorizationRequestEndpoint, List<String> grantTypes,
                                          List<String> authorizationDetailsTypes, List<String> codeChallengeMethods,
                                          boolean requirePushedAuthorizationRequests,
                                          boolean authorizationResponseIssParameterSupported) {

  public static AuthorizationServerMetadata read(JsonObject json, String expectedIssuer) {
    if (!expectedIssuer.equals(json.getValue("issuer"))) {
      throw IssuerMetadata.invalid("the authorization server metadata names issuer '" + json.getValue("issuer")
          + "', not " + expectedIssuer);
    }
    URI token = endpoint(json, "token_endpoint")
        .orElseThrow(() -> IssuerMetadata.invalid("the authorization server has no token_endpoint"));
    return new AuthorizationServerMetadata(expectedIssuer, token, endpoint(json, "authorization_endpoint"),
        endpoint(json, "pushed_authorization_request_endpoint"), strings(json.getValue("grant_types_supported")),
        strings(json.getValue("authorization_details_types_supported")),
        strings(json.getValue("code_challenge_methods_supported")),
        // RFC 9126 §5 and RFC 9207 §3: both default to false when omitted.
        Boolean.TRUE.equals(json.getValue("require_pushed_authorization_requests")),
        Boolean.TRUE.equals(json.getValue("authorization_response_iss_parameter_supported")));
  }

  private static Optional<URI> endpoint(JsonObject json, String name) {
    Object value = json.getValue(name);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof String text) || !text.startsWith("https://")) {
      throw IssuerMetadata.invalid(name + " must be an https URL");
    }
    return Optional.of(URI.create(text));
  }

  private static List<String> strings(Object value) {
    List<String> strings = new ArrayList<>();
    if (value instanceof JsonArray array) {
      array.forEach(item -> {
        if (item instanceof String text) {
          strings.add(text);
        }
      });
    }
    return List.copyOf(strings);
  }
}
