package dev.cairn.wallet.verifier;

import dev.cairn.credentials.dcql.DcqlException;
import dev.cairn.credentials.dcql.DcqlQuery;
import dev.cairn.wallet.http.ProblemException;
import dev.cairn.wallet.http.ProblemType;
import dev.cairn.wallet.openid4vp.ClientIdentifier;
import dev.cairn.wallet.openid4vp.OpenId4VpNames;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The body of {@code POST /v1/verifier/requests}: what the employer asks for (a DCQL query), why, for how long,
 * how the wallet must answer, and which issuers it accepts.
 */
record NewPresentationRequest(JsonObject dcqlQuery, DcqlQuery parsedQuery, String purpose, Duration expiresIn, String responseMode,
                              ClientIdentifier.Prefix clientIdPrefix, List<String> acceptedIssuers,
                              java.util.Optional<String> webhookUrl, java.util.Optional<String> redirectUri) {
  static final Duration DEFAULT_EXPIRY = Duration.ofMinutes(10);
  private static final Set<String> MEMBERS = Set.of("dcql_query", "purpose", "expires_in", "response_mode",
      "client_id_prefix", "accepted_issuers", "webhook_url", "redirect_uri");

  static NewPresentationRequest read(JsonObject body) {
    for (String name : body.fieldNames()) {
      if (!MEMBERS.contains(name)) {
        throw invalid("Unknown field '" + name + "'");
      }
    }
    if (!(body.getValue("dcql_query") instanceof JsonObject query)) {
      throw invalid("Field 'dcql_query' is required: a DCQL query object (OpenID4VP 1.0 §6)");
    }
    DcqlQuery parsed;
    try {
      parsed = DcqlQuery.parse(query);
    } catch (DcqlException e) {
      throw new ProblemException(ProblemType.DCQL_INVALID, e.getMessage());
    }
    if (!(body.getValue("purpose") instanceof String purpose) || purpose.isBlank() || purpose.strip().length() > 500) {
      throw invalid("Field 'purpose' is required: why you ask, in 1–500 characters; the learner reads it");
    }
    Duration expiresIn = DEFAULT_EXPIRY;
    if (body.containsKey("expires_in")) {
      if (!(body.getValue("expires_in") instanceof Integer seconds) || seconds < 60 || seconds > 7 * 24 * 3600) {
        throw invalid("Field 'expires_in' must be a whole number of seconds from 60 to 604800");
      }
      expiresIn = Duration.ofSeconds(seconds);
    }
    String responseMode = body.getValue("response_mode", OpenId4VpNames.DIRECT_POST_JWT) instanceof String mode ? mode : "";
    if (!responseMode.equals(OpenId4VpNames.DIRECT_POST) && !responseMode.equals(OpenId4VpNames.DIRECT_POST_JWT)) {
      throw invalid("Field 'response_mode' must be direct_post.jwt (the default: the answer is encrypted to this "
          + "request) or direct_post");
    }
    String prefix = body.getValue("client_id_prefix", "decentralized_identifier") instanceof String text ? text : "";
    ClientIdentifier.Prefix clientIdPrefix = switch (prefix) {
      case "decentralized_identifier" -> ClientIdentifier.Prefix.DECENTRALIZED_IDENTIFIER;
      case "redirect_uri" -> ClientIdentifier.Prefix.REDIRECT_URI;
      default -> throw invalid("Field 'client_id_prefix' must be decentralized_identifier (the default: the request "
          + "is signed with your organisation's key) or redirect_uri (unsigned, for development)");
    };
    return new NewPresentationRequest(query, parsed, purpose.strip(), expiresIn, responseMode, clientIdPrefix,
        acceptedIssuers(body.getValue("accepted_issuers")), url(body.getValue("webhook_url"), "webhook_url"),
        url(body.getValue("redirect_uri"), "redirect_uri"));
  }

  /**
   * {@code webhook_url}: where to tell the employer's system the request ended (reached through the hardened
   * client). {@code redirect_uri}: for a same-device flow, the employer's page the wallet returns to (§8.2).
   */
  private static java.util.Optional<String> url(Object value, String field) {
    if (value == null) {
      return java.util.Optional.empty();
    }
    try {
      java.net.URI uri = value instanceof String text && text.length() <= 2048 ? new java.net.URI(text) : null;
      if (uri != null && uri.getHost() != null && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
        return java.util.Optional.of(uri.toString());
      }
    } catch (java.net.URISyntaxException e) {
      // reported below
    }
    throw invalid("Field '" + field + "' must be an absolute https URL of at most 2048 characters");
  }

  private static List<String> acceptedIssuers(Object value) {
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof JsonArray array) || array.size() > 100) {
      throw invalid("Field 'accepted_issuers' must be an array of at most 100 issuer identifiers (DIDs or https URLs)");
    }
    List<String> issuers = new ArrayList<>();
    for (Object entry : array) {
      if (!(entry instanceof String issuer) || issuer.length() > 2048
          || !(issuer.startsWith("did:") || issuer.startsWith("https://"))) {
        throw invalid("Each of 'accepted_issuers' must be an issuer's DID or https URL, not " + entry);
      }
      issuers.add(issuer);
    }
    return issuers;
  }

  private static ProblemException invalid(String detail) {
    return new ProblemException(ProblemType.INVALID_REQUEST, detail);
  }
}
