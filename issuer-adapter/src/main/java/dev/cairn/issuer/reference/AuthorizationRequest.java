package dev.cairn.issuer.reference;

import dev.cairn.issuer.oid4vci.OAuthError;
import dev.cairn.issuer.oid4vci.OpenId4Vci;
import io.vertx.core.MultiMap;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An Authorization Request (§5.1, RFC 6749 §4.1.1) the reference issuer accepted, pushed (RFC 9126 §2.1) or plain:
 * who asks ({@code client_id}, its {@code redirect_uri}), the PKCE challenge (RFC 7636 §4.3, S256 only), the offer
 * behind {@code issuer_state} and which of its configurations are asked for — by {@code authorization_details}
 * (§5.1.1) or {@code scope} (§5.1.2; the reference issuer's scope values are its configuration ids).
 */
record AuthorizationRequest(String clientId, URI redirectUri, Optional<String> state, String codeChallenge,
                            String issuerState, OfferRequest offer, List<MicroCredentialConfiguration> configurations,
                            Optional<JsonArray> authorizationDetails) {
  /** RFC 7636 §4.2: BASE64URL(SHA256(verifier)) is 43 characters of the unreserved set. */
  private static final Pattern CHALLENGE = Pattern.compile("[A-Za-z0-9._~-]{43,128}");
  private static final Pattern PRINTABLE = Pattern.compile("[\\x20-\\x7E]{1,512}");
  private static final Set<String> NEVER_REDIRECTED_TO = Set.of("javascript", "data", "file", "vbscript", "blob");

  /** Validates every parameter; the first broken rule is the OAuth error. */
  static AuthorizationRequest read(MultiMap parameters, IssuerStates issuerStates) {
    if (!"code".equals(OAuthParameters.single(parameters, "response_type"))) {
      throw new OAuthException(OAuthError.UNSUPPORTED_RESPONSE_TYPE, "response_type must be code");
    }
    String clientId = printable(OAuthParameters.required(parameters, "client_id"), "client_id");
    URI redirectUri = redirectUri(OAuthParameters.required(parameters, "redirect_uri"));
    Optional<String> state = Optional.ofNullable(OAuthParameters.single(parameters, "state"))
        .map(value -> printable(value, "state"));
    // RFC 7636 §4.3: without a method the challenge is "plain", which §4.2 lets a server refuse; OpenID4VCI §13.5
    // (and RFC 9700 §2.1.1) want S256.
    String challenge = OAuthParameters.required(parameters, "code_challenge");
    if (!CHALLENGE.matcher(challenge).matches()) {
      throw new OAuthException(OAuthError.INVALID_REQUEST, "code_challenge must be 43 to 128 unreserved characters");
    }
    if (!OpenId4Vci.PKCE_S256.equals(OAuthParameters.single(parameters, "code_challenge_method"))) {
      throw new OAuthException(OAuthError.INVALID_REQUEST, "code_challenge_method must be S256");
    }
    String issuerState = OAuthParameters.required(parameters, OpenId4Vci.ISSUER_STATE);
    OfferRequest offer = issuerStates.find(issuerState).orElseThrow(() -> new OAuthException(OAuthError.INVALID_REQUEST,
        "issuer_state is unknown, expired or already used"));
    Map<String, MicroCredentialConfiguration> chosen = new LinkedHashMap<>();
    Optional<JsonArray> details = Optional.ofNullable(OAuthParameters.single(parameters, "authorization_details"))
        .map(json -> authorizationDetails(json, offer, chosen));
    Optional.ofNullable(OAuthParameters.single(parameters, "scope")).ifPresent(scope -> scopes(scope, offer, chosen));
    if (chosen.isEmpty()) {
      throw new OAuthException(OAuthError.INVALID_REQUEST,
          "authorization_details of type openid_credential or a scope must name a credential configuration (§5.1)");
    }
    return new AuthorizationRequest(clientId, redirectUri, state, challenge, issuerState, offer,
        List.copyOf(chosen.values()), details);
  }

  /** The offer limited to the configurations this request was authorized for. */
  OfferRequest authorizedOffer() {
    return new OfferRequest(offer.learnerName(), offer.email(), offer.achievement(), configurations, offer.deferred(),
        offer.id());
  }

  /** §5.1.1 / RFC 9396 §2: each openid_credential detail names a configuration the offer included. */
  private static JsonArray authorizationDetails(String json, OfferRequest offer,
                                                Map<String, MicroCredentialConfiguration> chosen) {
    JsonArray array;
    try {
      array = new JsonArray(json);
    } catch (DecodeException | ClassCastException e) {
      throw new OAuthException(OAuthError.INVALID_REQUEST, "authorization_details is not a JSON array");
    }
    JsonArray kept = new JsonArray();
    for (Object entry : array) {
      if (!(entry instanceof JsonObject detail) || !(detail.getValue("type") instanceof String type)) {
        throw new OAuthException(OAuthError.INVALID_REQUEST, "each authorization detail is an object with a type");
      }
      if (!OpenId4Vci.OPENID_CREDENTIAL.equals(type)) {
        // RFC 9396 §5: an unknown type is refused, not ignored.
        throw new OAuthException(OAuthError.INVALID_REQUEST, "unsupported authorization details type " + type);
      }
      String id = String.valueOf(detail.getValue("credential_configuration_id"));
      chosen.put(id, offered(id, offer, OAuthError.INVALID_REQUEST));
      kept.add(detail);
    }
    return kept;
  }

  /** §5.1.2: scope values; the reference issuer's are its configuration ids. */
  private static void scopes(String scope, OfferRequest offer, Map<String, MicroCredentialConfiguration> chosen) {
    for (String value : scope.trim().split(" +")) {
      chosen.put(value, offered(value, offer, OAuthError.INVALID_SCOPE));
    }
  }

  private static MicroCredentialConfiguration offered(String id, OfferRequest offer, OAuthError error) {
    return MicroCredentialConfiguration.byId(id).filter(offer.configurations()::contains)
        .orElseThrow(() -> new OAuthException(error, "the offer did not include " + id));
  }

  /**
   * RFC 6749 §3.1.2: absolute, no fragment. RFC 8252 §7 / §8.3: https, http only on a loopback IP literal, or an
   * app's private-use scheme. There is no client registration in this demo, so the URI is checked by form only and
   * the code is bound to it (§4.1.3 of RFC 6749: the Token Request must repeat it).
   */
  private static URI redirectUri(String text) {
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw new OAuthException(OAuthError.INVALID_REQUEST, "redirect_uri is not a URI");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    boolean loopbackHttp = scheme.equals("http") && ("127.0.0.1".equals(uri.getHost()) || "[::1]".equals(uri.getHost()));
    if (!uri.isAbsolute() || uri.getRawFragment() != null || NEVER_REDIRECTED_TO.contains(scheme)
        || (scheme.equals("http") && !loopbackHttp) || (scheme.equals("https") && uri.getHost() == null)
        || text.length() > 512) {
      throw new OAuthException(OAuthError.INVALID_REQUEST,
          "redirect_uri must be an absolute https, loopback http or private-use scheme URI without a fragment");
    }
    return uri;
  }

  private static String printable(String value, String name) {
    if (!PRINTABLE.matcher(value).matches()) {
      throw new OAuthException(OAuthError.INVALID_REQUEST, name + " must be 1 to 512 printable ASCII characters");
    }
    return value;
  }

  /** The configurations, for the confirmation page. */
  List<String> configurationIds() {
    List<String> ids = new ArrayList<>();
    configurations.forEach(configuration -> ids.add(configuration.id()));
    return ids;
  }
}
