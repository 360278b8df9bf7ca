package dev.cairn.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.util.Base64URL;
import dev.cairn.credentials.Issuers.DidJwkIssuer;
import dev.cairn.credentials.sdjwt.SdJwtBuilder;
import dev.cairn.did.testing.Await;
import dev.cairn.did.testing.TestClock;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Format detection and dispatch: every input gets a result listing all seven checks. */
class CredentialVerifierTest {
  private static final TestClock CLOCK = new TestClock();
  private static final DidJwkIssuer ISSUER = DidJwkIssuer.generate();
  @RegisterExtension
  static final VerifierUnderTest VERIFIER = new VerifierUnderTest(CLOCK);

  @Test
  void anSdJwtVcAndAVcJwtAreEachRoutedToTheirVerifier() throws Exception {
    JsonObject claims = new JsonObject().put("iss", ISSUER.did()).put("vct", "https://credentials.example/badge")
        .put("name", "Ada");
    String sdJwt = new SdJwtBuilder(claims, Set.of("name"), Set.of()).sign(ISSUER.header("dc+sd-jwt"),
        new ECDSASigner(ISSUER.key()));
    VerificationResult sd = Await.result(VERIFIER.verify(sdJwt, VerificationPolicy.importing()));
    assertTrue(sd.valid(), sd.toString());
    assertEquals(Optional.of(CredentialFormat.SD_JWT_VC), sd.format());

    JsonObject vc = new JsonObject().put("@context", new JsonArray().add("https://www.w3.org/ns/credentials/v2"))
        .put("type", new JsonArray().add("VerifiableCredential")).put("issuer", ISSUER.did())
        .put("credentialSubject", new JsonObject().put("name", "Ada"));
    VerificationResult jwt = Await.result(VERIFIER.verify(ISSUER.sign(ISSUER.header("vc+jwt").build(), vc),
        VerificationPolicy.importing()));
    assertTrue(jwt.valid(), jwt.toString());
    assertEquals(Optional.of(CredentialFormat.VC_JWT), jwt.format());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "empty|''|UNKNOWN_FORMAT",
      "plain text|hello world|UNKNOWN_FORMAT",
      "json without proof|{\"type\":[\"VerifiableCredential\"]}|UNSIGNED",
      "malformed json|{\"type\": |MALFORMED",
      "a jwt that is no credential|eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln|UNKNOWN_FORMAT",
      "alg none|eyJhbGciOiJub25lIn0.eyJ2YyI6e319.|UNSIGNED"})
  void unrecognisedOrUnsignedInputGetsAClearReason(String name, String input, ReasonCode reason) {
    VerificationResult result = Await.result(VERIFIER.verify(input, VerificationPolicy.importing()));
    assertFalse(result.valid());
    assertEquals(reason, result.firstFailure().orElseThrow().reason().orElseThrow());
    assertEquals(7, result.checks().size(), "every check is listed, the unreached ones as skipped");
  }

  @Test
  void aJsonLdCredentialGoesToDataIntegrityAndAPresentationToItsOwnEntryPoint() {
    String ldp = new JsonObject().put("type", new JsonArray().add("VerifiableCredential"))
        .put("proof", new JsonObject().put("type", "DataIntegrityProof")).encode();
    VerificationResult result = Await.result(VERIFIER.verify(ldp, VerificationPolicy.importing()));
    assertEquals(Optional.of(CredentialFormat.LDP_VC), result.format());
    assertEquals(ReasonCode.MALFORMED, result.firstFailure().orElseThrow().reason().orElseThrow(),
        "no VCDM @context: refused by the Data Integrity verifier's reading");
    String ldpVp = new JsonObject().put("type", new JsonArray().add("VerifiablePresentation"))
        .put("proof", new JsonObject()).encode();
    VerificationResult vpResult = Await.result(VERIFIER.verify(ldpVp, VerificationPolicy.importing()));
    assertEquals(Optional.of(CredentialFormat.LDP_VP), vpResult.format());
    assertEquals(ReasonCode.UNSUPPORTED_FORMAT, vpResult.firstFailure().orElseThrow().reason().orElseThrow());
    String vp = "eyJhbGciOiJFUzI1NiJ9." + Base64URL.encode("{\"vp\":{}}") + ".c2ln";
    assertEquals(Optional.of(CredentialFormat.JWT_VP_JSON),
        Await.result(VERIFIER.verify(vp, VerificationPolicy.importing())).format());
  }
}
