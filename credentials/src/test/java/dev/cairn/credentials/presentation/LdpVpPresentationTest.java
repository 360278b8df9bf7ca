package dev.cairn.credentials.presentation;

import static dev.cairn.credentials.presentation.Fixtures.AUDIENCE;
import static dev.cairn.credentials.presentation.Fixtures.CANONICALIZER;
import static dev.cairn.credentials.presentation.Fixtures.CLOCK;
import static dev.cairn.credentials.presentation.Fixtures.NONCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.credentials.CredentialFormat;
import dev.cairn.credentials.Issuers.DidJwkIssuer;
import dev.cairn.credentials.Issuers.DidKeyEd25519Issuer;
import dev.cairn.credentials.PresentationResult;
import dev.cairn.credentials.VerificationPolicy;
import dev.cairn.credentials.VerifierUnderTest;
import dev.cairn.credentials.dataintegrity.EcdsaSd2023;
import dev.cairn.credentials.dataintegrity.RdfcCryptosuite;
import dev.cairn.credentials.dcql.ClaimsPath;
import dev.cairn.credentials.presentation.PresentationException.Reason;
import dev.cairn.did.testing.Await;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/** ldp_vp specifics: the holder's proof, the subject's DID, what a derived ecdsa-sd-2023 proof always reveals. */
class LdpVpPresentationTest {
  @RegisterExtension
  static final VerifierUnderTest VERIFIER = new VerifierUnderTest(CLOCK, CANONICALIZER);
  private static final PresentationBuilder BUILDER = new PresentationBuilder(CLOCK, CANONICALIZER);
  private static final DidJwkIssuer P256_ISSUER = DidJwkIssuer.generate();
  private static final DidKeyEd25519Issuer ED25519_ISSUER = DidKeyEd25519Issuer.generate();

  static Stream<Holder> holders() {
    return Stream.of(Fixtures.p256Holder(), Fixtures.ed25519Holder());
  }

  private static PresentationResult verify(Presentation presentation) {
    return Await.result(VERIFIER.verifyPresentation(presentation.text(), VerificationPolicy.presentation(NONCE, AUDIENCE)));
  }

  private static String eddsaSigned(JsonObject unsecured) {
    return RdfcCryptosuite.EDDSA_RDFC_2022.sign(unsecured, Fixtures.proofOptions(ED25519_ISSUER.kid()),
        ED25519_ISSUER.key(), CANONICALIZER).encode();
  }

  @ParameterizedTest
  @MethodSource("holders")
  void theHoldersProofIsForAuthenticationWithTheNonceAsChallengeAndTheClientIdAsDomain(Holder holder) {
    Presentation presentation = BUILDER.build(eddsaSigned(Fixtures.vcdm2(ED25519_ISSUER.did(), holder.did())),
        CredentialFormat.LDP_VC, List.of(), holder, NONCE, AUDIENCE);

    JsonObject proof = ((JsonObject) presentation.vpTokenEntry()).getJsonObject("proof");
    assertEquals("authentication", proof.getString("proofPurpose"));
    assertEquals(NONCE, proof.getString("challenge"));
    assertEquals(AUDIENCE, proof.getString("domain"));
    assertEquals(holder.verificationMethod(), proof.getString("verificationMethod"));
    assertEquals(holder.algorithm().getName().equals("ES256") ? "ecdsa-rdfc-2019" : "eddsa-rdfc-2022",
        proof.getString("cryptosuite"));
  }

  @ParameterizedTest
  @MethodSource("holders")
  void aCredentialAboutTheHoldersDidKeyIsPresentedUnderThatDid(Holder holder) {
    String credential = eddsaSigned(Fixtures.vcdm2(ED25519_ISSUER.did(), holder.asDidKey().did()));

    PresentationResult result = verify(BUILDER.build(credential, CredentialFormat.LDP_VC, List.of(), holder, NONCE,
        AUDIENCE));
    assertTrue(result.valid(), result::toString);
    assertEquals(holder.asDidKey().did(), result.holder().orElseThrow());
  }

  @Test
  void aVcdm11CredentialIsPresentedToo() {
    Holder holder = Fixtures.ed25519Holder();
    JsonObject v1 = new JsonObject()
        .put("@context", new JsonArray().add("https://www.w3.org/2018/credentials/v1")
            .add("https://www.w3.org/2018/credentials/examples/v1").add("https://w3id.org/security/data-integrity/v2"))
        .put("type", new JsonArray().add("VerifiableCredential").add("UniversityDegreeCredential"))
        .put("issuer", ED25519_ISSUER.did())
        .put("issuanceDate", CLOCK.instant().minus(Duration.ofDays(3)).toString())
        .put("credentialSubject", new JsonObject().put("id", holder.did())
            .put("degree", new JsonObject().put("type", "BachelorDegree").put("name", "BSc")));

    PresentationResult result = verify(BUILDER.build(eddsaSigned(v1), CredentialFormat.LDP_VC, List.of(), holder,
        NONCE, AUDIENCE));
    assertTrue(result.valid(), result::toString);
  }

  @Test
  void aCredentialWhoseSubjectHasNoIdCannotBeShownToBeTheHolders() {
    Holder holder = Fixtures.p256Holder();
    JsonObject unsecured = Fixtures.vcdm2(ED25519_ISSUER.did(), null);

    PresentationException refused = assertThrows(PresentationException.class, () -> BUILDER.build(
        eddsaSigned(unsecured), CredentialFormat.LDP_VC, List.of(), holder, NONCE, AUDIENCE));
    assertEquals(Reason.NOT_HOLDER_BOUND, refused.reason());
  }

  @Test
  void aDerivedProofAlwaysRevealsTheIssuerTheValidityWindowAndTheSubjectsId() {
    Holder holder = Fixtures.p256Holder();
    // The issuer made only /issuer mandatory; the wallet still reveals what the verifier needs to judge validity.
    String credential = EcdsaSd2023.sign(Fixtures.vcdm2(P256_ISSUER.did(), holder.did()),
        Fixtures.proofOptions(P256_ISSUER.kid()), P256_ISSUER.key(), List.of("/issuer"), CANONICALIZER).encode();

    DisclosedClaims nothingConsented = BUILDER.preview(credential, CredentialFormat.LDP_VC, List.of());
    assertTrue(nothingConsented.selectiveDisclosure());
    assertTrue(nothingConsented.alwaysDisclosed().containsAll(List.of(ClaimsPath.of("issuer"),
        ClaimsPath.of("validFrom"), ClaimsPath.of("validUntil"), ClaimsPath.of("credentialSubject", "id"))),
        nothingConsented.alwaysDisclosed()::toString);
    assertEquals(new JsonObject().put("id", holder.did()), nothingConsented.claims().getJsonObject("credentialSubject"));

    PresentationResult result = verify(BUILDER.build(credential, CredentialFormat.LDP_VC, List.of(), holder, NONCE,
        AUDIENCE));
    assertTrue(result.valid(), result::toString);
  }

  @Test
  void aBaseProofInsideAProofSetIsRefused() {
    Holder holder = Fixtures.p256Holder();
    JsonObject unsecured = Fixtures.vcdm2(P256_ISSUER.did(), holder.did());
    JsonObject base = EcdsaSd2023.sign(unsecured, Fixtures.proofOptions(P256_ISSUER.kid()), P256_ISSUER.key(),
        List.of("/issuer"), CANONICALIZER).getJsonObject("proof");
    JsonObject eddsa = new JsonObject(eddsaSigned(unsecured)).getJsonObject("proof");
    String both = unsecured.copy().put("proof", new JsonArray().add(eddsa).add(base)).encode();

    PresentationException refused = assertThrows(PresentationException.class, () -> BUILDER.build(both,
        CredentialFormat.LDP_VC, List.of(), holder, NONCE, AUDIENCE));
    assertEquals(Reason.UNSUPPORTED_FORMAT, refused.reason());
  }

  @Test
  void claimNamesBecomeEscapedJsonPointers() {
    assertEquals("/credentialSubject/a~1b/c~0d/2",
        LdpVpPresenter.pointer(ClaimsPath.of("credentialSubject", "a/b", "c~d", 2)));
  }

  @Test
  void aWithheldClaimIsAbsentFromTheDerivedCredential() {
    Holder holder = Fixtures.ed25519Holder();
    String credential = Fixtures.LDP_ECDSA_SD.issueTo(holder);

    Presentation presentation = BUILDER.build(credential, CredentialFormat.LDP_VC,
        List.of(ClaimsPath.of("credentialSubject", "address", "locality")), holder, NONCE, AUDIENCE);
    JsonObject shown = ((JsonObject) presentation.vpTokenEntry()).getJsonArray("verifiableCredential").getJsonObject(0);
    JsonObject subject = shown.getJsonObject("credentialSubject");
    assertEquals(new JsonObject().put("locality", "Thornbury"), subject.getJsonObject("address"));
    assertFalse(subject.containsKey("name") || subject.containsKey("skills") || subject.containsKey("score"),
        subject::encode);
  }
}
