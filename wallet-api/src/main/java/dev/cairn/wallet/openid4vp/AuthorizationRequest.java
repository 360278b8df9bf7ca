package dev.cairn.wallet.openid4vp;

import static dev.cairn.wallet.openid4vp.OpenId4VpNames.*;

import dev.cairn.credentials.dcql.DcqlException;
import dev.cairn.credentials.dcql.DcqlQuery;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A presentation request as the Request Object states it (OpenID4VP 1.0 §5), read with the rules Cairn relies on.
 * Parameters come only from the Request Object, never from the URL that pointed to it (§5.10.1).
 *
 * @param clientId the verifier, with its Client Identifier Prefix
 * @param responseMode {@code direct_post} or {@code direct_post.jwt} (§8.2, §8.3.1): the only modes a cross-device
 *     flow can use
 * @param responseUri where the response is POSTed
 * @param nonce binds every presentation to this request (§14.1.2)
 * @param state echoed in the response when present (§5.3)
 * @param dcqlQuery the query as sent, and as parsed
 * @param clientMetadata {@code client_metadata}; for {@code direct_post.jwt} it carries the encryption key (§8.3)
 * @param purpose Cairn's extension: why the verifier asks, shown to the learner
 * @param expiresAt the Request Object's {@code exp} (RFC 9101 / RFC 7519), when it has one
 */
public record AuthorizationRequest(
    ClientIdentifier clientId,
    String responseMode,
    URI responseUri,
    String nonce,
    Optional<String> state,
    JsonObject dcqlQuery,
    DcqlQuery parsedQuery,
    JsonObject clientMetadata,
    Optional<String> purpose,
    Optional<Instant> expiresAt) {

  /** §5.2: nonce and state use the ASCII URL-safe characters only. */
  private static final Pattern URL_SAFE = Pattern.compile("[A-Za-z0-9._~-]{1,512}");
  private static final int MAX_PURPOSE = 500;

  /**
   * Reads the claims of a Request Object whose signature (or, for {@code redirect_uri:}, absence of one) has been
   * checked. Fails with {@link InvalidAuthorizationRequest} naming the parameter and the rule.
   */
  public static AuthorizationRequest read(JsonObject claims, Instant now) {
    ClientIdentifier clientId = ClientIdentifier.parse(text(claims, CLIENT_ID));
    if (!VP_TOKEN.equals(claims.getValue(RESPONSE_TYPE))) {
      throw invalid("response_type must be vp_token, not " + claims.getValue(RESPONSE_TYPE));
    }
    // §5.2: response_mode is REQUIRED; a cross-device wallet can only POST its answer.
    String responseMode = text(claims, RESPONSE_MODE);
    if (!DIRECT_POST.equals(responseMode) && !DIRECT_POST_JWT.equals(responseMode)) {
      throw invalid("response_mode must be direct_post or direct_post.jwt, not " + responseMode);
    }
    // §8.2: with direct_post, redirect_uri MUST NOT be present.
    if (claims.containsKey(REDIRECT_URI)) {
      throw invalid("redirect_uri must not be present with response_mode " + responseMode);
    }
    URI responseUri = uri(text(claims, RESPONSE_URI));
    // §5.9.3: under redirect_uri:, the client identifier is the URI the response goes to.
    if (clientId.prefix() == ClientIdentifier.Prefix.REDIRECT_URI && !clientId.identifier().equals(responseUri.toString())) {
      throw new InvalidAuthorizationRequest(INVALID_REQUEST,
          "a redirect_uri client_id must equal the response_uri (" + responseUri + ")");
    }
    String nonce = urlSafe(claims, NONCE).orElseThrow(() -> invalid("nonce is required"));
    Optional<String> state = urlSafe(claims, STATE);
    if (claims.containsKey("scope")) {
      throw invalid("scope-based DCQL queries are not supported; send dcql_query");
    }
    // §5: the one unknown parameter a wallet may not ignore.
    if (claims.containsKey("transaction_data")) {
      throw new InvalidAuthorizationRequest("invalid_transaction_data", "transaction_data is not supported");
    }
    if (!(claims.getValue(DCQL_QUERY) instanceof JsonObject query)) {
      throw invalid("dcql_query is required and must be a JSON object");
    }
    DcqlQuery parsed;
    try {
      parsed = DcqlQuery.parse(query);
    } catch (DcqlException e) {
      throw invalid("dcql_query: " + e.getMessage());
    }
    JsonObject metadata = claims.getValue(CLIENT_METADATA) instanceof JsonObject object ? object : new JsonObject();
    Optional<String> purpose = claims.getValue(PURPOSE) instanceof String text && !text.isBlank()
        ? Optional.of(text.length() > MAX_PURPOSE ? text.substring(0, MAX_PURPOSE) : text)
        : Optional.empty();
    Optional<Instant> expiresAt = claims.getValue("exp") instanceof Number exp
        ? Optional.of(Instant.ofEpochSecond(exp.longValue()))
        : Optional.empty();
    if (expiresAt.isPresent() && !expiresAt.get().isAfter(now)) {
      throw invalid("the request expired at " + expiresAt.get());
    }
    return new AuthorizationRequest(clientId, responseMode, responseUri, nonce, state, query, parsed, metadata,
        purpose, expiresAt);
  }

  /** Builds the claims of a Request Object for these parameters (the verifier's side). */
  public JsonObject toClaims(Instant issuedAt) {
    JsonObject claims = new JsonObject()
        .put(CLIENT_ID, clientId.value())
        .put("aud", STATIC_DISCOVERY_AUDIENCE)
        .put(RESPONSE_TYPE, VP_TOKEN)
        .put(RESPONSE_MODE, responseMode)
        .put(RESPONSE_URI, responseUri.toString())
        .put(NONCE, nonce)
        .put(DCQL_QUERY, dcqlQuery)
        .put("iat", issuedAt.getEpochSecond());
    state.ifPresent(value -> claims.put(STATE, value));
    if (!clientMetadata.isEmpty()) {
      claims.put(CLIENT_METADATA, clientMetadata);
    }
    purpose.ifPresent(text -> claims.put(PURPOSE, text));
    expiresAt.ifPresent(at -> claims.put("exp", at.getEpochSecond()));
    return claims;
  }

  /** Cairn's profile: the verifier's self-asserted name in {@code client_metadata.client_name}, if it gave one. */
  public Optional<String> verifierName() {
    return clientMetadata.getValue(CLIENT_NAME) instanceof String name && !name.isBlank()
        ? Optional.of(name.length() > 200 ? name.substring(0, 200) : name)
        : Optional.empty();
  }

  private static String text(JsonObject claims, String name) {
    if (!(claims.getValue(name) instanceof String value) || value.isEmpty()) {
      throw invalid(name + " is required and must be a string");
    }
    return value;
  }

  private static Optional<String> urlSafe(JsonObject claims, String name) {
    Object value = claims.getValue(name);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof String text) || !URL_SAFE.matcher(text).matches()) {
      throw invalid(name + " must be 1–512 URL-safe ASCII characters (§5.2)");
    }
    return Optional.of(text);
  }

  private static URI uri(String text) {
    try {
      URI uri = new URI(text);
      if (uri.getHost() == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
        throw invalid("response_uri must be an absolute https URI");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw invalid("response_uri is not a URI");
    }
  }

  private static InvalidAuthorizationRequest invalid(String detail) {
    return new InvalidAuthorizationRequest(INVALID_REQUEST, detail);
  }
}
