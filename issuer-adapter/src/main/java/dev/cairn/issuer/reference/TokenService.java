package dev.cairn.issuer.reference;

import dev.cairn.issuer.oid4vci.OAuthError;
import dev.cairn.issuer.oid4vci.OpenId4Vci;
import io.vertx.core.MultiMap;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Token Endpoint (§6): redeem a Pre-Authorized Code with its Transaction Code, or an authorization code with
 * its PKCE verifier (§6.1, RFC 6749 §4.1.3, RFC 7636 §4.5); answer a short-lived Bearer token, and — when the
 * request (or, for an authorization code, the Authorization Request) names configurations in
 * {@code authorization_details} — one {@code credential_identifier} per configuration (§6.2).
 */
final class TokenService {
  private final ReferenceIssuerConfig config;
  private final PreAuthorizedGrants grants;
  private final AuthorizationCodes codes;
  private final AccessTokens tokens;

  TokenService(ReferenceIssuerConfig config, PreAuthorizedGrants grants, AuthorizationCodes codes, AccessTokens tokens) {
    this.config = config;
    this.grants = grants;
    this.codes = codes;
    this.tokens = tokens;
  }

  /** §6.1 Token Request (form parameters) to §6.2 Token Response. */
  JsonObject token(MultiMap form) {
    String grantType = single(form, "grant_type");
    if (OpenId4Vci.AUTHORIZATION_CODE_GRANT.equals(grantType)) {
      return authorizationCode(form);
    }
    if (!OpenId4Vci.PRE_AUTHORIZED_CODE_GRANT.equals(grantType)) {
      throw new OAuthException(OAuthError.UNSUPPORTED_GRANT_TYPE,
          "the grant_type is authorization_code or urn:ietf:params:oauth:grant-type:pre-authorized_code");
    }
    String code = single(form, OpenId4Vci.PRE_AUTHORIZED_CODE);
    if (code == null) {
      throw new OAuthException(OAuthError.INVALID_REQUEST, "pre-authorized_code is required");
    }
    OfferRequest offer = grants.redeem(code, single(form, OpenId4Vci.TX_CODE));
    return response(offer, single(form, "authorization_details"));
  }

  /**
   * RFC 6749 §4.1.3: code, redirect_uri and client_id (a public client, no authentication), RFC 7636 §4.5:
   * code_verifier. The token is good for the configurations the learner confirmed, and answers the Authorization
   * Request's authorization_details (RFC 9396 §7).
   */
  private JsonObject authorizationCode(MultiMap form) {
    String code = OAuthParameters.required(form, "code");
    AuthorizationRequest request = codes.redeem(code, OAuthParameters.required(form, "client_id"),
        OAuthParameters.required(form, "redirect_uri"), OAuthParameters.single(form, "code_verifier"));
    JsonObject response = response(request.authorizedOffer(), request.authorizationDetails().map(JsonArray::encode)
        .orElse(null));
    codes.tokenIssued(code, response.getString("access_token"));
    return response;
  }

  private JsonObject response(OfferRequest offer, String requested) {
    JsonArray details = new JsonArray();
    Map<String, MicroCredentialConfiguration> identifiers = new LinkedHashMap<>();
    if (requested != null && config.authorizationDetails()) {
      for (MicroCredentialConfiguration configuration : requestedConfigurations(requested, offer)) {
        String identifier = configuration.id() + "-" + Secrets.token().substring(0, 12);
        identifiers.put(identifier, configuration);
        details.add(new JsonObject().put("type", OpenId4Vci.OPENID_CREDENTIAL)
            .put("credential_configuration_id", configuration.id())
            .put("credential_identifiers", new JsonArray().add(identifier)));
      }
    }
    JsonObject response = new JsonObject()
        .put("access_token", tokens.issue(offer, identifiers))
        .put("token_type", "Bearer")
        .put("expires_in", config.accessTokenLifetime().toSeconds());
    return details.isEmpty() ? response : response.put("authorization_details", details);
  }

  /** RFC 9396 §2 / §5.1.1: objects of type openid_credential naming configurations the offer included. */
  private static Iterable<MicroCredentialConfiguration> requestedConfigurations(String json, OfferRequest offer) {
    JsonArray array;
    try {
      array = new JsonArray(json);
    } catch (DecodeException e) {
      throw new OAuthException(OAuthError.INVALID_REQUEST, "authorization_details is not a JSON array");
    }
    Map<String, MicroCredentialConfiguration> chosen = new LinkedHashMap<>();
    for (Object entry : array) {
      if (entry instanceof JsonObject detail && OpenId4Vci.OPENID_CREDENTIAL.equals(detail.getValue("type"))) {
        String id = String.valueOf(detail.getValue("credential_configuration_id"));
        MicroCredentialConfiguration configuration = MicroCredentialConfiguration.byId(id)
            .filter(offer.configurations()::contains)
            .orElseThrow(() -> new OAuthException(OAuthError.INVALID_REQUEST, "the offer did not include " + id));
        chosen.put(id, configuration);
      }
    }
    return chosen.values();
  }

  /** RFC 6749 §3.2: "Request and response parameters MUST NOT be included more than once." */
  private static String single(MultiMap form, String name) {
    if (form.getAll(name).size() > 1) {
      throw new OAuthException(OAuthError.INVALID_REQUEST, name + " is repeated");
    }
    return form.get(name);
  }
}
