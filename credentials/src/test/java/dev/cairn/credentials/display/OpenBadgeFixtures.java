package dev.cairn.credentials.display;

import dev.cairn.credentials.CredentialFormat;
import dev.cairn.credentials.VerifiedCredential;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Open Badges 3.0 credentials written for these tests after the OB 3.0 data model (§B.1 AchievementCredential,
 * Profile, AchievementSubject, Achievement, Alignment, Result, ResultDescription, RubricCriterionLevel, Image,
 * Criteria). Only contexts Cairn bundles are used, so the same documents can be signed as ldp_vc. Both conform to
 * 1EdTech's OB 3.0 JSON Schema (the verification tests in {@code openbadges} rely on it).
 */
public final class OpenBadgeFixtures {
  static final String ISSUER = "did:example:harbour-guild";

  /** Every display-relevant property, once; the issuer id is {@link #ISSUER}. */
  public static final String FULL_BADGE = """
      {
        "@context": [
          "https://www.w3.org/ns/credentials/v2",
          "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
        ],
        "id": "urn:uuid:5d0b8f0e-3c2a-4e43-9d51-1f6b2a7c9e10",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": "Harbour Welding Guild award",
        "description": "The guild's record of an award.",
        "issuer": {
          "id": "did:example:harbour-guild",
          "type": ["Profile"],
          "name": "Harbour Welding Guild",
          "url": "https://guild.example/",
          "image": {"id": "https://guild.example/logo.png", "type": "Image", "caption": "The guild's anchor logo"}
        },
        "validFrom": "2026-09-01T09:00:00Z",
        "validUntil": "2029-09-01T09:00:00Z",
        "awardedDate": "2026-08-28T16:30:00Z",
        "credentialSubject": {
          "id": "did:example:diver-17",
          "type": ["AchievementSubject"],
          "achievement": {
            "id": "https://guild.example/achievements/wet-welding-1",
            "type": ["Achievement"],
            "achievementType": "Certificate",
            "name": "Wet Welding I",
            "description": "Wet welding of mild steel plate at depths to 10 m.",
            "criteria": {
              "id": "https://guild.example/achievements/wet-welding-1/criteria",
              "narrative": "Pass the dive-tank practical and the written safety test."
            },
            "image": {"id": "https://guild.example/badges/wet-welding-1.png", "type": "Image", "caption": "A torch under water"},
            "creditsAvailable": 7.5,
            "fieldOfStudy": "Marine engineering",
            "humanCode": "WW-1",
            "inLanguage": "en-GB",
            "tag": ["welding", "diving"],
            "alignment": [
              {
                "type": ["Alignment"],
                "targetName": "Perform wet welding",
                "targetUrl": "https://skills.example/case/items/wet-welding",
                "targetDescription": "Joins steel under water with a shielded metal arc.",
                "targetCode": "MT-4.2",
                "targetFramework": "Marine Trades Framework",
                "targetType": "CFItem"
              },
              {
                "type": ["Alignment"],
                "targetName": "Dive safety",
                "targetUrl": "https://registry.example/competencies/dive-safety",
                "targetType": "ceasn:Competency"
              },
              {
                "type": ["Alignment"],
                "targetName": "Commercial Diver Licence",
                "targetUrl": "https://registry.example/credentials/commercial-diver",
                "targetType": "ceterms:Credential"
              }
            ],
            "resultDescription": [
              {
                "id": "urn:uuid:7a3e2c1d-0b9f-4e8d-a7c6-5b4a39281706",
                "type": ["ResultDescription"],
                "name": "Dive-tank practical",
                "resultType": "RubricCriterionLevel",
                "rubricCriterionLevel": [
                  {"id": "urn:uuid:0c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e", "type": ["RubricCriterionLevel"], "name": "Novice"},
                  {"id": "urn:uuid:1d2e3f4a-5b6c-4d7e-8f90-a1b2c3d4e5f6", "type": ["RubricCriterionLevel"], "name": "Proficient"}
                ]
              },
              {
                "id": "urn:uuid:9e8d7c6b-5a49-4382-b1c0-f9e8d7c6b5a4",
                "type": ["ResultDescription"],
                "name": "Written safety test",
                "resultType": "Percent"
              }
            ]
          },
          "result": [
            {
              "type": ["Result"],
              "resultDescription": "urn:uuid:7a3e2c1d-0b9f-4e8d-a7c6-5b4a39281706",
              "achievedLevel": "urn:uuid:1d2e3f4a-5b6c-4d7e-8f90-a1b2c3d4e5f6",
              "status": "Completed"
            },
            {
              "type": ["Result"],
              "resultDescription": "urn:uuid:9e8d7c6b-5a49-4382-b1c0-f9e8d7c6b5a4",
              "value": "88"
            }
          ]
        }
      }
      """;

  /** A third party vouching for the guild (OB 3.0 §B.1 EndorsementCredential, EndorsementSubject). */
  public static final String ENDORSEMENT = """
      {
        "@context": [
          "https://www.w3.org/ns/credentials/v2",
          "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
        ],
        "id": "urn:uuid:3b1f0d2e-8c7a-4b69-9e58-d4c3b2a1f0e9",
        "type": ["VerifiableCredential", "EndorsementCredential"],
        "name": "Port Authority endorsement of the Harbour Welding Guild",
        "issuer": {"id": "did:example:port-authority", "type": ["Profile"], "name": "Port Authority"},
        "validFrom": "2026-05-01T00:00:00Z",
        "credentialSubject": {
          "id": "did:example:harbour-guild",
          "type": ["EndorsementSubject"],
          "endorsementComment": "The guild's assessors are accredited for commercial diving work."
        }
      }
      """;

  private OpenBadgeFixtures() {}

  static JsonObject json(String text) {
    return new JsonObject(text);
  }

  /**
   * The credential as the ldp_vc and vc+jwt verifiers leave it: the JSON as claims, types, issuer id and validity
   * window read from it (leniently: these tests are about display, not verification).
   */
  static VerifiedCredential verified(CredentialFormat format, JsonObject claims) {
    Object issuer = claims.getValue("issuer");
    String issuerId = issuer instanceof JsonObject profile ? profile.getString("id") : String.valueOf(issuer);
    List<String> types = claims.getValue("type") instanceof io.vertx.core.json.JsonArray array
        ? array.stream().map(String::valueOf).toList() : List.of();
    Optional<Instant> from = instant(claims.getValue("validFrom"));
    // VCDM 2.0 has no issuance date: both verifiers leave issuedAt empty unless a vc+jwt carries iat.
    return new VerifiedCredential(format, issuerId, Optional.empty(), types, Optional.empty(), from,
        instant(claims.getValue("validUntil")), claims, List.of(), Optional.empty());
  }

  static VerifiedCredential verified(String json) {
    return verified(CredentialFormat.LDP_VC, json(json));
  }

  private static Optional<Instant> instant(Object value) {
    try {
      return value instanceof String text ? Optional.of(OffsetDateTime.parse(text).toInstant()) : Optional.empty();
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}
