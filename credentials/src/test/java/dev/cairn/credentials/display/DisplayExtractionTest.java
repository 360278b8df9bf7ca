package dev.cairn.credentials.display;

import static dev.cairn.credentials.display.OpenBadgeFixtures.ENDORSEMENT;
import static dev.cairn.credentials.display.OpenBadgeFixtures.FULL_BADGE;
import static dev.cairn.credentials.display.OpenBadgeFixtures.json;
import static dev.cairn.credentials.display.OpenBadgeFixtures.verified;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.credentials.CredentialFormat;
import dev.cairn.credentials.display.AchievementDisplay.Criteria;
import dev.cairn.credentials.display.CredentialDisplay.Kind;
import dev.cairn.credentials.openbadges.OpenBadgesSchema;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The extraction rules on OB 3.0-shaped credentials handed over as a verifier leaves them. */
class DisplayExtractionTest {

  private static CredentialDisplay display(JsonObject claims) {
    return CredentialDisplays.of(verified(CredentialFormat.LDP_VC, claims));
  }

  private static JsonObject badge() {
    return json(FULL_BADGE);
  }

  private static JsonObject achievementOf(JsonObject credential) {
    return credential.getJsonObject("credentialSubject").getJsonObject("achievement");
  }

  @Test
  void anOpenBadgeShowsItsAchievementIssuerResultsAlignmentsAndDates() {
    CredentialDisplay display = display(badge());

    assertEquals(Kind.OPEN_BADGE, display.kind());
    assertEquals(Optional.of("Wet Welding I"), display.title(), "an Open Badge is titled by its achievement");
    assertEquals(Optional.of("Wet welding of mild steel plate at depths to 10 m."), display.description());
    assertEquals(new IssuerDisplay("did:example:harbour-guild", Optional.of("Harbour Welding Guild"),
        Optional.of("https://guild.example/"), Optional.of("https://guild.example/logo.png")), display.issuer());
    assertEquals(new AchievementDisplay(Optional.of("https://guild.example/achievements/wet-welding-1"),
        Optional.of("Wet Welding I"), Optional.of("Wet welding of mild steel plate at depths to 10 m."),
        Optional.of(new Criteria(Optional.of("https://guild.example/achievements/wet-welding-1/criteria"),
            Optional.of("Pass the dive-tank practical and the written safety test."))),
        Optional.of("https://guild.example/badges/wet-welding-1.png"), Optional.of("Certificate"), Optional.of(7.5),
        Optional.of("Marine engineering"), Optional.of("WW-1"), List.of("welding", "diving")),
        display.achievement().orElseThrow());
    assertEquals(List.of(
        new ResultDisplay(Optional.of("Dive-tank practical"), Optional.empty(), Optional.of("Completed"),
            Optional.of("Proficient")),
        new ResultDisplay(Optional.of("Written safety test"), Optional.of("88"), Optional.empty(), Optional.empty())),
        display.results(), "result references are shown by the names of what they reference");
    assertEquals(List.of(
        new AlignmentDisplay("Perform wet welding", Optional.of("https://skills.example/case/items/wet-welding"),
            Optional.of("Joins steel under water with a shielded metal arc."), Optional.of("MT-4.2"),
            Optional.of("Marine Trades Framework"), Optional.of("CFItem")),
        new AlignmentDisplay("Dive safety", Optional.of("https://registry.example/competencies/dive-safety"),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("ceasn:Competency")),
        new AlignmentDisplay("Commercial Diver Licence",
            Optional.of("https://registry.example/credentials/commercial-diver"), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.of("ceterms:Credential"))),
        display.alignments());
    assertEquals(List.of("Perform wet welding", "Dive safety"), display.skills(),
        "competency alignments are skills; a credential alignment and the tags are not");
    assertEquals(Optional.of(Instant.parse("2026-08-28T16:30:00Z")), display.issued(), "awardedDate first");
    assertEquals(Optional.of(Instant.parse("2026-09-01T09:00:00Z")), display.validFrom());
    assertEquals(Optional.of(Instant.parse("2029-09-01T09:00:00Z")), display.validUntil());
    assertEquals(Optional.of("en-GB"), display.language(), "the achievement's inLanguage");
  }

  @Test
  void theFixturesConformToTheOpenBadgesSchema() {
    assertEquals(List.of(), OpenBadgesSchema.bundled().validate(badge()));
    assertEquals(List.of(), OpenBadgesSchema.bundled().validate(json(ENDORSEMENT)));
  }

  @Test
  void theJsonFormHasCamelCaseKeysAndOmitsWhatIsAbsent() {
    JsonObject expected = json("""
        {
          "kind": "open-badge",
          "title": "Wet Welding I",
          "description": "Wet welding of mild steel plate at depths to 10 m.",
          "issuer": {"id": "did:example:harbour-guild", "name": "Harbour Welding Guild",
                     "url": "https://guild.example/", "image": "https://guild.example/logo.png"},
          "achievement": {
            "id": "https://guild.example/achievements/wet-welding-1",
            "name": "Wet Welding I",
            "description": "Wet welding of mild steel plate at depths to 10 m.",
            "criteria": {"id": "https://guild.example/achievements/wet-welding-1/criteria",
                         "narrative": "Pass the dive-tank practical and the written safety test."},
            "image": "https://guild.example/badges/wet-welding-1.png",
            "achievementType": "Certificate",
            "creditsAvailable": 7.5,
            "fieldOfStudy": "Marine engineering",
            "humanCode": "WW-1",
            "tags": ["welding", "diving"]
          },
          "results": [
            {"resultDescription": "Dive-tank practical", "status": "Completed", "achievedLevel": "Proficient"},
            {"resultDescription": "Written safety test", "value": "88"}
          ],
          "alignments": [
            {"targetName": "Perform wet welding", "targetUrl": "https://skills.example/case/items/wet-welding",
             "targetDescription": "Joins steel under water with a shielded metal arc.", "targetCode": "MT-4.2",
             "targetFramework": "Marine Trades Framework", "targetType": "CFItem"},
            {"targetName": "Dive safety", "targetUrl": "https://registry.example/competencies/dive-safety",
             "targetType": "ceasn:Competency"},
            {"targetName": "Commercial Diver Licence",
             "targetUrl": "https://registry.example/credentials/commercial-diver", "targetType": "ceterms:Credential"}
          ],
          "skills": ["Perform wet welding", "Dive safety"],
          "issued": "2026-08-28T16:30:00Z",
          "validFrom": "2026-09-01T09:00:00Z",
          "validUntil": "2029-09-01T09:00:00Z",
          "language": "en-GB"
        }
        """);
    assertEquals(expected, display(badge()).toJson());
  }

  @Test
  void aCredentialThatSaysLittleHasAJsonFormWithKindAndIssuerIdOnly() {
    JsonObject bare = json("""
        {"type": ["VerifiableCredential"], "issuer": "did:example:quiet", "credentialSubject": {"id": "did:example:s"}}
        """);
    assertEquals(json("""
        {"kind": "other", "issuer": {"id": "did:example:quiet"}}
        """), display(bare).toJson());
  }

  @Test
  void anIssuerGivenAsAUrlHasItsIdAndNothingElse() {
    JsonObject credential = badge().put("issuer", "did:example:harbour-guild");
    assertEquals(new IssuerDisplay("did:example:harbour-guild", Optional.empty(), Optional.empty(), Optional.empty()),
        display(credential).issuer());
  }

  @Test
  void theIssuerIdIsTheVerifiedIssuerNotTheProfilesClaim() {
    JsonObject credential = badge();
    credential.getJsonObject("issuer").put("id", "did:example:someone-else");
    CredentialDisplay display = CredentialDisplays.of(new dev.cairn.credentials.VerifiedCredential(
        CredentialFormat.LDP_VC, "did:example:harbour-guild", Optional.empty(), List.of("VerifiableCredential"),
        Optional.empty(), Optional.empty(), Optional.empty(), credential, List.of(), Optional.empty()));
    assertEquals("did:example:harbour-guild", display.issuer().id());
  }

  @Test
  void anImageGivenAsAUrlReadsLikeAnImageObject() {
    JsonObject credential = badge();
    credential.getJsonObject("issuer").put("image", "https://guild.example/logo-small.png");
    achievementOf(credential).put("image", "https://guild.example/badges/plain.png");
    CredentialDisplay display = display(credential);
    assertEquals(Optional.of("https://guild.example/logo-small.png"), display.issuer().image());
    assertEquals(Optional.of("https://guild.example/badges/plain.png"), display.achievement().orElseThrow().image());
  }

  @Test
  void anEmbeddedImageIsKeptAndAScriptOrHtmlLinkIsDropped() {
    String png = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";
    JsonObject credential = badge();
    credential.getJsonObject("issuer").put("url", "javascript:alert(1)")
        .put("image", new JsonObject().put("id", "data:text/html,<script>alert(1)</script>").put("type", "Image"));
    achievementOf(credential).put("image", new JsonObject().put("id", png).put("type", "Image"));
    achievementOf(credential).getJsonObject("criteria").put("id", "/relative/criteria");
    CredentialDisplay display = display(credential);
    assertEquals(Optional.empty(), display.issuer().url());
    assertEquals(Optional.empty(), display.issuer().image());
    assertEquals(Optional.of(png), display.achievement().orElseThrow().image());
    assertEquals(Optional.empty(), display.achievement().orElseThrow().criteria().orElseThrow().id());
  }

  @Test
  void aNameInSeveralLanguagesShowsTheEnglishOneAndItsLanguage() {
    JsonObject credential = badge();
    JsonObject achievement = achievementOf(credential);
    achievement.remove("inLanguage");
    achievement.put("name", new JsonArray()
        .add(new JsonObject().put("@value", "Soudage humide I").put("@language", "fr"))
        .add(new JsonObject().put("@value", "Wet Welding I").put("@language", "en")));
    achievement.put("description", new JsonObject().put("@value", "Soudage de l'acier doux").put("@language", "fr"));
    CredentialDisplay display = display(credential);
    assertEquals(Optional.of("Wet Welding I"), display.title());
    assertEquals(Optional.of("Soudage de l'acier doux"), display.description(), "a single value object is read");
    assertEquals(Optional.of("en"), display.language(), "with no stated language, the title's");
  }

  @Test
  void aLanguageMapShowsItsEnglishEntry() {
    JsonObject credential = badge();
    achievementOf(credential).put("name", new JsonObject().put("de", "Nassschweißen I").put("en-GB", "Wet Welding I"));
    credential.getJsonObject("issuer").put("name", new JsonObject().put("nl", "Havenlasgilde"));
    CredentialDisplay display = display(credential);
    assertEquals(Optional.of("Wet Welding I"), display.title());
    assertEquals(Optional.of("Havenlasgilde"), display.issuer().name(), "without English, the first entry");
  }

  @Test
  void withoutEnglishTheFirstLanguageIsShownAndIsTheLanguage() {
    JsonObject credential = badge();
    JsonObject achievement = achievementOf(credential);
    achievement.remove("inLanguage");
    achievement.put("name", new JsonArray()
        .add(new JsonObject().put("@value", "Nassschweißen I").put("@language", "de"))
        .add(new JsonObject().put("@value", "Soudage humide I").put("@language", "fr")));
    CredentialDisplay display = display(credential);
    assertEquals(Optional.of("Nassschweißen I"), display.title());
    assertEquals(Optional.of("de"), display.language());
  }

  @Test
  void aDefaultLanguageInTheContextIsTheCredentialsLanguage() {
    JsonObject credential = badge();
    achievementOf(credential).remove("inLanguage");
    credential.getJsonArray("@context").add(new JsonObject().put("@language", "nl-BE"));
    assertEquals(Optional.of("nl-BE"), display(credential).language());
  }

  @Test
  void anEndorsementShowsItsNameAndTheEndorsersComment() {
    CredentialDisplay display = display(json(ENDORSEMENT));
    assertEquals(Kind.ENDORSEMENT, display.kind());
    assertEquals(Optional.of("Port Authority endorsement of the Harbour Welding Guild"), display.title());
    assertEquals(Optional.of("The guild's assessors are accredited for commercial diving work."), display.description());
    assertEquals(Optional.of("Port Authority"), display.issuer().name());
    assertEquals(Optional.empty(), display.achievement());
    assertEquals(Optional.of(Instant.parse("2026-05-01T00:00:00Z")), display.issued(), "validFrom when nothing else");
  }

  @Test
  void anAchievementCredentialIsAnOpenBadgeAndAVcdm11OneIsIssuedAtItsIssuanceDate() {
    JsonObject credential = badge();
    credential.put("type", new JsonArray().add("VerifiableCredential").add("AchievementCredential"));
    credential.put("@context", new JsonArray().add("https://www.w3.org/2018/credentials/v1")
        .add("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"));
    credential.remove("validFrom");
    credential.remove("awardedDate");
    credential.put("issuanceDate", "2025-01-15T10:00:00Z");
    CredentialDisplay display = display(credential);
    assertEquals(Kind.OPEN_BADGE, display.kind());
    assertEquals(Optional.of(Instant.parse("2025-01-15T10:00:00Z")), display.issued());
  }

  @Test
  void aCompetencyAchievementIsItselfASkill() {
    JsonObject credential = badge();
    JsonObject achievement = achievementOf(credential);
    achievement.put("achievementType", "Competency").put("name", "Underwater cutting");
    achievement.remove("alignment");
    assertEquals(List.of("Underwater cutting"), display(credential).skills());
  }

  @Test
  void anotherKindIsTitledByItsOwnNameBeforeItsAchievement() {
    JsonObject credential = badge();
    credential.put("type", new JsonArray().add("VerifiableCredential").add("GuildMembershipCredential"));
    CredentialDisplay display = display(credential);
    assertEquals(Kind.OTHER, display.kind());
    assertEquals(Optional.of("Harbour Welding Guild award"), display.title());
    assertEquals(Optional.of("The guild's record of an award."), display.description());
  }

  /** An SD-JWT VC's payload is its subject: "name" there is the learner's, not the course's. */
  @Test
  void anSdJwtVcWithAnAchievementIsTitledByTheAchievementNotTheHoldersName() {
    JsonObject payload = new JsonObject().put("iss", "did:example:issuer").put("vct", "https://example.org/badge")
        .put("name", "Ada Lovelace")
        .put("achievement", new JsonObject().put("name", "Food Safety Level 2").put("description", "A short course"));
    assertEquals(Optional.of("Food Safety Level 2"),
        CredentialDisplays.of(verified(CredentialFormat.SD_JWT_VC, payload)).title());
    assertEquals(Optional.of("Barista Basics"), CredentialDisplays.of(verified(CredentialFormat.SD_JWT_VC,
        new JsonObject().put("iss", "did:example:issuer").put("name", "Barista Basics"))).title(),
        "without an achievement the credential's own name is still the title");
  }

  @Test
  void wrongTypesEverywhereReadAsAbsent() {
    JsonObject hostile = json("""
        {
          "@context": 7,
          "type": ["VerifiableCredential", "OpenBadgeCredential"],
          "name": 42,
          "description": [true, {"@value": 3}, null],
          "issuer": {"id": "did:example:harbour-guild", "name": [1, {"@language": "en"}], "url": {"href": "https://x.example"},
                     "image": {"id": 5}},
          "awardedDate": "last Tuesday",
          "validFrom": 1700000000,
          "language": "not a language tag!",
          "credentialSubject": {
            "achievement": {
              "id": {"nested": true}, "name": {"@value": ["x"]}, "description": 1.5,
              "criteria": "see website", "image": [1, 2], "achievementType": false, "creditsAvailable": "7",
              "fieldOfStudy": {}, "humanCode": [], "tag": 5, "inLanguage": 12,
              "alignment": [1, "x", {"targetName": 7}, null, {"targetName": {"type": "Image", "id": "x"}}],
              "resultDescription": "nope"
            },
            "result": [null, 3, {"value": 92, "status": ["Completed"]}],
            "skills": {"a": "b"}
          }
        }
        """);
    CredentialDisplay display = display(hostile);
    assertEquals(json("""
        {"kind": "open-badge", "issuer": {"id": "did:example:harbour-guild"}}
        """), display.toJson());
  }

  @Test
  void hugeArraysAndStringsAreCapped() {
    JsonObject credential = badge();
    JsonObject achievement = achievementOf(credential);
    JsonArray tags = new JsonArray();
    JsonArray alignments = new JsonArray();
    for (int i = 0; i < 50_000; i++) {
      tags.add("tag " + i);
    }
    for (int i = 0; i < 5_000; i++) {
      alignments.add(new JsonObject().put("targetName", "skill " + i).put("targetType", "CFItem"));
    }
    JsonArray results = new JsonArray();
    for (int i = 0; i < 5_000; i++) {
      results.add(new JsonObject().put("value", String.valueOf(i)));
    }
    achievement.put("tag", tags).put("alignment", alignments).put("name", "W".repeat(1_000_000))
        .put("description", "D".repeat(1_000_000));
    credential.getJsonObject("credentialSubject").put("result", results);

    CredentialDisplay display = display(credential);
    assertEquals(100, display.achievement().orElseThrow().tags().size());
    assertEquals(100, display.alignments().size());
    assertEquals(100, display.results().size());
    assertEquals(100, display.skills().size());
    String title = display.title().orElseThrow();
    assertEquals(2_000, title.length());
    assertTrue(title.endsWith("…"));
    assertEquals(10_000, display.description().orElseThrow().length());
  }

  @Test
  void controlCharactersAreRemovedAndBlankValuesAreAbsent() {
    JsonObject credential = badge();
    achievementOf(credential).put("name", "  Wet\u0000 Welding\u001b I \n").put("humanCode", " \t ");
    CredentialDisplay display = display(credential);
    assertEquals(Optional.of("Wet Welding I"), display.title());
    assertEquals(Optional.empty(), display.achievement().orElseThrow().humanCode());
  }

  @Test
  void oddDocumentsNeverThrow() {
    List<String> documents = List.of(
        "{}",
        "{\"credentialSubject\": []}",
        "{\"credentialSubject\": [\"x\", {\"achievement\": \"Just a string\"}]}",
        "{\"credentialSubject\": {\"achievement\": []}}",
        "{\"credentialSubject\": {\"achievement\": null, \"result\": {}}}",
        "{\"issuer\": [], \"name\": {}, \"@context\": [null, {\"@language\": []}]}",
        "{\"name\": {\"en\": 5, \"de\": null}, \"description\": {\"@value\": null, \"@language\": \"en\"}}");
    for (String document : documents) {
      CredentialDisplay display = display(json(document));
      assertEquals(Kind.OTHER, display.kind(), document);
      display.toJson().encode();
    }
    assertEquals(Optional.of("Just a string"), display(json(documents.get(2))).title(),
        "the first object of a subject array");
  }
}
