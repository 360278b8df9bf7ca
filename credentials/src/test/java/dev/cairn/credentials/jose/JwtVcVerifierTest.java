package dev.cairn.credentials.jose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.cairn.credentials.CredentialFormat;
import dev.cairn.credentials.Issuers.DidJwkIssuer;
import dev.cairn.credentials.Issuers.DidKeyEd25519Issuer;
import dev.cairn.credentials.ReasonCode;
import dev.cairn.credentials.VerificationPolicy;
import dev.cairn.credentials.VerificationResult;
import dev.cairn.did.DidResolver;
import dev.cairn.did.fetch.FetchPolicy;
import dev.cairn.did.fetch.HardenedFetch;
import dev.cairn.did.testing.Await;
import dev.cairn.did.testing.TestClock;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JwtVcVerifierTest {
  private static Vertx vertx;
  private static JwtVcVerifier verifier;
  private static final TestClock CLOCK = new TestClock();
  private static final DidJwkIssuer ISSUER = DidJwkIssuer.generate();
  private static final DidKeyEd25519Issuer ED_ISSUER = DidKeyEd25519Issuer.generate();

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    HardenedFetch fetch = new HardenedFetch(vertx, FetchPolicy.defaults());
    IssuerKeys keys = new IssuerKeys(DidResolver.create(fetch, CLOCK), fetch, CLOCK);
    dev.cairn.credentials.CryptoPool pool = new dev.cairn.credentials.CryptoPool(vertx.createSharedWorkerExecutor("test-crypto", 2));
    verifier = new JwtVcVerifier(keys, pool, new dev.cairn.credentials.status.StatusChecker(fetch, keys, pool,
        new dev.cairn.credentials.dataintegrity.StatusListProofVerifier(keys, pool, new dev.cairn.credentials.jsonld.RdfCanonicalizer(
            dev.cairn.credentials.jsonld.PinnedContexts.bundled(), dev.cairn.credentials.jsonld.CanonicalizationLimits.DEFAULT), CLOCK),
        CLOCK), CLOCK);
  }

  @AfterAll
  static void stop() {
    vertx.close();
  }

  private static JsonObject vcdm2(String issuer) {
    return new JsonObject()
        .put("@context", new JsonArray().add("https://www.w3.org/ns/credentials/v2"))
        .put("id", "urn:uuid:9b2d1d1e-3a55-4a3c-8f1e-2f0e3c4b5a6d")
        .put("type", new JsonArray().add("VerifiableCredential").add("OpenBadgeCredential"))
        .put("issuer", new JsonObject().put("id", issuer).put("name", "Example Training"))
        .put("validFrom", CLOCK.instant().minusSeconds(3600).toString())
        .put("validUntil", CLOCK.instant().plusSeconds(86_400).toString())
        .put("credentialSubject", new JsonObject().put("id", "did:example:learner")
            .put("achievement", new JsonObject().put("name", "Food Safety Level 2")));
  }

  private static JsonObject vcdm11Payload(String issuer) {
    long now = CLOCK.instant().getEpochSecond();
    JsonObject vc = new JsonObject()
        .put("@context", new JsonArray().add("https://www.w3.org/2018/credentials/v1"))
        .put("type", new JsonArray().add("VerifiableCredential").add("UniversityDegreeCredential"))
        .put("issuer", issuer)
        .put("issuanceDate", Instant.ofEpochSecond(now - 3600).toString())
        .put("credentialSubject", new JsonObject().put("id", "did:example:learner").put("degree", "BSc"));
    return new JsonObject().put("iss", issuer).put("sub", "did:example:learner").put("nbf", now - 3600)
        .put("exp", now + 86_400).put("jti", "urn:uuid:1234").put("vc", vc.put("id", "urn:uuid:1234"));
  }

  @Test
  void aVcdm2VcJwtVerifies() {
    String jwt = ISSUER.sign(ISSUER.header("vc+jwt").build(), vcdm2(ISSUER.did()));
    VerificationResult result = Await.result(verifier.verify(jwt, VerificationPolicy.importing()));
    assertTrue(result.valid(), result.toString());
    assertEquals(CredentialFormat.VC_JWT, result.format().orElseThrow());
    assertEquals(ISSUER.did(), result.credential().orElseThrow().issuer());
    assertTrue(result.credential().orElseThrow().types().contains("OpenBadgeCredential"));
  }

  @Test
  void anEd25519IssuerSigningEdDsaVerifies() {
    JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.EdDSA).type(new JOSEObjectType("vc+jwt")).keyID(ED_ISSUER.kid()).build();
    VerificationResult result = Await.result(verifier.verify(ED_ISSUER.sign(header, vcdm2(ED_ISSUER.did())),
        VerificationPolicy.importing()));
    assertTrue(result.valid(), result.toString());
  }

  @Test
  void aVcdm11JwtVcVerifiesWhenItsClaimsAgree() {
    String jwt = ISSUER.sign(ISSUER.header("JWT").build(), vcdm11Payload(ISSUER.did()));
    VerificationResult result = Await.result(verifier.verify(jwt, VerificationPolicy.importing()));
    assertTrue(result.valid(), result.toString());
    assertEquals(CredentialFormat.JWT_VC_JSON, result.format().orElseThrow());
    assertEquals("did:example:learner", result.credential().orElseThrow().subject().orElseThrow());
  }

  @Test
  void vcdm11ClaimsThatDisagreeAreRefused() {
    assertReason(ISSUER.sign(ISSUER.header("JWT").build(), vcdm11Payload(ISSUER.did()).put("sub", "did:example:other")),
        ReasonCode.CLAIMS_DISAGREE);
    assertReason(ISSUER.sign(ISSUER.header("JWT").build(), vcdm11Payload(ISSUER.did()).put("jti", "urn:uuid:other")),
        ReasonCode.CLAIMS_DISAGREE);
    assertReason(ISSUER.sign(ISSUER.header("JWT").build(), vcdm11Payload(ISSUER.did()).put("nbf", 1)),
        ReasonCode.CLAIMS_DISAGREE);
    JsonObject otherIssuer = vcdm11Payload(ISSUER.did());
    otherIssuer.getJsonObject("vc").put("issuer", "did:example:someone");
    assertReason(ISSUER.sign(ISSUER.header("JWT").build(), otherIssuer), ReasonCode.CLAIMS_DISAGREE);
  }

  @Test
  void mistypedClaimsAreMalformedNotErrors() {
    assertReason(ISSUER.signRaw(ISSUER.header("JWT").build(), vcdm11Payload(ISSUER.did()).put("sub", 42)), ReasonCode.MALFORMED);
    assertReason(ISSUER.signRaw(ISSUER.header("JWT").build(), vcdm11Payload(ISSUER.did()).put("exp", "soon")), ReasonCode.MALFORMED);
  }

  @Test
  void theSigningKeyMustBeTheIssuers() {
    DidJwkIssuer other = DidJwkIssuer.generate();
    assertReason(other.sign(other.header("vc+jwt").build(), vcdm2(ISSUER.did())), ReasonCode.ISSUER_KEY_NOT_ISSUERS);
  }

  @Test
  void validityTypeContextAndAlgorithmRules() {
    assertReason(ISSUER.sign(ISSUER.header("vc+jwt").build(),
        vcdm2(ISSUER.did()).put("validUntil", CLOCK.instant().minusSeconds(120).toString())), ReasonCode.EXPIRED);
    assertReason(ISSUER.sign(ISSUER.header("vc+jwt").build(),
        vcdm2(ISSUER.did()).put("validFrom", CLOCK.instant().plusSeconds(120).toString())), ReasonCode.NOT_YET_VALID);
    assertReason(ISSUER.sign(ISSUER.header("vc+jwt").build(),
        vcdm2(ISSUER.did()).put("type", new JsonArray().add("OpenBadgeCredential"))), ReasonCode.TYPE_MISSING);
    assertReason(ISSUER.sign(ISSUER.header("vc+jwt").build(),
        vcdm2(ISSUER.did()).put("@context", new JsonArray().add("https://www.w3.org/2018/credentials/v1"))),
        ReasonCode.MALFORMED);
    assertReason(ISSUER.sign(ISSUER.header("vc+jwt").build(), vcdm2(ISSUER.did()).put("validUntil", "next tuesday")),
        ReasonCode.MALFORMED);
    try {
      SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(new JOSEObjectType("vc+jwt"))
          .keyID(ISSUER.kid()).build(), JWTClaimsSet.parse(vcdm2(ISSUER.did()).encode()));
      hmac.sign(new MACSigner(new byte[32]));
      assertReason(hmac.serialize(), ReasonCode.ALGORITHM_NOT_ALLOWED);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aVcdm2VcJwtWasIssuedAtItsIat() {
    long iat = CLOCK.instant().minusSeconds(7200).getEpochSecond();
    String jwt = ISSUER.sign(ISSUER.header("vc+jwt").build(), vcdm2(ISSUER.did()).put("iat", iat));
    VerificationResult result = Await.result(verifier.verify(jwt, VerificationPolicy.importing()));
    assertTrue(result.valid(), result.toString());
    assertEquals(Optional.of(Instant.ofEpochSecond(iat)), result.credential().orElseThrow().issuedAt());
    assertEquals(Optional.of(CLOCK.instant().minusSeconds(3600)), result.credential().orElseThrow().validFrom());
  }

  @Test
  void aVcdm2VcJwtWithoutIatHasNoIssuanceTime() {
    String jwt = ISSUER.sign(ISSUER.header("vc+jwt").build(), vcdm2(ISSUER.did()));
    VerificationResult result = Await.result(verifier.verify(jwt, VerificationPolicy.importing()));
    assertEquals(Optional.empty(), result.credential().orElseThrow().issuedAt());
    assertReason(ISSUER.signRaw(ISSUER.header("vc+jwt").build(), vcdm2(ISSUER.did()).put("iat", "yesterday")),
        ReasonCode.MALFORMED);
  }

  @Test
  void typeValuesThatAreNotStringsAreMalformed() {
    assertReason(ISSUER.signRaw(ISSUER.header("vc+jwt").build(), vcdm2(ISSUER.did())
        .put("type", new JsonArray().add("VerifiableCredential").addNull())), ReasonCode.MALFORMED);
    JsonObject vcdm11 = vcdm11Payload(ISSUER.did());
    vcdm11.getJsonObject("vc").put("type", new JsonArray().add("VerifiableCredential").add(new JsonObject()));
    assertReason(ISSUER.signRaw(ISSUER.header("JWT").build(), vcdm11), ReasonCode.MALFORMED);
  }

  private static void assertReason(String jwt, ReasonCode reason) {
    VerificationResult result = Await.result(verifier.verify(jwt, VerificationPolicy.importing()));
    assertFalse(result.valid(), "expected " + reason);
    assertEquals(reason, result.firstFailure().orElseThrow().reason().orElseThrow(), result.firstFailure().toString());
  }
}
