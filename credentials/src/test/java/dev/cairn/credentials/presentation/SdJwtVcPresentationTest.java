package dev.cairn.credentials.presentation;

import static dev.cairn.credentials.presentation.Fixtures.AUDIENCE;
import static dev.cairn.credentials.presentation.Fixtures.CANONICALIZER;
import static dev.cairn.credentials.presentation.Fixtures.CLOCK;
import static dev.cairn.credentials.presentation.Fixtures.NONCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.SignedJWT;
import dev.cairn.credentials.CredentialFormat;
import dev.cairn.credentials.Issuers.DidJwkIssuer;
import dev.cairn.credentials.VerificationPolicy;
import dev.cairn.credentials.VerificationResult;
import dev.cairn.credentials.VerifierUnderTest;
import dev.cairn.credentials.dcql.ClaimsPath;
import dev.cairn.credentials.presentation.PresentationException.Reason;
import dev.cairn.credentials.sdjwt.HashAlgorithm;
import dev.cairn.credentials.sdjwt.StructuredSdJwt;
import dev.cairn.did.testing.Await;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** SD-JWT VC specifics: the KB-JWT (RFC 9901 §4.3), the cnf forms, and what is refused. */
class SdJwtVcPresentationTest {
  @RegisterExtension
  static final VerifierUnderTest VERIFIER = new VerifierUnderTest(CLOCK, CANONICALIZER);
  private static final PresentationBuilder BUILDER = new PresentationBuilder(CLOCK, CANONICALIZER);
  private static final DidJwkIssuer ISSUER = DidJwkIssuer.generate();
  private static final Holder HOLDER = Fixtures.p256Holder();

  private static String issue(JsonObject cnf) {
    long now = CLOCK.instant().getEpochSecond();
    JsonObject claims = new JsonObject().put("iss", ISSUER.did()).put("vct", "https://cairn.dev/vct/food-safety")
        .put("iat", now).put("exp", now + 3600).put("given_name", "Ada").put("family_name", "Lovelace");
    if (cnf != null) {
      claims.put("cnf", cnf);
    }
    return StructuredSdJwt.issue(ISSUER, claims, Set.of(ClaimsPath.of("given_name"), ClaimsPath.of("family_name")), 0);
  }

  private static String boundToHolder() {
    return issue(new JsonObject().put("jwk", new JsonObject(HOLDER.publicKey().toJSONObject())));
  }

  @Test
  void theKeyBindingJwtIsTypedAndBindsNonceAudienceTimeAndThePresentedSdJwt() throws Exception {
    Presentation presentation = BUILDER.build(boundToHolder(), CredentialFormat.SD_JWT_VC,
        List.of(ClaimsPath.of("given_name")), HOLDER, NONCE, AUDIENCE);

    String text = presentation.text();
    String withoutKeyBinding = text.substring(0, text.lastIndexOf('~') + 1);
    SignedJWT keyBinding = SignedJWT.parse(text.substring(text.lastIndexOf('~') + 1));
    assertEquals("kb+jwt", keyBinding.getHeader().getType().getType());
    assertEquals(HOLDER.algorithm(), keyBinding.getHeader().getAlgorithm());
    assertEquals(NONCE, keyBinding.getJWTClaimsSet().getStringClaim("nonce"));
    assertEquals(List.of(AUDIENCE), keyBinding.getJWTClaimsSet().getAudience());
    assertEquals(CLOCK.instant().getEpochSecond(), keyBinding.getJWTClaimsSet().getIssueTime().toInstant().getEpochSecond());
    assertEquals(HashAlgorithm.SHA_256.digest(withoutKeyBinding), keyBinding.getJWTClaimsSet().getStringClaim("sd_hash"));
    assertEquals(2, withoutKeyBinding.split("~", -1).length - 1, "the issuer JWT and one disclosure");
  }

  @Test
  void aCnfKidNamingTheHoldersDidIsBoundToTheHolder() {
    String credential = issue(new JsonObject().put("kid", HOLDER.verificationMethod()));

    Presentation presentation = BUILDER.build(credential, CredentialFormat.SD_JWT_VC, List.of(ClaimsPath.of("given_name")),
        HOLDER, NONCE, AUDIENCE);
    VerificationResult result = Await.result(VERIFIER.verify(presentation.text(),
        VerificationPolicy.presentation(NONCE, AUDIENCE)));
    assertTrue(result.valid(), result::toString);
  }

  @Test
  void aCnfKidNamingAnotherDidIsRefused() {
    String credential = issue(new JsonObject().put("kid", Fixtures.p256Holder().verificationMethod()));

    assertEquals(Reason.BOUND_TO_ANOTHER_HOLDER, refusal(credential, List.of()));
  }

  @Test
  void aCredentialWithoutCnfCannotCarryAKeyBindingJwt() {
    assertEquals(Reason.NOT_HOLDER_BOUND, refusal(issue(null), List.of()));
  }

  @Test
  void aConsentedClaimTheCredentialDoesNotHaveIsRefused() {
    assertEquals(Reason.CLAIM_NOT_IN_CREDENTIAL, refusal(boundToHolder(), List.of(ClaimsPath.of("birthdate"))));
    assertEquals(Reason.CLAIM_NOT_IN_CREDENTIAL, refusal(boundToHolder(), List.of(ClaimsPath.of("given_name", 0))));
  }

  @Test
  void aWildcardIsNoConsent() {
    String credential = boundToHolder();

    assertEquals(Reason.CLAIM_NOT_IN_CREDENTIAL, refusal(credential, List.of(ClaimsPath.of("cnf", null))));
  }

  @Test
  void thePreviewNamesWhatAlwaysLeavesAndWhatOnlyConsentReleases() {
    DisclosedClaims nothing = BUILDER.preview(boundToHolder(), CredentialFormat.SD_JWT_VC, List.of());

    assertTrue(nothing.selectiveDisclosure());
    assertTrue(nothing.alwaysDisclosed().containsAll(List.of(ClaimsPath.of("iss"), ClaimsPath.of("vct"),
        ClaimsPath.of("cnf", "jwk", "x"))), nothing.alwaysDisclosed()::toString);
    assertFalse(nothing.alwaysDisclosed().contains(ClaimsPath.of("given_name")));
    assertFalse(nothing.claims().containsKey("given_name"));
  }

  private static Reason refusal(String credential, List<ClaimsPath> consent) {
    return assertThrows(PresentationException.class, () -> BUILDER.build(credential, CredentialFormat.SD_JWT_VC,
        consent, HOLDER, NONCE, AUDIENCE)).reason();
  }
}
