package dev.cairn.issuer.client;

import dev.cairn.issuer.oid4vci.OpenId4Vci;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * §5.1 Authorization Request of the Authorization Code Flow: {@code response_type=code}, the wallet's
 * {@code client_id} and {@code redirect_uri}, a fresh {@code state}, PKCE S256 (RFC 7636), the offer's
 * {@code issuer_state}, and the configurations as {@code authorization_details} (§5.1.1) when the Authorization
 * Server takes them, otherwise as their {@code scope} (§5.1.2). Pushed first (RFC 9126) when the server has a PAR
 * endpoint; the URL the app opens then carries only {@code client_id} and {@code request_uri}.
 */
final class AuthorizationRequests {
  private final IssuerExchange exchange;

  AuthorizationRequests(IssuerExchange exchange) {
    this.exchange = exchange;
  }

  Future<PendingAuthorization> start(ResolvedOffer resolved, List<String> configurationIds, String clientId,
                                     URI redirectUri) {
    AuthorizationServerMetadata server = resolved.authorizationServer();
    URI authorizationEndpoint = server.authorizationEndpoint().orElseThrow(() -> unsupported(
        "the authorization server has no authorization_endpoint"));
    // RFC 8414 §2: a server that lists its methods without S256 does not do the PKCE OpenID4VCI needs (§13.5).
    if (!server.codeChallengeMethods().isEmpty() && !server.codeChallengeMethods().contains(OpenId4Vci.PKCE_S256)) {
      throw unsupported("the authorization server does not support PKCE S256");
    }
    Pkce pkce = Pkce.create();
    String state = Pkce.random();
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("response_type", "code");
    parameters.put("client_id", clientId);
    parameters.put("redirect_uri", redirectUri.toString());
    parameters.put("state", state);
    parameters.put("code_challenge", pkce.challenge());
    parameters.put("code_challenge_method", OpenId4Vci.PKCE_S256);
    // §5.1.3: issuer_state "MUST" be sent back when the offer carried one.
    resolved.offer().authorizationCode().flatMap(CredentialOffer.AuthorizationCode::issuerState)
        .ifPresent(issuerState -> parameters.put(OpenId4Vci.ISSUER_STATE, issuerState));
    requested(resolved, configurationIds, parameters);
    Optional<URI> par = server.pushedAuthorizationRequestEndpoint();
    if (par.isEmpty()) {
      if (server.requirePushedAuthorizationRequests()) {
        throw IssuerMetadata.invalid("require_pushed_authorization_requests without a pushed_authorization_request_endpoint");
      }
      return Future.succeededFuture(new PendingAuthorization(withQuery(authorizationEndpoint, parameters),
          server.issuer(), clientId, redirectUri, state, pkce.verifier(), configurationIds, false));
    }
    return exchange.postForm(par.get(), parameters, 201, 400, 401).map(answer -> {
      // RFC 9126 §2.2: 201 with request_uri and expires_in; §2.3: errors as RFC 6749 §5.2.
      if (answer.status() != 201 && answer.status() != 200) {
        String error = answer.error().orElse("http_" + answer.status());
        throw new IssuanceException(new IssuanceFailure.AuthorizationRefused(error,
            "the pushed authorization request was refused: " + error + " " + answer.description()));
      }
      if (!(answer.body().getValue("request_uri") instanceof String requestUri) || requestUri.isEmpty()) {
        throw IssuerMetadata.invalid("the pushed authorization response has no request_uri");
      }
      Map<String, String> front = new LinkedHashMap<>();
      front.put("client_id", clientId);
      front.put("request_uri", requestUri);
      return new PendingAuthorization(withQuery(authorizationEndpoint, front), server.issuer(), clientId, redirectUri,
          state, pkce.verifier(), configurationIds, true);
    });
  }

  /** §5.1.1 authorization_details (with {@code locations} when the issuer names other servers), or §5.1.2 scope. */
  private static void requested(ResolvedOffer resolved, List<String> ids, Map<String, String> parameters) {
    IssuerMetadata issuer = resolved.issuer();
    if (resolved.authorizationServer().authorizationDetailsTypes().contains(OpenId4Vci.OPENID_CREDENTIAL)) {
      JsonArray details = new JsonArray();
      for (String id : ids) {
        JsonObject detail = new JsonObject().put("type", OpenId4Vci.OPENID_CREDENTIAL).put("credential_configuration_id", id);
        if (!issuer.authorizationServers().isEmpty()) {
          detail.put("locations", new JsonArray().add(issuer.credentialIssuer()));
        }
        details.add(detail);
      }
      parameters.put("authorization_details", details.encode());
      return;
    }
    StringBuilder scope = new StringBuilder();
    for (String id : ids) {
      String value = issuer.configurations().get(id).scope().orElseThrow(() -> unsupported(
          "the authorization server takes no authorization_details and " + id + " has no scope"));
      scope.append(scope.length() == 0 ? "" : " ").append(value);
    }
    parameters.put("scope", scope.toString());
  }

  private static URI withQuery(URI endpoint, Map<String, String> parameters) {
    String query = parameters.entrySet().stream()
        .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
        .collect(Collectors.joining("&"));
    String base = endpoint.toString();
    return URI.create(base + (endpoint.getRawQuery() == null ? "?" : "&") + query);
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static IssuanceException unsupported(String detail) {
    return new IssuanceException(new IssuanceFailure.Unsupported(detail));
  }
}
