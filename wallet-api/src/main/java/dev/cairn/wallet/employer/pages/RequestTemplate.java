package dev.cairn.wallet.employer.pages;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.List;

/**
 * What an employer can ask for from the page without writing DCQL (OpenID4VP 1.0 §6). Each template is a DCQL query
 * whose Credential Queries are alternatives in one required {@code credential_sets} entry: the learner answers with
 * whichever format they hold.
 */
sealed interface RequestTemplate {
  JsonObject dcqlQuery();

  /** The issuers the employer accepts (enforced by Cairn on receipt); empty means any issuer. */
  List<String> acceptedIssuers();

  /**
   * "A micro-credential from issuer X: name and date". An SD-JWT VC of type {@code vct} (when given) discloses
   * {@code name} and {@code iat}; a W3C credential (Data Integrity or JWT) discloses the achievement's name and its
   * {@code validFrom} (VCDM 2.0) or {@code issuanceDate} (VCDM 1.1), whichever it has.
   */
  record MicroCredentialFromIssuer(String issuer, String vct) implements RequestTemplate {
    @Override
    public JsonObject dcqlQuery() {
      JsonArray queries = new JsonArray();
      if (!vct.isEmpty()) {
        queries.add(new JsonObject().put("id", "sd_jwt_vc").put("format", "dc+sd-jwt")
            .put("meta", new JsonObject().put("vct_values", new JsonArray().add(vct)))
            .put("claims", new JsonArray().add(claim("name", "name")).add(claim("issued", "iat"))));
      }
      queries.add(w3cNameAndDate("w3c_ldp", "ldp_vc")).add(w3cNameAndDate("w3c_jwt", "jwt_vc_json"));
      return oneOf(queries);
    }

    @Override
    public List<String> acceptedIssuers() {
      return List.of(issuer);
    }

    private static JsonObject w3cNameAndDate(String id, String format) {
      return new JsonObject().put("id", id).put("format", format)
          .put("meta", new JsonObject().put("type_values", new JsonArray().add(new JsonArray().add("VerifiableCredential"))))
          .put("claims", new JsonArray()
              .add(claim("name", "credentialSubject", "achievement", "name"))
              .add(claim("valid_from", "validFrom"))
              .add(claim("issuance_date", "issuanceDate")))
          .put("claim_sets", new JsonArray()
              .add(new JsonArray().add("name").add("valid_from"))
              .add(new JsonArray().add("name").add("issuance_date")));
    }
  }

  /**
   * "Any Open Badge with skill Y": an OB 3.0 credential whose achievement is aligned to Y (an {@code alignment}'s
   * {@code targetName}) or tagged with it. Only the matching alignment or tag and the achievement's name are asked.
   */
  record OpenBadgeWithSkill(String skill) implements RequestTemplate {
    @Override
    public JsonObject dcqlQuery() {
      return oneOf(new JsonArray().add(badge("badge_ldp", "ldp_vc")).add(badge("badge_jwt", "jwt_vc_json")));
    }

    @Override
    public List<String> acceptedIssuers() {
      return List.of();
    }

    private JsonObject badge(String id, String format) {
      JsonArray skillValue = new JsonArray().add(skill);
      return new JsonObject().put("id", id).put("format", format)
          .put("meta", new JsonObject().put("type_values", new JsonArray()
              .add(new JsonArray().add("OpenBadgeCredential")).add(new JsonArray().add("AchievementCredential"))))
          .put("claims", new JsonArray()
              .add(claim("name", "credentialSubject", "achievement", "name"))
              .add(claim("alignment", "credentialSubject", "achievement", "alignment", null, "targetName")
                  .put("values", skillValue))
              .add(claim("tag", "credentialSubject", "achievement", "tag", null).put("values", skillValue.copy())))
          .put("claim_sets", new JsonArray()
              .add(new JsonArray().add("name").add("alignment"))
              .add(new JsonArray().add("name").add("tag")));
    }
  }

  private static JsonObject claim(String id, String... path) {
    return new JsonObject().put("id", id).put("path", new JsonArray(Arrays.asList((Object[]) path)));
  }

  /** §6.4.2: one required set whose options are each a single Credential Query. */
  private static JsonObject oneOf(JsonArray queries) {
    JsonArray options = new JsonArray();
    queries.forEach(query -> options.add(new JsonArray().add(((JsonObject) query).getString("id"))));
    return new JsonObject().put("credentials", queries)
        .put("credential_sets", new JsonArray().add(new JsonObject().put("options", options)));
  }
}
