package dev.cairn.credentials.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import dev.cairn.credentials.VerifierUnderTest;
import dev.cairn.credentials.CredentialFormat;
import dev.cairn.credentials.Issuers.DidJwkIssuer;
import dev.cairn.credentials.Issuers.DidKeyEd25519Issuer;
import dev.cairn.credentials.VerificationPolicy;
import dev.cairn.credentials.VerificationResult;
import dev.cairn.credentials.VerifiedCredential;
import dev.cairn.credentials.dataintegrity.RdfcCryptosuite;
import dev.cairn.credentials.display.CredentialDisplay.Kind;
import dev.cairn.credentials.jsonld.CanonicalizationLimits;
import dev.cairn.credentials.jsonld.PinnedContexts;
import dev.cairn.credentials.jsonld.RdfCanonicalizer;
import dev.cairn.credentials.sdjwt.SdJwtBuilder;
import dev.cairn.did.testing.Await;
import dev.cairn.did.testing.TestClock;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Credentials signed in the test by real keys, verified through {@link CredentialVerifier} with the bundled
 * contexts only, then displayed: the extraction reads what each verifier actually leaves in the claims.
 */
class DisplayOfVerifiedCredentialsTest {
  private static final TestClock CLOCK = new TestClock();
  private static final DidJwkIssuer P256 = DidJwkIssuer.generate();
  private static final DidKeyEd25519Issuer ED25519 = DidKeyEd25519Issuer.generate();
  private static final RdfCanonicalizer CANONICALIZER =
      new RdfCanonicalizer(PinnedContexts.bundled(), CanonicalizationLimits.DEFAULT);
  @RegisterExtension
  static final VerifierUnderTest VERIFIER = new VerifierUnderTest(CLOCK);

  private static VerifiedCredential verified(String presented, CredentialFormat format) {
    VerificationResult result = Await.result(VERIFIER.verify(presented, VerificationPolicy.importing()));
    assertTrue(result.valid(), result.toString());
    assertEquals(Optional.of(format), result.format());
    return result.credential().orElseThrow();
  }

  private static JsonObject badgeIssuedBy(String did) {
    JsonObject badge = OpenBadgeFixtures.json(OpenBadgeFixtures.FULL_BADGE);
    badge.getJsonObject("issuer").put("id", did);
    return badge;
  }

  private static JsonObject microCredentialClaims() {
    long now = CLOCK.instant().getEpochSecond();
    return new JsonObject()
        .put("iss", P256.did())
        .put("vct", "https://credentials.example/micro-credential")
        .put("sub", "did:example:learner-4")
        .put("iat", now - 86_400)
        .put("exp", now + 365 * 86_400L)
        .put("issuer_name", "Northside Training Centre")
        .put("name", "Forklift Safety")
        .put("description", "Safe operation of counterbalance forklifts in a warehouse.")
        .put("achievement", "Counterbalance forklift operation")
        .put("skills", new JsonArray().add("Load handling").add("Pre-use inspection").add("Load handling"));
  }

  private static String issueMicroCredential() throws Exception {
    return new SdJwtBuilder(microCredentialClaims(), Set.of("name", "description", "achievement", "skills"),
        Set.of("skills")).decoys(2).sign(P256.header("dc+sd-jwt"), new ECDSASigner(P256.key()));
  }

  @Test
  void anSdJwtVcMicroCredentialShowsItsNameIssuerNameSkillsAndTimes() throws Exception {
    VerifiedCredential credential = verified(issueMicroCredential(), CredentialFormat.SD_JWT_VC);
    CredentialDisplay display = CredentialDisplays.of(credential);

    assertEquals(Kind.OTHER, display.kind());
    assertEquals(Optional.of("Forklift Safety"), display.title());
    assertEquals(Optional.of("Safe operation of counterbalance forklifts in a warehouse."), display.description());
    assertEquals(new IssuerDisplay(P256.did(), Optional.of("Northside Training Centre"), Optional.empty(),
        Optional.empty()), display.issuer());
    assertEquals(List.of("Load handling", "Pre-use inspection"), display.skills(), "disclosed elements, no repeats");
    assertEquals(Optional.of(CLOCK.instant().minus(Duration.ofDays(1))), display.issued(), "iat");
    assertEquals(Optional.of(CLOCK.instant().plus(Duration.ofDays(365))), display.validUntil(), "exp");
    assertEquals(Optional.empty(), display.achievement(), "a string achievement is a title, not an Achievement");
  }

  @Test
  void anSdJwtVcPresentedWithoutItsNameIsTitledByItsAchievement() throws Exception {
    String presented = SdJwtBuilder.present(issueMicroCredential(), Set.of("achievement", "skills.0"));
    CredentialDisplay display = CredentialDisplays.of(verified(presented, CredentialFormat.SD_JWT_VC));

    assertEquals(Optional.of("Counterbalance forklift operation"), display.title());
    assertEquals(Optional.empty(), display.description(), "not disclosed, not shown");
    assertEquals(List.of("Load handling"), display.skills());
  }

  @Test
  void anSdJwtVcWithAnAchievementObjectShowsIt() throws Exception {
    JsonObject claims = microCredentialClaims();
    claims.remove("name");
    claims.put("achievement", new JsonObject().put("name", "Forklift Safety").put("achievementType", "MicroCredential")
        .put("criteria", new JsonObject().put("narrative", "Two hours of supervised driving.")));
    String issued = new SdJwtBuilder(claims, Set.of("achievement"), Set.of())
        .sign(P256.header("dc+sd-jwt"), new ECDSASigner(P256.key()));
    CredentialDisplay display = CredentialDisplays.of(verified(issued, CredentialFormat.SD_JWT_VC));

    assertEquals(Optional.of("Forklift Safety"), display.title());
    AchievementDisplay achievement = display.achievement().orElseThrow();
    assertEquals(Optional.of("MicroCredential"), achievement.achievementType());
    assertEquals(Optional.of("Two hours of supervised driving."), achievement.criteria().orElseThrow().narrative());
  }

  @Test
  void anOpenBadgeAsVcJwtShowsItsAchievement() {
    JsonObject badge = badgeIssuedBy(P256.did());
    String jwt = P256.sign(P256.header("vc+jwt").build(), badge);
    CredentialDisplay display = CredentialDisplays.of(verified(jwt, CredentialFormat.VC_JWT));

    assertEquals(Kind.OPEN_BADGE, display.kind());
    assertEquals(Optional.of("Wet Welding I"), display.title());
    assertEquals(P256.did(), display.issuer().id());
    assertEquals(Optional.of("Harbour Welding Guild"), display.issuer().name());
    assertEquals(List.of("Perform wet welding", "Dive safety"), display.skills());
    assertEquals(2, display.results().size());
    assertEquals(Optional.of(Instant.parse("2026-08-28T16:30:00Z")), display.issued());
    assertEquals(Optional.of(Instant.parse("2029-09-01T09:00:00Z")), display.validUntil());
  }

  @Test
  void theSameOpenBadgeDisplaysTheSameAsLdpVcAndAsVcJwt() {
    JsonObject badge = badgeIssuedBy(ED25519.did());
    JsonObject options = new JsonObject().put("verificationMethod", ED25519.kid())
        .put("proofPurpose", "assertionMethod").put("created", CLOCK.instant().minus(Duration.ofDays(1)).toString());
    JsonObject signed = RdfcCryptosuite.EDDSA_RDFC_2022.sign(badge, options, ED25519.key(), CANONICALIZER);
    CredentialDisplay asLdp = CredentialDisplays.of(verified(signed.encode(), CredentialFormat.LDP_VC));
    JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.EdDSA).type(new JOSEObjectType("vc+jwt"))
        .keyID(ED25519.kid()).build();
    CredentialDisplay asJwt = CredentialDisplays.of(verified(ED25519.sign(header, badge), CredentialFormat.VC_JWT));

    assertEquals(asJwt.toJson(), asLdp.toJson());
    assertEquals(Optional.of("Wet Welding I"), asLdp.title());
    assertEquals(ED25519.did(), asLdp.issuer().id());
    assertEquals(Optional.of("en-GB"), asLdp.language());
  }

  @Test
  void aVcdm11JwtCredentialIsReadFromItsVcClaimAndIssuedAtIat() {
    JsonObject vc = badgeIssuedBy(P256.did());
    vc.put("@context", new JsonArray().add("https://www.w3.org/2018/credentials/v1")
        .add("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"));
    vc.put("type", new JsonArray().add("VerifiableCredential").add("AchievementCredential"));
    Instant issuance = CLOCK.instant().minus(Duration.ofDays(10));
    vc.remove("validFrom");
    vc.remove("validUntil");
    vc.remove("awardedDate");
    vc.put("issuanceDate", issuance.toString());
    JsonObject payload = new JsonObject().put("iss", P256.did()).put("nbf", issuance.getEpochSecond())
        .put("iat", issuance.getEpochSecond()).put("vc", vc);
    CredentialDisplay display = CredentialDisplays.of(verified(P256.sign(P256.header("JWT").build(), payload),
        CredentialFormat.JWT_VC_JSON));

    assertEquals(Kind.OPEN_BADGE, display.kind());
    assertEquals(Optional.of("Wet Welding I"), display.title());
    assertEquals(Optional.of("Harbour Welding Guild"), display.issuer().name());
    assertEquals(Optional.of(issuance), display.issued());
    assertEquals(Optional.of(issuance), display.validFrom());
  }
}
