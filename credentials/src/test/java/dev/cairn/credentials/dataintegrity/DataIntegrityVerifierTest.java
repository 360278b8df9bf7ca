package dev.cairn.credentials.dataintegrity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.credentials.VerifierUnderTest;
import dev.cairn.credentials.CredentialFormat;
import dev.cairn.credentials.Issuers.DidJwkIssuer;
import dev.cairn.credentials.Issuers.DidKeyEd25519Issuer;
import dev.cairn.credentials.PresentationResult;
import dev.cairn.credentials.ReasonCode;
import dev.cairn.credentials.VerificationException;
import dev.cairn.credentials.VerificationPolicy;
import dev.cairn.credentials.VerificationResult;
import dev.cairn.credentials.jsonld.CanonicalizationLimits;
import dev.cairn.credentials.jsonld.RdfCanonicalizer;
import dev.cairn.did.testing.Await;
import dev.cairn.did.testing.TestClock;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Data Integrity credentials and presentations through the one entry point, with issuers that hold real keys
 * (did:key Ed25519, did:jwk P-256) and the real resolver: what passes, and each way one must be refused.
 */
class DataIntegrityVerifierTest {
  private static final TestClock CLOCK = new TestClock();
  private static final DidKeyEd25519Issuer ED25519 = DidKeyEd25519Issuer.generate();
  private static final DidJwkIssuer P256 = DidJwkIssuer.generate();
  private static final RdfCanonicalizer CANONICALIZER = new RdfCanonicalizer(Vectors.CONTEXTS, CanonicalizationLimits.DEFAULT);
  @RegisterExtension
  static final VerifierUnderTest VERIFIER = new VerifierUnderTest(CLOCK, CANONICALIZER);

  static JsonObject badge(String issuer) {
    return new JsonObject()
        .put("@context", new JsonArray().add("https://www.w3.org/ns/credentials/v2").add("https://www.w3.org/ns/credentials/examples/v2"))
        .put("id", "urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33")
        .put("type", new JsonArray().add("VerifiableCredential").add("ExampleMicroCredential"))
        .put("issuer", issuer)
        .put("validFrom", CLOCK.instant().minus(Duration.ofDays(30)).toString())
        .put("validUntil", CLOCK.instant().plus(Duration.ofDays(365)).toString())
        .put("credentialSubject", new JsonObject().put("id", "did:example:learner")
            .put("name", "Food safety level 2").put("score", "92"));
  }

  static JsonObject options(String verificationMethod) {
    return new JsonObject().put("verificationMethod", verificationMethod).put("proofPurpose", "assertionMethod")
        .put("created", CLOCK.instant().minus(Duration.ofDays(1)).toString());
  }

  private static JsonObject eddsaSigned(JsonObject unsecured) {
    return RdfcCryptosuite.EDDSA_RDFC_2022.sign(unsecured, options(ED25519.kid()), ED25519.key(), CANONICALIZER);
  }

  private static VerificationResult verify(JsonObject credential, VerificationPolicy policy) {
    return Await.result(VERIFIER.verify(credential.encode(), policy));
  }

  private static void refused(JsonObject credential, ReasonCode reason) {
    VerificationResult result = verify(credential, VerificationPolicy.importing());
    assertFalse(result.valid(), result.toString());
    assertEquals(reason, result.firstFailure().orElseThrow().reason().orElseThrow(), result.toString());
    assertEquals(7, result.checks().size());
  }

  @Test
  void anEddsaCredentialFromADidKeyIssuerVerifies() {
    VerificationResult result = verify(eddsaSigned(badge(ED25519.did())), VerificationPolicy.importing());
    assertTrue(result.valid(), result.toString());
    assertEquals(Optional.of(CredentialFormat.LDP_VC), result.format());
    assertEquals(ED25519.did(), result.credential().orElseThrow().issuer());
    assertEquals(Optional.of("did:example:learner"), result.credential().orElseThrow().subject());
    assertFalse(result.credential().orElseThrow().claims().containsKey("proof"));
  }

  @Test
  void anEcdsaCredentialFromADidJwkIssuerVerifies() {
    JsonObject signed = RdfcCryptosuite.ECDSA_RDFC_2019.sign(badge(P256.did()), options(P256.kid()), P256.key(), CANONICALIZER);
    assertTrue(verify(signed, VerificationPolicy.verifying()).valid());
  }

  @Test
  void aProofSetVerifiesOnlyWhenEveryProofDoes() {
    JsonObject unsecured = withSuiteContext(badge(ED25519.did()));
    JsonObject eddsa = eddsaSigned(unsecured).getJsonObject("proof");
    JsonObject legacy = RdfcCryptosuite.ED25519_SIGNATURE_2020.sign(unsecured, options(ED25519.kid()), ED25519.key(),
        CANONICALIZER).getJsonObject("proof");
    assertTrue(verify(unsecured.copy().put("proof", new JsonArray().add(eddsa).add(legacy)),
        VerificationPolicy.importing()).valid());
    // A second proof by another key under the issuer's method: the set fails although the first proof is good.
    JsonObject forged = RdfcCryptosuite.ED25519_SIGNATURE_2020.sign(unsecured, options(ED25519.kid()),
        DidKeyEd25519Issuer.generate().key(), CANONICALIZER).getJsonObject("proof");
    refused(unsecured.copy().put("proof", new JsonArray().add(eddsa).add(forged)), ReasonCode.SIGNATURE_INVALID);
  }

  private static JsonObject withSuiteContext(JsonObject unsecured) {
    JsonObject copy = unsecured.copy();
    copy.getJsonArray("@context").add(RdfcCryptosuite.ED25519_2020_CONTEXT);
    return copy;
  }

  @Test
  void aTamperedClaimIsRefused() {
    JsonObject signed = eddsaSigned(badge(ED25519.did()));
    signed.getJsonObject("credentialSubject").put("score", "100");
    refused(signed, ReasonCode.SIGNATURE_INVALID);
  }

  @Test
  void aTamperedProofValueIsRefused() {
    JsonObject signed = eddsaSigned(badge(ED25519.did()));
    String value = signed.getJsonObject("proof").getString("proofValue");
    char last = value.charAt(value.length() - 1);
    signed.getJsonObject("proof").put("proofValue", value.substring(0, value.length() - 1) + (last == 'a' ? 'b' : 'a'));
    refused(signed, ReasonCode.SIGNATURE_INVALID);
  }

  @Test
  void aProofMadeWithAnotherKeyIsRefused() {
    DidKeyEd25519Issuer other = DidKeyEd25519Issuer.generate();
    JsonObject signed = RdfcCryptosuite.EDDSA_RDFC_2022.sign(badge(ED25519.did()), options(ED25519.kid()), other.key(), CANONICALIZER);
    refused(signed, ReasonCode.SIGNATURE_INVALID);
  }

  @Test
  void aVerificationMethodOfAnotherDidIsRefused() {
    DidKeyEd25519Issuer other = DidKeyEd25519Issuer.generate();
    JsonObject signed = RdfcCryptosuite.EDDSA_RDFC_2022.sign(badge(ED25519.did()), options(other.kid()), other.key(), CANONICALIZER);
    refused(signed, ReasonCode.ISSUER_KEY_NOT_ISSUERS);
  }

  @Test
  void anUnknownCryptosuiteIsRefused() {
    JsonObject signed = eddsaSigned(badge(ED25519.did()));
    signed.getJsonObject("proof").put("cryptosuite", "bbs-2023");
    refused(signed, ReasonCode.CRYPTOSUITE_UNSUPPORTED);
  }

  @Test
  void aProofForAuthenticationIsNoAssertion() {
    JsonObject signed = RdfcCryptosuite.EDDSA_RDFC_2022.sign(badge(ED25519.did()),
        options(ED25519.kid()).put("proofPurpose", "authentication"), ED25519.key(), CANONICALIZER);
    refused(signed, ReasonCode.PROOF_PURPOSE_MISMATCH);
  }

  @Test
  void anExpiredCredentialIsRefused() {
    JsonObject expired = badge(ED25519.did()).put("validUntil", CLOCK.instant().minus(Duration.ofDays(1)).toString());
    refused(eddsaSigned(expired), ReasonCode.EXPIRED);
  }

  @Test
  void aCredentialNotYetValidIsRefused() {
    JsonObject future = badge(ED25519.did()).put("validFrom", CLOCK.instant().plus(Duration.ofDays(2)).toString());
    refused(eddsaSigned(future), ReasonCode.NOT_YET_VALID);
  }

  @Test
  void aVcdm11CredentialUsesIssuanceAndExpirationDates() {
    JsonObject v1 = new JsonObject()
        .put("@context", new JsonArray().add("https://www.w3.org/2018/credentials/v1")
            .add("https://www.w3.org/2018/credentials/examples/v1").add("https://w3id.org/security/data-integrity/v2"))
        .put("type", new JsonArray().add("VerifiableCredential").add("UniversityDegreeCredential"))
        .put("issuer", ED25519.did())
        .put("issuanceDate", CLOCK.instant().minus(Duration.ofDays(3)).toString())
        .put("expirationDate", CLOCK.instant().minus(Duration.ofDays(1)).toString())
        .put("credentialSubject", new JsonObject().put("id", "did:example:learner")
            .put("degree", new JsonObject().put("type", "BachelorDegree").put("name", "BSc")));
    refused(eddsaSigned(v1), ReasonCode.EXPIRED);
    assertTrue(verify(eddsaSigned(v1.copy().put("expirationDate", CLOCK.instant().plus(Duration.ofDays(1)).toString())),
        VerificationPolicy.importing()).valid());
  }

  @Test
  void aRemoteContextIsRefusedWithoutAnyFetch() {
    JsonObject remote = badge(ED25519.did());
    remote.getJsonArray("@context").add("https://evil.example/context.jsonld");
    JsonObject signed = eddsaSigned(badge(ED25519.did()));
    signed.put("@context", remote.getJsonArray("@context"));
    refused(signed, ReasonCode.CONTEXT_NOT_ALLOWED);
  }

  @Test
  void anEcdsaSdBaseProofIsForTheHolderAndADerivedOneForTheVerifier() {
    JsonObject base = EcdsaSd2023.sign(badge(P256.did()), options(P256.kid()), P256.key(), List.of("/issuer", "/validUntil"), CANONICALIZER);
    assertTrue(verify(base, VerificationPolicy.importing()).valid(), "the holder confirms its base proof");
    VerificationResult shown = verify(base, VerificationPolicy.verifying());
    assertEquals(ReasonCode.BASE_PROOF_PRESENTED, shown.firstFailure().orElseThrow().reason().orElseThrow());

    JsonObject derived = EcdsaSd2023.derive(base, List.of("/credentialSubject/name"), CANONICALIZER);
    assertFalse(derived.getJsonObject("credentialSubject").containsKey("score"), "the unselected claim is not revealed");
    VerificationResult result = verify(derived, VerificationPolicy.verifying());
    assertTrue(result.valid(), result.toString());
    assertEquals("Food safety level 2", result.credential().orElseThrow().claims().getJsonObject("credentialSubject").getString("name"));
  }

  @Test
  void whatADerivedProofRevealsIsKnownBeforeDeriving() {
    JsonObject base = EcdsaSd2023.sign(badge(P256.did()), options(P256.kid()), P256.key(), List.of("/issuer"), CANONICALIZER);

    JsonObject derived = EcdsaSd2023.derive(base, List.of("/credentialSubject/name"), CANONICALIZER);
    derived.remove("proof");
    assertEquals(derived, EcdsaSd2023.revealed(base, List.of("/credentialSubject/name")));
    assertTrue(EcdsaSd2023.isBaseProof(DataIntegrityProof.parse(base.getJsonObject("proof"))));
  }

  @Test
  void aPresentationSignedForThisVerifierVerifiesAndAnyOtherIsRefused() {
    JsonObject credential = eddsaSigned(badge(ED25519.did()).put("credentialSubject",
        new JsonObject().put("id", P256.did()).put("name", "Food safety level 2")));
    JsonObject presentation = LdpVpVerifier.present(P256.did(), List.of(credential), P256.key(), P256.kid(),
        "n-0S6_WzA2Mj", "https://verifier.example", CLOCK.instant(), CANONICALIZER);
    PresentationResult result = Await.result(VERIFIER.verifyPresentation(presentation.encode(),
        VerificationPolicy.presentation("n-0S6_WzA2Mj", "https://verifier.example")));
    assertTrue(result.valid(), result.toString());
    assertEquals(Optional.of(CredentialFormat.LDP_VP), result.format());

    PresentationResult replayed = Await.result(VERIFIER.verifyPresentation(presentation.encode(),
        VerificationPolicy.presentation("another-nonce", "https://verifier.example")));
    assertEquals(ReasonCode.CHALLENGE_MISMATCH, replayed.firstFailure().orElseThrow().reason().orElseThrow());
    PresentationResult elsewhere = Await.result(VERIFIER.verifyPresentation(presentation.encode(),
        VerificationPolicy.presentation("n-0S6_WzA2Mj", "https://other.example")));
    assertEquals(ReasonCode.DOMAIN_MISMATCH, elsewhere.firstFailure().orElseThrow().reason().orElseThrow());
  }

  @Test
  void aPresentationOfSomeoneElsesCredentialFailsHolderBinding() {
    JsonObject credential = eddsaSigned(badge(ED25519.did()));
    JsonObject presentation = LdpVpVerifier.present(P256.did(), List.of(credential), P256.key(), P256.kid(),
        "nonce-1", "https://verifier.example", CLOCK.instant(), CANONICALIZER);
    PresentationResult result = Await.result(VERIFIER.verifyPresentation(presentation.encode(),
        VerificationPolicy.presentation("nonce-1", "https://verifier.example")));
    assertEquals(ReasonCode.KEY_BINDING_INVALID, result.firstFailure().orElseThrow().reason().orElseThrow());
  }

  @Test
  void aPresentationWhoseDomainIsASetVerifiesForEachVerifierInIt() {
    // VC Data Integrity 1.0 §2.1: domain is "a string value or an unordered set of string values".
    JsonObject credential = eddsaSigned(badge(ED25519.did()).put("credentialSubject",
        new JsonObject().put("id", P256.did()).put("name", "Food safety level 2")));
    JsonObject presentation = new JsonObject()
        .put("@context", new JsonArray().add("https://www.w3.org/ns/credentials/v2"))
        .put("type", new JsonArray().add("VerifiablePresentation")).put("holder", P256.did())
        .put("verifiableCredential", new JsonArray().add(credential));
    JsonObject options = new JsonObject().put("verificationMethod", P256.kid()).put("proofPurpose", "authentication")
        .put("created", CLOCK.instant().toString()).put("challenge", "nonce-7")
        .put("domain", new JsonArray().add("https://verifier.example").add("https://partner.example"));
    String signed = RdfcCryptosuite.ECDSA_RDFC_2019.sign(presentation, options, P256.key(), CANONICALIZER).encode();

    for (String audience : List.of("https://verifier.example", "https://partner.example")) {
      PresentationResult result = Await.result(VERIFIER.verifyPresentation(signed,
          VerificationPolicy.presentation("nonce-7", audience)));
      assertTrue(result.valid(), result.toString());
    }
    PresentationResult elsewhere = Await.result(VERIFIER.verifyPresentation(signed,
        VerificationPolicy.presentation("nonce-7", "https://other.example")));
    assertEquals(ReasonCode.DOMAIN_MISMATCH, elsewhere.firstFailure().orElseThrow().reason().orElseThrow());
  }

  @Test
  void aDomainThatIsNeitherAStringNorASetOfStringsIsMalformed() {
    JsonObject proof = eddsaSigned(badge(ED25519.did())).getJsonObject("proof");
    for (Object domain : List.of(42, new JsonArray(), new JsonArray().add("https://verifier.example").add(7))) {
      VerificationException refused = org.junit.jupiter.api.Assertions.assertThrows(VerificationException.class,
          () -> DataIntegrityProof.parse(proof.copy().put("domain", domain)));
      assertEquals(ReasonCode.MALFORMED, refused.reason());
    }
    assertEquals(List.of("https://verifier.example"),
        DataIntegrityProof.parse(proof.copy().put("domain", "https://verifier.example")).domain());
  }

  @Test
  void aVcdm2CredentialHasNoIssuanceTimeOnlyValidFrom() {
    VerificationResult result = verify(eddsaSigned(badge(ED25519.did())), VerificationPolicy.importing());
    assertEquals(Optional.empty(), result.credential().orElseThrow().issuedAt());
    assertEquals(Optional.of(CLOCK.instant().minus(Duration.ofDays(30))), result.credential().orElseThrow().validFrom());
  }

  @Test
  void aVcdm11CredentialWasIssuedAtItsIssuanceDate() {
    java.time.Instant issuance = CLOCK.instant().minus(Duration.ofDays(3));
    JsonObject v1 = new JsonObject()
        .put("@context", new JsonArray().add("https://www.w3.org/2018/credentials/v1")
            .add("https://www.w3.org/2018/credentials/examples/v1").add("https://w3id.org/security/data-integrity/v2"))
        .put("type", new JsonArray().add("VerifiableCredential").add("UniversityDegreeCredential"))
        .put("issuer", ED25519.did())
        .put("issuanceDate", issuance.toString())
        .put("credentialSubject", new JsonObject().put("id", "did:example:learner")
            .put("degree", new JsonObject().put("type", "BachelorDegree").put("name", "BSc")));
    VerificationResult result = verify(eddsaSigned(v1), VerificationPolicy.importing());
    assertEquals(Optional.of(issuance), result.credential().orElseThrow().issuedAt());
    assertEquals(Optional.of(issuance), result.credential().orElseThrow().validFrom());
  }

  @Test
  void aTypeValueThatIsNotAStringIsMalformed() {
    // VCDM 2.0 §4.5: each type is a term or a URL string. Signed as given: the refusal comes before any proof.
    JsonObject mistyped = eddsaSigned(badge(ED25519.did()));
    mistyped.put("type", new JsonArray().add("VerifiableCredential").add(42));
    refused(mistyped, ReasonCode.MALFORMED);
    refused(eddsaSigned(badge(ED25519.did())).put("type", new JsonObject().put("id", "VerifiableCredential")),
        ReasonCode.MALFORMED);
  }
}
