package dev.cairn.wallet.issuance;

import dev.cairn.issuer.client.AuthorizationResponse;
import dev.cairn.issuer.client.IssuanceException;
import dev.cairn.wallet.http.ProblemException;
import dev.cairn.wallet.http.ProblemType;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import java.util.Set;

/**
 * The body of {@code POST /v1/offers/{id}/authorization}: either the start ({@code redirect_uri}) or the finish —
 * the URL the browser landed on ({@code callback_url}), or its {@code code}, {@code state} and optional
 * {@code iss} given one by one.
 */
record AuthorizationStep(Optional<String> redirectUri, Optional<AuthorizationResponse> response) {
  private static final int MAX_FIELD = 8 * 1024;

  static AuthorizationStep read(JsonObject body) {
    Set<String> fields = body.fieldNames();
    if (fields.equals(Set.of("redirect_uri"))) {
      return new AuthorizationStep(Optional.of(text(body, "redirect_uri")), Optional.empty());
    }
    try {
      if (fields.equals(Set.of("callback_url"))) {
        return new AuthorizationStep(Optional.empty(), Optional.of(AuthorizationResponse.fromCallback(text(body, "callback_url"))));
      }
      if (fields.equals(Set.of("code", "state")) || fields.equals(Set.of("code", "state", "iss"))) {
        // Without the landing URL the redirect URI is the started request's: only state and iss are compared.
        return new AuthorizationStep(Optional.empty(), Optional.of(AuthorizationResponse.of(text(body, "code"),
            text(body, "state"), fields.contains("iss") ? Optional.of(text(body, "iss")) : Optional.empty())));
      }
    } catch (IssuanceException malformed) {
      throw IssuanceProblems.problem(malformed.failure());
    }
    throw new ProblemException(ProblemType.INVALID_REQUEST, "The body is {\"redirect_uri\": …} to start, then "
        + "{\"callback_url\": …} (or {\"code\": …, \"state\": …}) to finish");
  }

  private static String text(JsonObject body, String name) {
    if (!(body.getValue(name) instanceof String text) || text.isEmpty() || text.length() > MAX_FIELD) {
      throw new ProblemException(ProblemType.INVALID_REQUEST, "Field '" + name + "' must be a non-empty string");
    }
    return text;
  }
}
