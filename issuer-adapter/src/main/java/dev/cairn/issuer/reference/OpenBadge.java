package dev.cairn.issuer.reference;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;

/**
 * An Open Badges 3.0 micro-credential (OB 3.0 §B.1: OpenBadgeCredential, Profile, AchievementSubject, Achievement,
 * Criteria, Alignment, IdentityObject, Result) in the VCDM 2.0 shape, for one learner and holder DID. The learner's
 * name and email are IdentityObjects (OB 3.0 §B.1.14), unhashed so the learner's wallet can show them.
 */
final class OpenBadge {
  private OpenBadge() {}

  static JsonObject of(ReferenceIssuerConfig config, String issuerDid, OfferRequest offer, String holderDid,
                       Instant now) {
    OfferRequest.Achievement achievement = offer.achievement();
    JsonObject subject = new JsonObject()
        .put("id", holderDid)
        .put("type", new JsonArray().add("AchievementSubject"))
        .put("identifier", new JsonArray()
            .add(identity("name", offer.learnerName()))
            .add(identity("emailAddress", offer.email())))
        .put("achievement", achievementJson(config, achievement));
    achievement.result().ifPresent(value -> subject.put("result", new JsonArray()
        .add(new JsonObject().put("type", new JsonArray().add("Result")).put("value", value))));
    return new JsonObject()
        .put("@context", new JsonArray().add(MicroCredentialConfiguration.VCDM2_CONTEXT).add(MicroCredentialConfiguration.OB3_CONTEXT))
        .put("id", "urn:uuid:" + UUID.randomUUID())
        .put("type", MicroCredentialConfiguration.TYPES.copy())
        .put("name", achievement.name())
        .put("issuer", new JsonObject().put("id", issuerDid).put("type", new JsonArray().add("Profile"))
            .put("name", config.name()).put("url", config.base() + "/"))
        .put("validFrom", now.truncatedTo(ChronoUnit.SECONDS).toString())
        .put("credentialSubject", subject);
  }

  static JsonObject achievementJson(ReferenceIssuerConfig config, OfferRequest.Achievement achievement) {
    JsonArray alignments = new JsonArray();
    achievement.skills().forEach(skill -> alignments.add(new JsonObject()
        .put("type", new JsonArray().add("Alignment"))
        .put("targetName", skill)
        .put("targetUrl", config.base() + "/skills/" + slug(skill))
        .put("targetType", "ceasn:Competency")));
    JsonObject json = new JsonObject()
        .put("id", config.base() + "/achievements/" + slug(achievement.name()))
        .put("type", new JsonArray().add("Achievement"))
        .put("achievementType", "MicroCredential")
        .put("name", achievement.name())
        .put("description", achievement.description())
        .put("criteria", new JsonObject().put("narrative", achievement.criteria()));
    return alignments.isEmpty() ? json : json.put("alignment", alignments);
  }

  private static JsonObject identity(String type, String value) {
    return new JsonObject().put("type", "IdentityObject").put("identityHash", value).put("identityType", type)
        .put("hashed", false);
  }

  private static String slug(String text) {
    String slug = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    return slug.isEmpty() ? "item" : slug;
  }
}
