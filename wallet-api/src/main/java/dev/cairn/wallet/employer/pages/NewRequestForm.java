package dev.cairn.wallet.employer.pages;

import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;

/**
 * The "new request" form as submitted: a template with its parameter, a purpose and an expiry. Only the page's own
 * rules are checked here (a template was chosen, its parameter given, the expiry is one offered); the API checks the
 * rest and its answer is shown on the form.
 */
record NewRequestForm(String template, String issuer, String vct, String skill, String purpose, int expiresMinutes) {
  static final String MICRO_CREDENTIAL = "micro-credential";
  static final String OPEN_BADGE_SKILL = "open-badge-skill";
  static final List<Integer> EXPIRY_MINUTES = List.of(10, 30, 60, 24 * 60);
  /** Shown until the employer changes it: the type the reference issuer's micro-credentials carry. */
  static final String DEFAULT_VCT = "https://credentials.example/micro-credential";

  static NewRequestForm empty() {
    return new NewRequestForm(MICRO_CREDENTIAL, "", DEFAULT_VCT, "", "", 10);
  }

  static NewRequestForm read(MultiMap form) {
    int minutes;
    try {
      minutes = Integer.parseInt(field(form, "expires_minutes"));
    } catch (NumberFormatException e) {
      minutes = -1;
    }
    return new NewRequestForm(field(form, "template"), field(form, "issuer"), field(form, "vct"), field(form, "skill"),
        field(form, "purpose"), minutes);
  }

  /** Why the form cannot be sent as it is, or empty when it can. */
  Optional<String> problem() {
    if (!EXPIRY_MINUTES.contains(expiresMinutes)) {
      return Optional.of("Choose one of the offered expiry times.");
    }
    return switch (template) {
      case MICRO_CREDENTIAL -> issuer.isEmpty()
          ? Optional.of("Name the issuer whose micro-credential you accept: its DID or https URL.")
          : Optional.empty();
      case OPEN_BADGE_SKILL -> skill.isEmpty() ? Optional.of("Name the skill the badge must show.") : Optional.empty();
      default -> Optional.of("Choose a template.");
    };
  }

  RequestTemplate chosen() {
    return template.equals(OPEN_BADGE_SKILL)
        ? new RequestTemplate.OpenBadgeWithSkill(skill)
        : new RequestTemplate.MicroCredentialFromIssuer(issuer, vct);
  }

  /** The body of {@code POST /v1/verifier/requests}. */
  JsonObject apiRequest() {
    RequestTemplate chosen = chosen();
    JsonObject body = new JsonObject().put("dcql_query", chosen.dcqlQuery()).put("purpose", purpose)
        .put("expires_in", expiresMinutes * 60);
    if (!chosen.acceptedIssuers().isEmpty()) {
      body.put("accepted_issuers", new JsonArray(chosen.acceptedIssuers()));
    }
    return body;
  }

  private static String field(MultiMap form, String name) {
    String value = form.get(name);
    return value == null ? "" : value.strip();
  }
}
