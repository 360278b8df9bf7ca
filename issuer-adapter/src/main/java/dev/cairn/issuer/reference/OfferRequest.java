package dev.cairn.issuer.reference;

import dev.cairn.issuer.oid4vci.OAuthError;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What an operator asks the reference issuer to offer: a learner (name, email), the achievement they earned, which
 * Credential Configurations to offer (all when absent) and whether issuance is deferred (§9) — the issuer then
 * answers the Credential Request with a {@code transaction_id} first. {@code id} names the offer: its URL by
 * reference, and the operator's list of what was issued for it.
 */
record OfferRequest(String learnerName, String email, Achievement achievement, List<MicroCredentialConfiguration> configurations,
                    boolean deferred, String id) {
  private static final int MAX_TEXT = 500;
  private static final int MAX_SKILLS = 20;

  /** The Open Badges 3.0 Achievement (OB 3.0 §B.1.1) the credential awards, with an optional result. */
  record Achievement(String name, String description, String criteria, List<String> skills, Optional<String> result) {}

  static OfferRequest read(JsonObject body) {
    JsonObject achievement = body.getValue("achievement") instanceof JsonObject object ? object
        : invalid("achievement must be an object with name, description and criteria");
    List<String> skills = new ArrayList<>();
    if (achievement.getValue("skills") instanceof JsonArray array) {
      if (array.size() > MAX_SKILLS) {
        invalid("at most " + MAX_SKILLS + " skills");
      }
      array.forEach(skill -> skills.add(text(skill, "skills[]")));
    }
    List<MicroCredentialConfiguration> configurations = new ArrayList<>();
    if (body.getValue("credential_configuration_ids") instanceof JsonArray ids) {
      ids.forEach(id -> configurations.add(MicroCredentialConfiguration.byId(String.valueOf(id))
          .orElseGet(() -> invalid("unknown credential configuration " + id))));
    } else {
      configurations.addAll(List.of(MicroCredentialConfiguration.values()));
    }
    if (configurations.isEmpty()) {
      invalid("credential_configuration_ids must not be empty");
    }
    Object result = achievement.getValue("result");
    return new OfferRequest(text(body.getValue("name"), "name"), text(body.getValue("email"), "email"),
        new Achievement(text(achievement.getValue("name"), "achievement.name"),
            text(achievement.getValue("description"), "achievement.description"),
            text(achievement.getValue("criteria"), "achievement.criteria"), List.copyOf(skills),
            result == null ? Optional.empty() : Optional.of(text(result, "achievement.result"))),
        List.copyOf(configurations), Boolean.TRUE.equals(body.getValue("deferred")), Secrets.token());
  }

  private static String text(Object value, String name) {
    if (!(value instanceof String text) || text.isBlank() || text.length() > MAX_TEXT) {
      invalid(name + " must be a non-empty string of at most " + MAX_TEXT + " characters");
    }
    return (String) value;
  }

  private static <T> T invalid(String description) {
    throw new OAuthException(OAuthError.INVALID_REQUEST, description);
  }
}
