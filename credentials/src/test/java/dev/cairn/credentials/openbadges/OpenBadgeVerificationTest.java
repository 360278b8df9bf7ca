package dev.cairn.credentials.openbadges;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import dev.cairn.credentials.VerifierUnderTest;
import dev.cairn.credentials.Check;
import dev.cairn.credentials.CheckResult;
import dev.cairn.credentials.Issuers.DidKeyEd25519Issuer;
import dev.cairn.credentials.Outcome;
import dev.cairn.credentials.ReasonCode;
import dev.cairn.credentials.VerificationPolicy;
import dev.cairn.credentials.VerificationPolicy.SchemaConformance;
import dev.cairn.credentials.VerificationResult;
import dev.cairn.credentials.dataintegrity.RdfcCryptosuite;
import dev.cairn.credentials.display.OpenBadgeFixtures;
import dev.cairn.credentials.jsonld.CanonicalizationLimits;
import dev.cairn.credentials.jsonld.PinnedContexts;
import dev.cairn.credentials.jsonld.RdfCanonicalizer;
import dev.cairn.did.testing.Await;
import dev.cairn.did.testing.TestClock;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Open Badges 3.0 credentials through {@link CredentialVerifier}, signed in the test as ldp_vc and as vc+jwt: the
 * TYPE check runs 1EdTech's JSON Schema, refusing a non-conforming badge under ENFORCE (verifiers) and only
 * reporting it under REPORT (import).
 */
class OpenBadgeVerificationTest {
  private static final TestClock CLOCK = new TestClock();
  private static final DidKeyEd25519Issuer ISSUER = DidKeyEd25519Issuer.generate();
  /** A generous deadline: these tests are about the schema, and a cold JVM may take long over its first graph. */
  private static final RdfCanonicalizer CANONICALIZER = new RdfCanonicalizer(PinnedContexts.bundled(),
      new CanonicalizationLimits(Duration.ofSeconds(30), 10_000, 1_000));
  @RegisterExtension
  static final VerifierUnderTest VERIFIER = new VerifierUnderTest(CLOCK, CANONICALIZER);

  /** The two securing mechanisms whose TYPE check runs the schema. */
  enum Securing {
    LDP_VC {
      @Override
      String secure(JsonObject credential) {
        JsonObject options = new JsonObject().put("verificationMethod", ISSUER.kid())
            .put("proofPurpose", "assertionMethod").put("created", CLOCK.instant().minus(Duration.ofDays(1)).toString());
        return RdfcCryptosuite.EDDSA_RDFC_2022.sign(credential, options, ISSUER.key(), CANONICALIZER).encode();
      }
    },
    VC_JWT {
      @Override
      String secure(JsonObject credential) {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.EdDSA).type(new JOSEObjectType("vc+jwt"))
            .keyID(ISSUER.kid()).build();
        return ISSUER.sign(header, credential);
      }
    };

    abstract String secure(JsonObject credential);
  }

  private static JsonObject issued(String fixture) {
    JsonObject credential = new JsonObject(fixture);
    credential.getJsonObject("issuer").put("id", ISSUER.did());
    return credential;
  }

  private static JsonObject withoutCriteria() {
    JsonObject badge = issued(OpenBadgeFixtures.FULL_BADGE);
    badge.getJsonObject("credentialSubject").getJsonObject("achievement").remove("criteria");
    return badge;
  }

  private static VerificationResult verify(String presented, VerificationPolicy policy) {
    return Await.result(VERIFIER.verify(presented, policy));
  }

  private static CheckResult typeCheck(VerificationResult result) {
    return result.check(Check.TYPE).orElseThrow();
  }

  @ParameterizedTest
  @EnumSource(Securing.class)
  void aConformingOpenBadgePassesTheTypeCheckSayingSo(Securing securing) {
    VerificationResult result = verify(securing.secure(issued(OpenBadgeFixtures.FULL_BADGE)), VerificationPolicy.verifying());
    assertTrue(result.valid(), result.toString());
    assertEquals(Outcome.PASSED, typeCheck(result).outcome());
    assertTrue(typeCheck(result).detail().endsWith(
        "conforms to the Open Badges 3.0 AchievementCredential JSON Schema"), typeCheck(result).detail());
  }

  @ParameterizedTest
  @EnumSource(Securing.class)
  void aConformingEndorsementPassesAgainstTheEndorsementSchema(Securing securing) {
    VerificationResult result = verify(securing.secure(issued(OpenBadgeFixtures.ENDORSEMENT)), VerificationPolicy.verifying());
    assertTrue(result.valid(), result.toString());
    assertTrue(typeCheck(result).detail().contains("EndorsementCredential JSON Schema"), typeCheck(result).detail());
  }

  @ParameterizedTest
  @EnumSource(Securing.class)
  void anAchievementWithoutCriteriaIsRefusedByAVerifier(Securing securing) {
    VerificationResult result = verify(securing.secure(withoutCriteria()), VerificationPolicy.verifying());
    assertFalse(result.valid());
    CheckResult failure = result.firstFailure().orElseThrow();
    assertEquals(Check.TYPE, failure.check());
    assertEquals(Optional.of(ReasonCode.SCHEMA_INVALID), failure.reason());
    assertTrue(failure.detail().contains("criteria") && failure.detail().contains("(1 error)"), failure.detail());
    assertEquals(Optional.empty(), result.credential());
  }

  @ParameterizedTest
  @EnumSource(Securing.class)
  void anAchievementWithoutCriteriaIsImportedWithTheTypeCheckSkippedAsSchemaInvalid(Securing securing) {
    VerificationResult result = verify(securing.secure(withoutCriteria()), VerificationPolicy.importing());
    assertTrue(result.valid(), result.toString());
    CheckResult type = typeCheck(result);
    assertEquals(Outcome.SKIPPED, type.outcome());
    assertEquals(Optional.of(ReasonCode.SCHEMA_INVALID), type.reason());
    assertTrue(type.detail().contains("criteria"), type.detail());
    assertTrue(result.credential().isPresent());
  }

  @ParameterizedTest
  @EnumSource(Securing.class)
  void theDetailNamesTheFirstTwoMessagesAndCountsTheRest(Securing securing) {
    JsonObject badge = withoutCriteria();
    JsonObject subject = badge.getJsonObject("credentialSubject");
    subject.getJsonArray("result").getJsonObject(0).put("status", "Passed");
    subject.getJsonObject("achievement").put("achievementType", "Trophy");
    VerificationResult result = verify(securing.secure(badge), VerificationPolicy.verifying());
    String detail = result.firstFailure().orElseThrow().detail();
    Matcher counted = Pattern.compile("\\((\\d+) errors\\): (.+); and (\\d+) more$").matcher(detail);
    assertTrue(counted.find(), detail);
    assertEquals(Integer.parseInt(counted.group(1)) - 2, Integer.parseInt(counted.group(3)), detail);
    assertTrue(counted.group(2).contains("achievementType") || counted.group(2).contains("criteria"), detail);
  }

  @Test
  void aVerifierMayChooseToOnlyReportSchemaFailures() {
    VerificationPolicy lenient = VerificationPolicy.verifying().withSchemaConformance(SchemaConformance.REPORT);
    VerificationResult result = verify(Securing.VC_JWT.secure(withoutCriteria()), lenient);
    assertTrue(result.valid(), result.toString());
    assertEquals(Optional.of(ReasonCode.SCHEMA_INVALID), typeCheck(result).reason());
  }

  @Test
  void aPresentationPolicyEnforcesTheSchema() {
    assertEquals(SchemaConformance.ENFORCE, VerificationPolicy.presentation("n", "https://verifier.example")
        .schemaConformance());
    assertEquals(SchemaConformance.REPORT, VerificationPolicy.importing().schemaConformance());
  }

  @ParameterizedTest
  @EnumSource(Securing.class)
  void aCredentialOfAnotherTypeIsNotSchemaChecked(Securing securing) {
    // Not an Open Badge: the badge's shape without the criteria the OB schema would require, under another type.
    JsonObject other = withoutCriteria().put("type", new JsonArray().add("VerifiableCredential").add("ExampleTrainingRecord"));
    VerificationResult result = verify(securing.secure(other), VerificationPolicy.verifying());
    assertTrue(result.valid(), result.toString());
    assertEquals(CheckResult.passed(Check.TYPE, "VerifiableCredential, ExampleTrainingRecord"), typeCheck(result));
  }

  /** The badge in the VCDM 1.1 shape: v1 @context, issuanceDate instead of validFrom/validUntil. */
  private static JsonObject vcdm11Badge() {
    JsonObject vc = issued(OpenBadgeFixtures.FULL_BADGE);
    vc.put("@context", new JsonArray().add("https://www.w3.org/2018/credentials/v1")
        .add("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"));
    String issuance = vc.getString("validFrom");
    vc.remove("validFrom");
    vc.remove("validUntil");
    return vc.put("issuanceDate", issuance);
  }

  @Test
  void aVcdm11LdpOpenBadgeIsNotCheckedAgainstTheVcdm2Schema() {
    JsonObject badge = vcdm11Badge();
    badge.getJsonArray("@context").add("https://w3id.org/security/data-integrity/v2");  // v1 defines no proof terms
    VerificationResult result = verify(Securing.LDP_VC.secure(badge), VerificationPolicy.verifying());
    assertTrue(result.valid(), result.toString());
    assertEquals(Outcome.PASSED, typeCheck(result).outcome());
    assertTrue(typeCheck(result).detail().contains("not checked against the OB 3.0 JSON Schema"), typeCheck(result).detail());
  }

  @Test
  void aVcdm11JwtOpenBadgeIsNotCheckedAgainstTheVcdm2Schema() {
    JsonObject vc = vcdm11Badge();
    JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.EdDSA).type(JOSEObjectType.JWT).keyID(ISSUER.kid()).build();
    String jwt = ISSUER.sign(header, new JsonObject().put("iss", ISSUER.did()).put("vc", vc));
    VerificationResult result = verify(jwt, VerificationPolicy.verifying());
    assertTrue(result.valid(), result.toString());
    assertEquals(Outcome.PASSED, typeCheck(result).outcome());
    assertTrue(typeCheck(result).detail().contains("not checked against the OB 3.0 JSON Schema"), typeCheck(result).detail());
  }
}
