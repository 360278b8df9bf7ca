package dev.cairn.issuer.client;

import dev.cairn.issuer.oid4vci.OpenId4Vci;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * §6 Token Request with the Pre-Authorized Code (and the learner's Transaction Code), or with an authorization code
 * and its PKCE verifier (RFC 6749 §4.1.3, RFC 7636 §4.5). When the Authorization Server
 * lists {@code openid_credential} authorization details, the request names the accepted configurations, and the
 * Token Response's {@code credential_identifiers} are then used in the Credential Requests (§6.2, §8.2).
 */
final class TokenExchange {

  /**
   * A Token Response: the bearer token and, per configuration, the credential identifiers it may request; the
   * {@code client_id} it was granted to, when the grant was not anonymous (the key proofs' {@code iss}).
   */
  record Granted(String accessToken, Map<String, List<String>> credentialIdentifiers, Optional<String> clientId) {
    Optional<String> identifierFor(String configurationId) {
      return credentialIdentifiers.getOrDefault(configurationId, List.of()).stream().findFirst();
    }

    boolean identifiersIssued() {
      return !credentialIdentifiers.isEmpty();
    }
  }

  private final IssuerExchange exchange;

  TokenExchange(IssuerExchange exchange) {
    this.exchange = exchange;
  }

  Future<Granted> redeem(ResolvedOffer resolved, List<String> configurationIds, Optional<String> txCode) {
    CredentialOffer.PreAuthorizedCode grant = resolved.offer().preAuthorizedCode().orElseThrow(() ->
        new IssuanceException(new IssuanceFailure.Unsupported("the offer has no pre-authorized_code grant; "
            + "it is accepted through the authorization code flow")));
    if (resolved.txCode().isPresent() && txCode.isEmpty()) {
      // §6.1: "This value MUST be present if a tx_code object was present in the Credential Offer".
      return Future.failedFuture(new IssuanceException(new IssuanceFailure.TxCodeRequired(
          resolved.txCode().get().description().orElse("the offer requires a transaction code"))));
    }
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", OpenId4Vci.PRE_AUTHORIZED_CODE_GRANT);
    form.put(OpenId4Vci.PRE_AUTHORIZED_CODE, grant.code());
    // §6.1: tx_code "MUST only be used" with an offer that asked for one.
    resolved.txCode().flatMap(required -> txCode).ifPresent(code -> form.put(OpenId4Vci.TX_CODE, code));
    if (resolved.authorizationServer().authorizationDetailsTypes().contains(OpenId4Vci.OPENID_CREDENTIAL)) {
      JsonArray details = new JsonArray();
      configurationIds.forEach(id -> details.add(new JsonObject().put("type", OpenId4Vci.OPENID_CREDENTIAL)
          .put("credential_configuration_id", id)));
      form.put("authorization_details", details.encode());
    }
    return post(resolved, form).map(body -> granted(body, Optional.empty()));
  }

  /** RFC 6749 §4.1.3: the code, the same redirect_uri and client_id, and RFC 7636 §4.5's code_verifier. */
  Future<Granted> exchangeCode(ResolvedOffer resolved, PendingAuthorization pending, String code) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", OpenId4Vci.AUTHORIZATION_CODE_GRANT);
    form.put("code", code);
    form.put("redirect_uri", pending.redirectUri().toString());
    form.put("client_id", pending.clientId());
    form.put("code_verifier", pending.codeVerifier());
    return post(resolved, form).map(body -> granted(body, Optional.of(pending.clientId())));
  }

  private Future<JsonObject> post(ResolvedOffer resolved, Map<String, String> form) {
    return exchange.postForm(resolved.authorizationServer().tokenEndpoint(), form).map(answer -> {
      if (answer.status() != 200) {
        throw new IssuanceException(new IssuanceFailure.TokenRefused(answer.error().orElse("http_" + answer.status()),
            answer.description()));
      }
      return answer.body();
    });
  }

  /** §6.2: access_token, a Bearer token_type, and optional authorization_details with credential_identifiers. */
  static Granted granted(JsonObject body, Optional<String> clientId) {
    if (!(body.getValue("access_token") instanceof String token) || token.isEmpty()
        || !(body.getValue("token_type") instanceof String type) || !type.equalsIgnoreCase("Bearer")) {
      throw IssuerMetadata.invalid("the Token Response needs an access_token of token_type Bearer (DPoP is not supported)");
    }
    Map<String, List<String>> identifiers = new LinkedHashMap<>();
    if (body.getValue("authorization_details") instanceof JsonArray details) {
      for (Object entry : details) {
        if (entry instanceof JsonObject detail && OpenId4Vci.OPENID_CREDENTIAL.equals(detail.getValue("type"))
            && detail.getValue("credential_configuration_id") instanceof String id
            && detail.getValue("credential_identifiers") instanceof JsonArray ids && !ids.isEmpty()) {
          identifiers.put(id, ids.stream().filter(String.class::isInstance).map(String.class::cast).toList());
        }
      }
    }
    return new Granted(token, identifiers, clientId);
  }
}
