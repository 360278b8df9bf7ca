package dev.cairn.credentials.jose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.credentials.VerifierUnderTest;
import dev.cairn.credentials.CredentialFormat;
import dev.cairn.credentials.Issuers.DidJwkIssuer;
import dev.cairn.credentials.PresentationResult;
import dev.cairn.credentials.ReasonCode;
import dev.cairn.credentials.VerificationPolicy;
import dev.cairn.did.testing.Await;
import dev.cairn.did.testing.TestClock;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class JwtVpVerifierTest {
  private static final TestClock CLOCK = new TestClock();
  private static final DidJwkIssuer ISSUER = DidJwkIssuer.generate();
  private static final DidJwkIssuer HOLDER = DidJwkIssuer.generate();
  private static final VerificationPolicy REQUEST = VerificationPolicy.presentation("nonce-42", "https://employer.example");
  @RegisterExtension
  static final VerifierUnderTest VERIFIER = new VerifierUnderTest(CLOCK);

  private static String credentialAbout(String subject) {
    return credentialAbout(subject, "ExampleTrainingRecord");
  }

  private static String credentialAbout(String subject, String type) {
    JsonObject vc = new JsonObject().put("@context", new JsonArray().add("https://www.w3.org/ns/credentials/v2"))
        .put("type", new JsonArray().add("VerifiableCredential").add(type)).put("issuer", ISSUER.did())
        .put("credentialSubject", new JsonObject().put("id", subject).put("achievement", "Food Safety"));
    return ISSUER.sign(ISSUER.header("vc+jwt").build(), vc);
  }

  private static String vp11(String credential, String nonce, String aud) {
    JsonObject vp = new JsonObject().put("@context", new JsonArray().add("https://www.w3.org/2018/credentials/v1"))
        .put("type", new JsonArray().add("VerifiablePresentation"))
        .put("verifiableCredential", new JsonArray().add(credential));
    return HOLDER.sign(HOLDER.header("JWT").build(), new JsonObject().put("iss", HOLDER.did()).put("aud", aud)
        .put("nonce", nonce).put("vp", vp));
  }

  private static String vp2(JsonObject envelopedOrOther, String nonce) {
    JsonObject vp = new JsonObject().put("@context", new JsonArray().add("https://www.w3.org/ns/credentials/v2"))
        .put("type", new JsonArray().add("VerifiablePresentation")).put("holder", HOLDER.did())
        .put("verifiableCredential", new JsonArray().add(envelopedOrOther))
        .put("nonce", nonce).put("aud", "https://employer.example");
    return HOLDER.sign(HOLDER.header("vp+jwt").build(), vp);
  }

  private static JsonObject enveloped(String vcJwt) {
    return new JsonObject().put("@context", new JsonArray().add("https://www.w3.org/ns/credentials/v2"))
        .put("type", "EnvelopedVerifiableCredential").put("id", "data:application/vc+jwt," + vcJwt);
  }

  @Test
  void aVcdm11JwtPresentationOfTheHoldersOwnCredentialVerifies() {
    PresentationResult result = Await.result(VERIFIER.verifyPresentation(
        vp11(credentialAbout(HOLDER.did()), "nonce-42", "https://employer.example"), REQUEST));
    assertTrue(result.valid(), result.toString());
    assertEquals(Optional.of(CredentialFormat.JWT_VP_JSON), result.format());
    assertEquals(Optional.of(HOLDER.did()), result.holder());
    assertEquals(1, result.credentials().size());
    assertTrue(result.credentials().get(0).valid());
  }

  @Test
  void aVp2WithAnEnvelopedCredentialVerifies() {
    PresentationResult result = Await.result(VERIFIER.verifyPresentation(
        vp2(enveloped(credentialAbout(HOLDER.did())), "nonce-42"), REQUEST));
    assertTrue(result.valid(), result.toString());
    assertEquals(Optional.of(CredentialFormat.VP_JWT), result.format());
  }

  @Test
  void aWrongNonceOrAudienceIsRefused() {
    assertReason(vp11(credentialAbout(HOLDER.did()), "replayed-nonce", "https://employer.example"), ReasonCode.KEY_BINDING_INVALID);
    assertReason(vp11(credentialAbout(HOLDER.did()), "nonce-42", "https://someone.else"), ReasonCode.KEY_BINDING_INVALID);
    assertReason(vp2(enveloped(credentialAbout(HOLDER.did())), "replayed-nonce"), ReasonCode.KEY_BINDING_INVALID);
  }

  @Test
  void someoneElsesCredentialCannotBePresented() {
    assertReason(vp11(credentialAbout("did:example:another-learner"), "nonce-42", "https://employer.example"),
        ReasonCode.KEY_BINDING_INVALID);
  }

  @Test
  void aPresentationSignedByAnotherKeyThanTheHoldersIsRefused() {
    DidJwkIssuer thief = DidJwkIssuer.generate();
    JsonObject vp = new JsonObject().put("@context", new JsonArray().add("https://www.w3.org/2018/credentials/v1"))
        .put("type", new JsonArray().add("VerifiablePresentation"))
        .put("verifiableCredential", new JsonArray().add(credentialAbout(HOLDER.did())));
    String forged = thief.sign(HOLDER.header("JWT").build(), new JsonObject().put("iss", HOLDER.did())
        .put("aud", "https://employer.example").put("nonce", "nonce-42").put("vp", vp));
    assertReason(forged, ReasonCode.SIGNATURE_INVALID);
  }

  @Test
  void aPresentedOpenBadgeIsHeldToItsSchemaUnderThePresentationPolicy() {
    // Typed OpenBadgeCredential, but no OB context and a string achievement: not an OB 3.0 credential's shape.
    PresentationResult result = Await.result(VERIFIER.verifyPresentation(
        vp2(enveloped(credentialAbout(HOLDER.did(), "OpenBadgeCredential")), "nonce-42"), REQUEST));
    assertFalse(result.valid());
    assertEquals(ReasonCode.SCHEMA_INVALID,
        result.credentials().get(0).firstFailure().orElseThrow().reason().orElseThrow());
  }

  @Test
  void aTamperedCredentialInsideMakesThePresentationInvalid() {
    String[] parts = credentialAbout(HOLDER.did()).split("\\.");
    String tampered = parts[0] + "." + parts[1].substring(0, parts[1].length() - 4) + "AAAA" + "." + parts[2];
    PresentationResult result = Await.result(VERIFIER.verifyPresentation(
        vp11(tampered, "nonce-42", "https://employer.example"), REQUEST));
    assertFalse(result.valid());
    assertFalse(result.credentials().get(0).valid());
  }

  @Test
  void aVp2CarryingAnythingButEnvelopedCredentialsIsRefused() {
    assertReason(vp2(new JsonObject().put("type", "VerifiableCredential"), "nonce-42"), ReasonCode.UNSUPPORTED_FORMAT);
  }

  @Test
  void aMistypedClaimIsAReasonNotAnError() {
    JsonObject vp = new JsonObject().put("@context", new JsonArray().add("https://www.w3.org/2018/credentials/v1"))
        .put("type", new JsonArray().add("VerifiablePresentation"))
        .put("verifiableCredential", new JsonArray().add(credentialAbout(HOLDER.did())));
    String stringExp = HOLDER.signRaw(HOLDER.header("JWT").build(), new JsonObject().put("iss", HOLDER.did())
        .put("aud", "https://employer.example").put("nonce", "nonce-42").put("exp", "tomorrow").put("vp", vp));
    assertReason(stringExp, ReasonCode.MALFORMED);
  }

  private static void assertReason(String vp, ReasonCode reason) {
    PresentationResult result = Await.result(VERIFIER.verifyPresentation(vp, REQUEST));
    assertFalse(result.valid(), "expected " + reason);
    assertEquals(reason, result.firstFailure().orElseThrow().reason().orElseThrow(), result.toString());
  }
}
