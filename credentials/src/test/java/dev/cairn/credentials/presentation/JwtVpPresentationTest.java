package dev.cairn.credentials.presentation;

import static dev.cairn.credentials.presentation.Fixtures.AUDIENCE;
import static dev.cairn.credentials.presentation.Fixtures.CANONICALIZER;
import static dev.cairn.credentials.presentation.Fixtures.CLOCK;
import static dev.cairn.credentials.presentation.Fixtures.NONCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.SignedJWT;
import dev.cairn.credentials.CredentialFormat;
import dev.cairn.credentials.Issuers.DidJwkIssuer;
import dev.cairn.credentials.PresentationResult;
import dev.cairn.credentials.ReasonCode;
import dev.cairn.credentials.VerificationPolicy;
import dev.cairn.credentials.VerifierUnderTest;
import dev.cairn.did.testing.Await;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** VP-JWTs: what the VCDM 1.1 {@code vp} claim and the VC-JOSE-COSE {@code vp+jwt} carry, and for how long. */
class JwtVpPresentationTest {
  @RegisterExtension
  static final VerifierUnderTest VERIFIER = new VerifierUnderTest(CLOCK, CANONICALIZER);
  private static final PresentationBuilder BUILDER = new PresentationBuilder(CLOCK, CANONICALIZER);
  private static final Holder HOLDER = Fixtures.ed25519Holder();

  private static JsonObject payload(Presentation presentation) throws Exception {
    return new JsonObject(SignedJWT.parse(presentation.text()).getPayload().toString());
  }

  private static PresentationResult verify(Presentation presentation) {
    return Await.result(VERIFIER.verifyPresentation(presentation.text(), VerificationPolicy.presentation(NONCE, AUDIENCE)));
  }

  @Test
  void aVcdm11PresentationNamesTheHolderAndTheRequestAndLivesFiveMinutes() throws Exception {
    String credential = Fixtures.JWT_VC_JSON.issueTo(HOLDER);
    Presentation presentation = BUILDER.build(credential, CredentialFormat.JWT_VC_JSON, List.of(), HOLDER, NONCE, AUDIENCE);

    SignedJWT jwt = SignedJWT.parse(presentation.text());
    assertEquals(CredentialFormat.JWT_VP_JSON, presentation.format());
    assertEquals("JWT", jwt.getHeader().getType().getType());
    assertEquals(HOLDER.verificationMethod(), jwt.getHeader().getKeyID());
    JsonObject payload = payload(presentation);
    assertEquals(HOLDER.did(), payload.getString("iss"));
    assertEquals(HOLDER.did(), payload.getJsonObject("vp").getString("holder"));
    assertEquals(new JsonArray().add(credential), payload.getJsonObject("vp").getJsonArray("verifiableCredential"));
    assertEquals(NONCE, payload.getString("nonce"));
    assertEquals(AUDIENCE, payload.getString("aud"));
    assertEquals(CLOCK.instant().getEpochSecond(), payload.getLong("iat"));
    assertEquals(payload.getLong("iat") + 300, payload.getLong("exp"));
    assertTrue(payload.getString("jti").startsWith("urn:uuid:"));
  }

  @Test
  void aVpJwtCarriesTheCredentialEnvelopedAndUnchanged() throws Exception {
    String credential = Fixtures.VC_JWT.issueTo(HOLDER);
    Presentation presentation = BUILDER.build(credential, CredentialFormat.VC_JWT, List.of(), HOLDER, NONCE, AUDIENCE);

    assertEquals(CredentialFormat.VP_JWT, presentation.format());
    assertEquals("vp+jwt", SignedJWT.parse(presentation.text()).getHeader().getType().getType());
    JsonObject enveloped = payload(presentation).getJsonArray("verifiableCredential").getJsonObject(0);
    assertEquals("EnvelopedVerifiableCredential", enveloped.getString("type"));
    assertEquals("data:application/vc+jwt," + credential, enveloped.getString("id"));
  }

  @Test
  void aPresentationPastItsShortLifeIsRefused() {
    PresentationBuilder sevenMinutesAgo = new PresentationBuilder(Clock.offset(CLOCK, Duration.ofMinutes(-7)),
        CANONICALIZER);
    Presentation stale = sevenMinutesAgo.build(Fixtures.VC_JWT.issueTo(HOLDER), CredentialFormat.VC_JWT, List.of(),
        HOLDER, NONCE, AUDIENCE);

    PresentationResult result = verify(stale);
    assertEquals(ReasonCode.EXPIRED, result.firstFailure().orElseThrow().reason().orElseThrow(), result::toString);
  }

  @Test
  void aCredentialAboutTheHoldersDidKeyIsPresentedUnderThatDid() {
    Holder underDidKey = HOLDER.asDidKey();
    Presentation presentation = BUILDER.build(Fixtures.JWT_VC_JSON.issueTo(underDidKey), CredentialFormat.JWT_VC_JSON,
        List.of(), HOLDER, NONCE, AUDIENCE);

    PresentationResult result = verify(presentation);
    assertTrue(result.valid(), result::toString);
    assertEquals(underDidKey.did(), result.holder().orElseThrow());
  }

  @Test
  void aCredentialWithoutSubjectIsPresentedButNotCountedAsHolderBound() {
    DidJwkIssuer issuer = DidJwkIssuer.generate();
    JsonObject vc = new JsonObject().put("@context", new JsonArray().add("https://www.w3.org/2018/credentials/v1"))
        .put("type", new JsonArray().add("VerifiableCredential").add("FoodSafetyCertificate"))
        .put("credentialSubject", new JsonObject().put("achievement", "Food Safety Level 2"));
    String bearer = issuer.sign(issuer.header("JWT").build(), new JsonObject().put("iss", issuer.did()).put("vc", vc));

    PresentationResult result = verify(BUILDER.build(bearer, CredentialFormat.JWT_VC_JSON, List.of(), HOLDER, NONCE,
        AUDIENCE));
    assertTrue(result.valid(), result::toString);
    assertFalse(DcqlCredentials.presented(result).get(0).holderBindingVerified(),
        "anyone holding a bearer credential can wrap it in a VP");
  }
}
