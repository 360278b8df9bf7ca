package dev.cairn.credentials.openbadges;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bundled 1EdTech OB 3.0 schemas: what conforms, and each way a credential fails as messages. */
class OpenBadgesSchemaTest {
  private static final OpenBadgesSchema SCHEMA = OpenBadgesSchema.bundled();

  /** A small conforming OpenBadgeCredential (VCDM 2.0 shape), written for this test after OB 3.0 §B.1. */
  private static JsonObject badge() {
    return new JsonObject("""
        {
          "@context": ["https://www.w3.org/ns/credentials/v2",
                       "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
          "id": "urn:uuid:6a1c3f52-2b7e-4d90-8c1a-5e4f3b2a1d0c",
          "type": ["VerifiableCredential", "OpenBadgeCredential"],
          "name": "Knot Tying badge",
          "issuer": {"id": "did:example:sailing-club", "type": ["Profile"], "name": "Sailing Club"},
          "validFrom": "2026-04-01T10:00:00Z",
          "credentialSubject": {
            "id": "did:example:sailor-3",
            "type": ["AchievementSubject"],
            "achievement": {
              "id": "https://club.example/achievements/knots",
              "type": ["Achievement"],
              "name": "Knot Tying",
              "description": "Ties the bowline, clove hitch and reef knot from memory.",
              "criteria": {"narrative": "Demonstrated to an instructor."},
              "alignment": [{"type": ["Alignment"], "targetName": "Rope work",
                             "targetUrl": "https://skills.example/rope-work", "targetType": "CFItem"}]
            },
            "result": [{"type": ["Result"], "status": "Completed"}]
          }
        }
        """);
  }

  private static JsonObject achievement(JsonObject badge) {
    return badge.getJsonObject("credentialSubject").getJsonObject("achievement");
  }

  private static void failsMentioning(JsonObject credential, String text) {
    List<String> messages = SCHEMA.validate(credential);
    assertTrue(messages.stream().anyMatch(message -> message.contains(text)), messages.toString());
  }

  @Test
  void aConformingOpenBadgeHasNoMessages() {
    assertEquals(List.of(), SCHEMA.validate(badge()));
  }

  @Test
  void aConformingEndorsementHasNoMessages() {
    JsonObject endorsement = new JsonObject("""
        {
          "@context": ["https://www.w3.org/ns/credentials/v2",
                       "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
          "id": "urn:uuid:0e9d8c7b-6a5f-4e3d-9c2b-1a0f9e8d7c6b",
          "type": ["VerifiableCredential", "EndorsementCredential"],
          "name": "Harbour Master endorses the Sailing Club",
          "issuer": {"id": "did:example:harbour-master", "type": ["Profile"]},
          "validFrom": "2026-02-01T00:00:00Z",
          "credentialSubject": {"id": "did:example:sailing-club", "type": ["EndorsementSubject"],
                                "endorsementComment": "Runs safe courses."}
        }
        """);
    assertEquals(List.of(), SCHEMA.validate(endorsement));
  }

  @Test
  void anAchievementWithoutCriteriaFails() {
    JsonObject badge = badge();
    achievement(badge).remove("criteria");
    failsMentioning(badge, "criteria");
  }

  @Test
  void aResultStatusOutsideTheVocabularyFails() {
    JsonObject badge = badge();
    badge.getJsonObject("credentialSubject").getJsonArray("result").getJsonObject(0).put("status", "Passed");
    failsMentioning(badge, "status");
  }

  @Test
  void aValidFromThatIsNoDateTimeFails() {
    failsMentioning(badge().put("validFrom", "next Tuesday"), "validFrom");
  }

  @Test
  void aVcdm11ShapedBadgeDoesNotConform() {
    JsonObject badge = badge();
    badge.put("@context", new JsonArray().add("https://www.w3.org/2018/credentials/v1")
        .add("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"));
    badge.remove("validFrom");
    badge.put("issuanceDate", "2026-04-01T10:00:00Z");
    List<String> messages = SCHEMA.validate(badge);
    assertTrue(messages.stream().anyMatch(message -> message.contains("@context")), messages.toString());
    assertTrue(messages.stream().anyMatch(message -> message.contains("validFrom")), messages.toString());
  }

  @Test
  void aCredentialOfAnotherTypeIsOneMessage() {
    JsonObject other = badge().put("type", new JsonArray().add("VerifiableCredential").add("DrivingLicence"));
    assertEquals(1, SCHEMA.validate(other).size());
  }

  @Test
  void textThatIsNoJsonObjectIsOneMessageNotAnException() {
    assertEquals(List.of("the credential is not a JSON object"), SCHEMA.validate("{\"type\": "));
    assertEquals(List.of("the credential is not a JSON object"), SCHEMA.validate("[1, 2]"));
  }

  @Test
  void thousandsOfFailuresAreCappedAtTwentyMessagesAndACount() {
    JsonObject badge = badge();
    JsonArray results = new JsonArray();
    for (int i = 0; i < 2_000; i++) {
      results.add(new JsonObject().put("type", new JsonArray().add("Result")).put("status", "Nope"));
    }
    badge.getJsonObject("credentialSubject").put("result", results);
    List<String> messages = SCHEMA.validate(badge);
    assertEquals(OpenBadgesSchema.MAX_MESSAGES + 1, messages.size());
    assertTrue(messages.get(OpenBadgesSchema.MAX_MESSAGES).startsWith("… and "), messages.toString());
  }
}
