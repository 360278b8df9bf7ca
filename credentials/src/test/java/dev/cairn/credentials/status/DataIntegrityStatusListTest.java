package dev.cairn.credentials.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.credentials.Check;
import dev.cairn.credentials.CheckResult;
import dev.cairn.credentials.CredentialVerifier;
import dev.cairn.credentials.CryptoPool;
import dev.cairn.credentials.Issuers.DidJwkIssuer;
import dev.cairn.credentials.Issuers.DidKeyEd25519Issuer;
import dev.cairn.credentials.Outcome;
import dev.cairn.credentials.ReasonCode;
import dev.cairn.credentials.VerificationPolicy;
import dev.cairn.credentials.VerificationResult;
import dev.cairn.credentials.dataintegrity.RdfcCryptosuite;
import dev.cairn.credentials.dataintegrity.StatusListProofVerifier;
import dev.cairn.credentials.jose.IssuerKeys;
import dev.cairn.credentials.jsonld.CanonicalizationLimits;
import dev.cairn.credentials.jsonld.PinnedContexts;
import dev.cairn.credentials.jsonld.RdfCanonicalizer;
import dev.cairn.did.DidResolver;
import dev.cairn.did.fetch.FetchPolicy;
import dev.cairn.did.fetch.HardenedFetch;
import dev.cairn.did.testing.Await;
import dev.cairn.did.testing.TestClock;
import dev.cairn.did.testing.TestHttpsServer;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bitstring Status List credentials secured with Data Integrity (JSON-LD, eddsa-rdfc-2022 and ecdsa-rdfc-2019),
 * served by a real HTTPS server on loopback and signed in the test: the status of an ldp_vc Open Badge and of a
 * vc+jwt credential, and each way such a list must fail to be trusted (status unknown, never valid).
 */
class DataIntegrityStatusListTest {
  private static final AtomicInteger NEXT = new AtomicInteger();
  private static final TestClock CLOCK = new TestClock();
  private static final DidKeyEd25519Issuer ED25519 = DidKeyEd25519Issuer.generate();
  private static final DidJwkIssuer P256 = DidJwkIssuer.generate();
  private static final DidKeyEd25519Issuer OTHER = DidKeyEd25519Issuer.generate();
  private static final RdfCanonicalizer CANONICALIZER =
      new RdfCanonicalizer(PinnedContexts.bundled(), CanonicalizationLimits.DEFAULT);
  /** 16 KiB (the spec's minimum) with index 1 set: MSB first, so 0b0100_0000 in byte 0. */
  private static final byte[] INDEX_1_SET = new byte[16 * 1024];
  private static Vertx vertx;
  private static TestHttpsServer server;
  private static CredentialVerifier verifier;
  private static StatusListProofVerifier listProofs;

  static {
    INDEX_1_SET[0] = (byte) 0b0100_0000;
  }

  @BeforeAll
  static void start(@TempDir Path dir) {
    vertx = Vertx.vertx();
    server = new TestHttpsServer(vertx);
    HardenedFetch fetch = new HardenedFetch(vertx, FetchPolicy.defaults().allowingPrivateHosts(Set.of("localhost"))
        .trusting(server.certificate.writeCertificate(dir)).withMaxBodyBytes(64 * 1024));
    WorkerExecutor crypto = vertx.createSharedWorkerExecutor("di-status-test-crypto", 2);
    DidResolver resolver = DidResolver.create(fetch, CLOCK);
    verifier = new CredentialVerifier(resolver, fetch, crypto, CLOCK, CANONICALIZER);
    listProofs = new StatusListProofVerifier(new IssuerKeys(resolver, fetch, CLOCK), new CryptoPool(crypto),
        CANONICALIZER, CLOCK);
  }

  @AfterAll
  static void stop() {
    server.close();
    vertx.close();
  }

  @Test
  void anLdpVcBadgeWhoseListIsSecuredWithEddsaIsValidRevokedOrSuspended() {
    String revocation = serve(eddsaSigned(list(ED25519.did(), "revocation", INDEX_1_SET), ED25519));
    String suspension = serve(eddsaSigned(list(ED25519.did(), "suspension", INDEX_1_SET), ED25519));

    VerificationResult valid = assertStatus(ldpBadge(ED25519, "revocation", 0, revocation), Outcome.PASSED, null);
    assertTrue(valid.valid(), valid.toString());
    assertStatus(ldpBadge(ED25519, "revocation", 1, revocation), Outcome.FAILED, ReasonCode.REVOKED);
    assertStatus(ldpBadge(ED25519, "suspension", 0, suspension), Outcome.PASSED, null);
    assertStatus(ldpBadge(ED25519, "suspension", 1, suspension), Outcome.FAILED, ReasonCode.SUSPENDED);
  }

  @Test
  void aVcJwtWhoseListIsSecuredWithEcdsaIsValidRevokedOrSuspended() {
    String revocation = serve(ecdsaSigned(list(P256.did(), "revocation", INDEX_1_SET), P256));
    String suspension = serve(ecdsaSigned(list(P256.did(), "suspension", INDEX_1_SET), P256));

    assertStatus(vcJwt("revocation", 0, revocation), Outcome.PASSED, null);
    assertStatus(vcJwt("revocation", 1, revocation), Outcome.FAILED, ReasonCode.REVOKED);
    assertStatus(vcJwt("suspension", 0, suspension), Outcome.PASSED, null);
    assertStatus(vcJwt("suspension", 1, suspension), Outcome.FAILED, ReasonCode.SUSPENDED);
  }

  @Test
  void aListIssuedAndSignedByAnotherIssuerMakesTheStatusUnknown() {
    String foreign = serve(eddsaSigned(list(OTHER.did(), "revocation", new byte[16 * 1024]), OTHER));

    VerificationResult result = assertStatus(ldpBadge(ED25519, "revocation", 1, foreign), Outcome.SKIPPED,
        ReasonCode.STATUS_UNKNOWN);
    assertDetailContains(result, "is issued by " + OTHER.did() + ", not by " + ED25519.did());
    assertTrue(result.valid(), "an unknown status is reported; the credential is not refused for it");
  }

  @Test
  void aListNamingTheIssuerButSignedWithAnotherDidsKeyMakesTheStatusUnknown() {
    String forged = serve(eddsaSigned(list(ED25519.did(), "revocation", new byte[16 * 1024]), OTHER));

    VerificationResult result = assertStatus(ldpBadge(ED25519, "revocation", 1, forged), Outcome.SKIPPED,
        ReasonCode.STATUS_UNKNOWN);
    assertDetailContains(result, ReasonCode.ISSUER_KEY_NOT_ISSUERS.code());
  }

  @Test
  void aListWhoseEncodedListChangedAfterSigningMakesTheStatusUnknown() {
    JsonObject signed = eddsaSigned(list(ED25519.did(), "revocation", INDEX_1_SET), ED25519);
    // The attacker's edit: clear index 1, so that a revoked credential would read as valid.
    signed.getJsonObject("credentialSubject").put("encodedList", encodedList(new byte[16 * 1024]));
    String tampered = serve(signed);

    VerificationResult result = assertStatus(ldpBadge(ED25519, "revocation", 1, tampered), Outcome.SKIPPED,
        ReasonCode.STATUS_UNKNOWN);
    assertDetailContains(result, ReasonCode.SIGNATURE_INVALID.code());
  }

  @Test
  void aListForAnotherStatusPurposeMakesTheStatusUnknown() {
    String suspension = serve(eddsaSigned(list(ED25519.did(), "suspension", INDEX_1_SET), ED25519));

    VerificationResult result = assertStatus(ldpBadge(ED25519, "revocation", 1, suspension), Outcome.SKIPPED,
        ReasonCode.STATUS_UNKNOWN);
    assertDetailContains(result, "not a BitstringStatusList for revocation");
  }

  @Test
  void anUnsignedListOrOneSignedForAnotherProofPurposeMakesTheStatusUnknown() {
    String unsigned = serve(list(ED25519.did(), "revocation", new byte[16 * 1024]));
    assertDetailContains(assertStatus(ldpBadge(ED25519, "revocation", 0, unsigned), Outcome.SKIPPED,
        ReasonCode.STATUS_UNKNOWN), ReasonCode.MALFORMED.code() + ": proof must be");

    JsonObject options = proofOptions(ED25519.kid()).put("proofPurpose", "authentication");
    String authentication = serve(RdfcCryptosuite.EDDSA_RDFC_2022.sign(list(ED25519.did(), "revocation",
        new byte[16 * 1024]), options, ED25519.key(), CANONICALIZER));
    assertDetailContains(assertStatus(ldpBadge(ED25519, "revocation", 0, authentication), Outcome.SKIPPED,
        ReasonCode.STATUS_UNKNOWN), ReasonCode.PROOF_PURPOSE_MISMATCH.code());
  }

  @Test
  void anExpiredListOrOneWithoutTheStatusListTypesMakesTheStatusUnknown() {
    JsonObject expired = list(ED25519.did(), "revocation", new byte[16 * 1024])
        .put("validUntil", CLOCK.instant().minus(Duration.ofHours(1)).toString());
    assertDetailContains(assertStatus(ldpBadge(ED25519, "revocation", 0, serve(eddsaSigned(expired, ED25519))),
        Outcome.SKIPPED, ReasonCode.STATUS_UNKNOWN), "not valid now: expired at");

    JsonObject untyped = list(ED25519.did(), "revocation", new byte[16 * 1024])
        .put("type", new JsonArray().add("VerifiableCredential"));
    assertDetailContains(assertStatus(ldpBadge(ED25519, "revocation", 0, serve(eddsaSigned(untyped, ED25519))),
        Outcome.SKIPPED, ReasonCode.STATUS_UNKNOWN), "type does not include BitstringStatusListCredential");

    // Left unsigned: under another subject type statusPurpose is an undefined term, so it cannot even be signed;
    // the list's own rules are checked before its proof.
    JsonObject notAList = list(ED25519.did(), "revocation", new byte[16 * 1024]);
    notAList.getJsonObject("credentialSubject").put("type", "StatusList2021");
    assertDetailContains(assertStatus(ldpBadge(ED25519, "revocation", 0, serve(notAList)),
        Outcome.SKIPPED, ReasonCode.STATUS_UNKNOWN), "credentialSubject is not a BitstringStatusList");
  }

  @Test
  void aFreshListIsFetchedOnceAndAgainAfterFiveMinutesAsVcJwtListsAre() {
    String url = serve(eddsaSigned(list(ED25519.did(), "revocation", INDEX_1_SET), ED25519));
    String path = URI.create(url).getPath();
    for (int i = 0; i < 3; i++) {
      assertStatus(ldpBadge(ED25519, "revocation", 0, url), Outcome.PASSED, null);
    }
    assertEquals(1, server.hits(path), "never fetched per request while fresh");
    CLOCK.advance(Duration.ofSeconds(301));
    assertStatus(ldpBadge(ED25519, "revocation", 1, url), Outcome.FAILED, ReasonCode.REVOKED);
    assertEquals(2, server.hits(path), "the default 5 minutes have passed");
  }

  @Test
  void aListTrustedForOneIssuerIsNotAnsweredFromTheCacheToAnotherIssuersCredential() {
    String url = serve(eddsaSigned(list(ED25519.did(), "revocation", new byte[16 * 1024]), ED25519));
    assertStatus(ldpBadge(ED25519, "revocation", 0, url), Outcome.PASSED, null);

    VerificationResult other = assertStatus(ldpBadge(OTHER, "revocation", 0, url), Outcome.SKIPPED,
        ReasonCode.STATUS_UNKNOWN);
    assertDetailContains(other, "is issued by " + ED25519.did() + ", not by " + OTHER.did());
  }

  @Test
  void aListsProofsAndItsDecodingRunOnTheCryptoPoolNotOnTheEventLoop() {
    JsonObject signed = eddsaSigned(list(ED25519.did(), "revocation", INDEX_1_SET), ED25519);
    Promise<String> readOn = Promise.promise();
    vertx.runOnContext(v -> listProofs.verify(signed, ED25519.did(), unsecured -> Thread.currentThread().getName())
        .onComplete(readOn));
    String thread = Await.result(readOn.future());
    assertTrue(thread.startsWith("di-status-test-crypto"), thread);
  }

  private static VerificationResult assertStatus(String credential, Outcome outcome, ReasonCode reason) {
    VerificationResult result = Await.result(verifier.verify(credential, VerificationPolicy.importing()));
    CheckResult status = result.check(Check.STATUS).orElseThrow();
    assertEquals(outcome, status.outcome(), result.toString());
    if (reason != null) {
      assertEquals(reason, status.reason().orElseThrow(), status.toString());
    }
    return result;
  }

  private static void assertDetailContains(VerificationResult result, String expected) {
    String detail = result.check(Check.STATUS).orElseThrow().detail();
    assertTrue(detail.contains(expected), detail);
  }

  /** An Open Badges 3.0 credential as ldp_vc, signed with eddsa-rdfc-2022 by {@code issuer}. */
  private static String ldpBadge(DidKeyEd25519Issuer issuer, String purpose, int index, String listUrl) {
    JsonObject badge = new JsonObject()
        .put("@context", new JsonArray().add("https://www.w3.org/ns/credentials/v2")
            .add("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"))
        .put("id", "urn:uuid:7c1f0d4e-2b7a-4f0e-9a51-" + String.format("%012d", NEXT.incrementAndGet()))
        .put("type", new JsonArray().add("VerifiableCredential").add("OpenBadgeCredential"))
        .put("name", "Rope access level 1")
        .put("issuer", new JsonObject().put("id", issuer.did()).put("type", new JsonArray().add("Profile"))
            .put("name", "Harbour Rigging School"))
        .put("validFrom", CLOCK.instant().minus(Duration.ofDays(10)).toString())
        .put("credentialSubject", new JsonObject().put("id", "did:example:learner")
            .put("type", new JsonArray().add("AchievementSubject"))
            .put("achievement", new JsonObject().put("id", "https://rigging.example/achievements/rope-1")
                .put("type", new JsonArray().add("Achievement")).put("name", "Rope access level 1")
                .put("description", "Rope access work at height under supervision.")
                .put("criteria", new JsonObject().put("narrative", "Pass the practical assessment."))))
        .put("credentialStatus", entry(purpose, index, listUrl));
    return RdfcCryptosuite.EDDSA_RDFC_2022.sign(badge, proofOptions(issuer.kid()), issuer.key(), CANONICALIZER).encode();
  }

  /** A VCDM 2.0 credential as vc+jwt, signed with ES256 by the did:jwk issuer. */
  private static String vcJwt(String purpose, int index, String listUrl) {
    JsonObject vc = new JsonObject().put("@context", new JsonArray().add("https://www.w3.org/ns/credentials/v2"))
        .put("type", new JsonArray().add("VerifiableCredential")).put("issuer", P256.did())
        .put("credentialSubject", new JsonObject().put("name", "Ada"))
        .put("credentialStatus", entry(purpose, index, listUrl));
    return P256.sign(P256.header("vc+jwt").build(), vc);
  }

  private static JsonObject entry(String purpose, int index, String listUrl) {
    return new JsonObject().put("id", listUrl + "#" + index).put("type", "BitstringStatusListEntry")
        .put("statusPurpose", purpose).put("statusListIndex", Integer.toString(index))
        .put("statusListCredential", listUrl);
  }

  /** An unsigned BitstringStatusListCredential (Bitstring Status List v1.0 §2.2), its id the URL it is served at. */
  private static JsonObject list(String issuer, String purpose, byte[] bits) {
    String url = "https://localhost:" + server.port() + "/di-lists/" + NEXT.incrementAndGet();
    return new JsonObject().put("@context", new JsonArray().add("https://www.w3.org/ns/credentials/v2"))
        .put("id", url).put("type", new JsonArray().add("VerifiableCredential").add("BitstringStatusListCredential"))
        .put("issuer", issuer)
        .put("validFrom", CLOCK.instant().minus(Duration.ofDays(1)).toString())
        .put("credentialSubject", new JsonObject().put("id", url + "#list").put("type", "BitstringStatusList")
            .put("statusPurpose", purpose).put("encodedList", encodedList(bits)));
  }

  private static JsonObject proofOptions(String verificationMethod) {
    return new JsonObject().put("verificationMethod", verificationMethod).put("proofPurpose", "assertionMethod")
        .put("created", CLOCK.instant().minus(Duration.ofDays(1)).toString());
  }

  private static JsonObject eddsaSigned(JsonObject unsecured, DidKeyEd25519Issuer signer) {
    return RdfcCryptosuite.EDDSA_RDFC_2022.sign(unsecured, proofOptions(signer.kid()), signer.key(), CANONICALIZER);
  }

  private static JsonObject ecdsaSigned(JsonObject unsecured, DidJwkIssuer signer) {
    return RdfcCryptosuite.ECDSA_RDFC_2019.sign(unsecured, proofOptions(signer.kid()), signer.key(), CANONICALIZER);
  }

  /** Serves the list credential at its own {@code id}, as VCDM 2.0's media type {@code application/vc}. */
  private static String serve(JsonObject listCredential) {
    String url = listCredential.getString("id");
    String body = listCredential.encodePrettily();
    server.on(URI.create(url).getPath(), request -> request.response().putHeader("Content-Type", "application/vc").end(body));
    return url;
  }

  private static String encodedList(byte[] bits) {
    try {
      ByteArrayOutputStream gz = new ByteArrayOutputStream();
      try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
        out.write(bits);
      }
      return "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(gz.toByteArray());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
