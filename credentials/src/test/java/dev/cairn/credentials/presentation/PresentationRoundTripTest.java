package dev.cairn.credentials.presentation;

import static dev.cairn.credentials.presentation.Fixtures.AUDIENCE;
import static dev.cairn.credentials.presentation.Fixtures.CANONICALIZER;
import static dev.cairn.credentials.presentation.Fixtures.CLOCK;
import static dev.cairn.credentials.presentation.Fixtures.NONCE;
import static dev.cairn.credentials.presentation.Fixtures.QUERY_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.credentials.CheckResult;
import dev.cairn.credentials.CredentialFormat;
import dev.cairn.credentials.PresentationResult;
import dev.cairn.credentials.VerificationPolicy;
import dev.cairn.credentials.VerificationResult;
import dev.cairn.credentials.VerifierUnderTest;
import dev.cairn.credentials.dcql.ClaimsPath;
import dev.cairn.credentials.dcql.CredentialQueryMatch;
import dev.cairn.credentials.dcql.DcqlMatch;
import dev.cairn.credentials.dcql.DcqlMatcher;
import dev.cairn.credentials.dcql.DcqlResponseCheck;
import dev.cairn.credentials.dcql.PresentedCredential;
import dev.cairn.credentials.presentation.Fixtures.Format;
import dev.cairn.did.testing.Await;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The whole exchange for every format and both holder key types: the wallet imports the credential, matches the
 * employer's DCQL query, presents exactly the matched claims for the employer's nonce and Client Identifier; the
 * verifier verifies the presentation and checks the query on what was disclosed.
 */
class PresentationRoundTripTest {
  @RegisterExtension
  static final VerifierUnderTest VERIFIER = new VerifierUnderTest(CLOCK, CANONICALIZER);
  private static final PresentationBuilder BUILDER = new PresentationBuilder(CLOCK, CANONICALIZER);

  /** One format presented with one kind of holder key. */
  record Case(Format format, String keyType, Supplier<Holder> newHolder, Holder holder) {
    @Override
    public String toString() {
      return format + ", " + keyType + " holder";
    }
  }

  static Stream<Case> cases() {
    return Fixtures.all().stream().flatMap(format -> Stream.of(
        new Case(format, "P-256", Fixtures::p256Holder, Fixtures.p256Holder()),
        new Case(format, "Ed25519", Fixtures::ed25519Holder, Fixtures.ed25519Holder())));
  }

  /** The wallet: verify on import, match the query, consent to what matched (the claims the query asks for). */
  private static List<ClaimsPath> consentFor(Case c, String credential) {
    VerificationResult imported = Await.result(VERIFIER.verify(credential, VerificationPolicy.importing()));
    assertTrue(imported.valid(), imported::toString);
    DcqlMatch match = DcqlMatcher.match(c.format().query(),
        List.of(DcqlCredentials.candidate("wallet-credential-1", imported.credential().orElseThrow(), true)));
    assertTrue(match.satisfiable(), match::toString);
    CredentialQueryMatch answer = match.credentialQuery(QUERY_ID).orElseThrow();
    return answer.matches().get(0).disclosedClaims();
  }

  /** The verifier's verdict: valid or not, and what each presented credential disclosed. */
  private record Verdict(boolean valid, String detail, List<PresentedCredential> credentials) {}

  private static Verdict verify(Presentation presentation, String nonce, String audience) {
    VerificationPolicy policy = VerificationPolicy.presentation(nonce, audience);
    if (presentation.format() == CredentialFormat.SD_JWT_VC) {
      VerificationResult result = Await.result(VERIFIER.verify(presentation.text(), policy));
      return new Verdict(result.valid(), result.toString(),
          result.valid() ? List.of(DcqlCredentials.presented(result)) : List.of());
    }
    PresentationResult result = Await.result(VERIFIER.verifyPresentation(presentation.text(), policy));
    return new Verdict(result.valid(), result.firstFailure().map(CheckResult::detail).orElse(result.toString()),
        result.valid() ? DcqlCredentials.presented(result) : List.of());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void thePresentationVerifiesForTheRequestAndSatisfiesTheQuery(Case c) {
    String credential = c.format().issueTo(c.holder());
    Presentation presentation = BUILDER.build(credential, c.format().format(), consentFor(c, credential), c.holder(),
        NONCE, AUDIENCE);

    Verdict verdict = verify(presentation, NONCE, AUDIENCE);
    assertTrue(verdict.valid(), verdict.detail());
    DcqlResponseCheck.Result check = DcqlResponseCheck.check(c.format().query(),
        Map.of(QUERY_ID, verdict.credentials()));
    assertTrue(check.satisfied(), check.problems()::toString);
    assertTrue(verdict.credentials().get(0).holderBindingVerified());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void nothingTheQueryDidNotAskForLeavesWhenTheFormatCanWithholdIt(Case c) {
    String credential = c.format().issueTo(c.holder());
    Presentation presentation = BUILDER.build(credential, c.format().format(), consentFor(c, credential), c.holder(),
        NONCE, AUDIENCE);

    String readable = Exposure.readable(presentation);
    String issued = Exposure.readable(credential);
    for (String value : c.format().withheld()) {
      assertTrue(issued.contains(value), "the search finds " + value + " in the credential as issued");
    }
    for (String value : c.format().requested()) {
      assertTrue(readable.contains(value), "the requested " + value + " leaves");
    }
    for (String value : c.format().withheld()) {
      assertFalse(readable.contains(value), "the unrequested " + value + " must not leave");
    }
    assertEquals(!c.format().withheld().isEmpty(), presentation.disclosed().selectiveDisclosure());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void anotherNonceOrAnotherAudienceIsRefusedByTheVerifier(Case c) {
    String credential = c.format().issueTo(c.holder());
    Presentation presentation = BUILDER.build(credential, c.format().format(), consentFor(c, credential), c.holder(),
        NONCE, AUDIENCE);

    assertFalse(verify(presentation, "a-replayed-nonce", AUDIENCE).valid(), "another nonce");
    assertFalse(verify(presentation, NONCE, "x509_san_dns:someone-else.example").valid(), "another audience");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void aCredentialBoundToAnotherHolderIsRefusedBeforeAnythingIsSigned(Case c) {
    String someoneElses = c.format().issueTo(c.newHolder().get());

    PresentationException refused = assertThrows(PresentationException.class, () -> BUILDER.build(someoneElses,
        c.format().format(), List.of(), c.holder(), NONCE, AUDIENCE));
    assertEquals(PresentationException.Reason.BOUND_TO_ANOTHER_HOLDER, refused.reason());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void thePreviewIsExactlyWhatTheVerifierSees(Case c) {
    String credential = c.format().issueTo(c.holder());
    List<ClaimsPath> consent = consentFor(c, credential);

    DisclosedClaims preview = BUILDER.preview(credential, c.format().format(), consent);
    Presentation presentation = BUILDER.build(credential, c.format().format(), consent, c.holder(), NONCE, AUDIENCE);
    Verdict verdict = verify(presentation, NONCE, AUDIENCE);
    assertTrue(verdict.valid(), verdict.detail());
    assertEquals(preview, presentation.disclosed());
    assertEquals(preview.claims(), verdict.credentials().get(0).disclosedClaims());
  }
}
