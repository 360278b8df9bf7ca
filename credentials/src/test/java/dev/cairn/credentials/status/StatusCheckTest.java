package dev.cairn.credentials.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.crypto.ECDSASigner;
import dev.cairn.credentials.Check;
import dev.cairn.credentials.CheckResult;
import dev.cairn.credentials.CredentialVerifier;
import dev.cairn.credentials.Issuers.DidJwkIssuer;
import dev.cairn.credentials.Outcome;
import dev.cairn.credentials.ReasonCode;
import dev.cairn.credentials.VerificationPolicy;
import dev.cairn.credentials.VerificationResult;
import dev.cairn.credentials.sdjwt.SdJwtBuilder;
import dev.cairn.did.DidResolver;
import dev.cairn.did.fetch.FetchPolicy;
import dev.cairn.did.fetch.HardenedFetch;
import dev.cairn.did.testing.Await;
import dev.cairn.did.testing.TestClock;
import dev.cairn.did.testing.TestHttpsServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Status lists served by a real HTTPS server on loopback and signed in the test by the credential's issuer. */
class StatusCheckTest {
  private static final AtomicInteger NEXT = new AtomicInteger();
  private static final TestClock CLOCK = new TestClock();
  private static final DidJwkIssuer ISSUER = DidJwkIssuer.generate();
  private static Vertx vertx;
  private static TestHttpsServer server;
  private static CredentialVerifier verifier;

  @BeforeAll
  static void start(@TempDir Path dir) {
    vertx = Vertx.vertx();
    server = new TestHttpsServer(vertx);
    HardenedFetch fetch = new HardenedFetch(vertx, FetchPolicy.defaults().allowingPrivateHosts(Set.of("localhost"))
        .trusting(server.certificate.writeCertificate(dir)).withMaxBodyBytes(64 * 1024));
    verifier = new CredentialVerifier(DidResolver.create(fetch, CLOCK), fetch,
        vertx.createSharedWorkerExecutor("status-test-crypto", 2), CLOCK);
  }

  @AfterAll
  static void stop() {
    server.close();
    vertx.close();
  }

  @Test
  void tokenStatusListValidRevokedAndSuspended() {
    // 2-bit list: index 0 VALID, 1 INVALID, 2 SUSPENDED, 3 application-specific.
    String uri = serveTokenList(ISSUER, 2, new byte[] {(byte) 0b11_10_01_00});
    assertStatus(sdJwtWithStatus(0, uri), Outcome.PASSED, null);
    assertStatus(sdJwtWithStatus(1, uri), Outcome.FAILED, ReasonCode.REVOKED);
    assertStatus(sdJwtWithStatus(2, uri), Outcome.FAILED, ReasonCode.SUSPENDED);
    assertStatus(sdJwtWithStatus(3, uri), Outcome.SKIPPED, ReasonCode.STATUS_UNKNOWN);
  }

  @Test
  void aFreshListIsFetchedOnceAndAgainAfterItsTtl() {
    String uri = serveTokenList(ISSUER, 1, new byte[] {0});
    String path = java.net.URI.create(uri).getPath();
    for (int i = 0; i < 3; i++) {
      assertStatus(sdJwtWithStatus(5, uri), Outcome.PASSED, null);
    }
    assertEquals(1, server.hits(path), "never fetched per request while fresh");
    CLOCK.advance(Duration.ofSeconds(301));
    assertStatus(sdJwtWithStatus(5, uri), Outcome.PASSED, null);
    assertEquals(2, server.hits(path), "ttl 300 s has passed");
  }

  @Test
  void concurrentChecksAgainstOneListShareOneFetch() {
    String uri = serveTokenList(ISSUER, 1, new byte[] {0});
    String path = java.net.URI.create(uri).getPath();
    java.util.List<io.vertx.core.Future<VerificationResult>> all = new java.util.ArrayList<>();
    for (int i = 0; i < 20; i++) {
      all.add(verifier.verify(sdJwtWithStatus(i % 8, uri), VerificationPolicy.importing()));
    }
    all.forEach(future -> assertTrue(Await.result(future).valid()));
    assertEquals(1, server.hits(path));
  }

  @Test
  void anUnreachableOversizedOrWronglySignedListMakesTheStatusUnknownNotValid() {
    String missing = "https://localhost:" + server.port() + "/statuslists/missing";
    VerificationResult unreachable = assertStatus(sdJwtWithStatus(0, missing), Outcome.SKIPPED, ReasonCode.STATUS_UNKNOWN);
    assertTrue(unreachable.valid(), "an unknown status is reported, and the credential is not refused for it");

    String huge = "/statuslists/huge-" + NEXT.incrementAndGet();
    server.on(huge, request -> request.response().putHeader("Content-Type", "application/statuslist+jwt")
        .end("x".repeat(200_000)));
    assertStatus(sdJwtWithStatus(0, "https://localhost:" + server.port() + huge), Outcome.SKIPPED, ReasonCode.STATUS_UNKNOWN);

    DidJwkIssuer forger = DidJwkIssuer.generate();
    String forged = serveTokenListSignedBy(forger, ISSUER.kid(), 1, new byte[] {0});
    VerificationResult result = assertStatus(sdJwtWithStatus(0, forged), Outcome.SKIPPED, ReasonCode.STATUS_UNKNOWN);
    assertTrue(result.check(Check.STATUS).orElseThrow().detail().contains("signature"),
        result.check(Check.STATUS).orElseThrow().detail());
  }

  @Test
  void aListServerThatFailedIsNotAskedAgainForThirtySeconds() {
    String path = "/statuslists/down-" + NEXT.incrementAndGet();
    server.on(path, request -> request.response().setStatusCode(503).end());
    String uri = "https://localhost:" + server.port() + path;
    assertStatus(sdJwtWithStatus(0, uri), Outcome.SKIPPED, ReasonCode.STATUS_UNKNOWN);
    assertStatus(sdJwtWithStatus(1, uri), Outcome.SKIPPED, ReasonCode.STATUS_UNKNOWN);
    assertEquals(1, server.hits(path), "the failure is remembered, not fetched again per credential");
    CLOCK.advance(StatusChecker.FETCH_FAILURE_TTL.plusSeconds(1));
    assertStatus(sdJwtWithStatus(0, uri), Outcome.SKIPPED, ReasonCode.STATUS_UNKNOWN);
    assertEquals(2, server.hits(path), "asked again once the memory has expired");
  }

  @Test
  void bitstringStatusListRevocationAndSuspension() throws Exception {
    byte[] bits = new byte[16 * 1024];
    bits[0] = (byte) 0b0100_0000; // index 1 set
    String revocation = serveBitstringList("revocation", bits);
    String suspension = serveBitstringList("suspension", bits);
    assertStatus(vcWithStatus("revocation", 0, revocation), Outcome.PASSED, null);
    assertStatus(vcWithStatus("revocation", 1, revocation), Outcome.FAILED, ReasonCode.REVOKED);
    assertStatus(vcWithStatus("suspension", 1, suspension), Outcome.FAILED, ReasonCode.SUSPENDED);
  }

  /** VCDM 2.0 §4.10: one entry per purpose; lists built with the issuer-side encoder and documents. */
  @Test
  void aCredentialWithARevocationAndASuspensionEntryIsCheckedAgainstBoth() {
    StatusListEncoder revoked = StatusListEncoder.bitstring(1, 131_072);
    StatusListEncoder suspended = StatusListEncoder.bitstring(1, 131_072);
    revoked.set(10, 1);
    suspended.set(20, 1);
    suspended.set(10, 1);
    String revocation = serveEncodedList(StatusListDocuments.REVOCATION, revoked);
    String suspension = serveEncodedList(StatusListDocuments.SUSPENSION, suspended);
    assertStatus(vcWithEntries(revocation, 30, suspension, 30), Outcome.PASSED, null);
    assertStatus(vcWithEntries(revocation, 30, suspension, 20), Outcome.FAILED, ReasonCode.SUSPENDED);
    assertStatus(vcWithEntries(revocation, 10, suspension, 10), Outcome.FAILED, ReasonCode.REVOKED);
  }

  private static VerificationResult assertStatus(String credential, Outcome outcome, ReasonCode reason) {
    VerificationResult result = Await.result(verifier.verify(credential, VerificationPolicy.importing()));
    CheckResult status = result.check(Check.STATUS).orElseThrow();
    assertEquals(outcome, status.outcome(), status.toString());
    if (reason != null) {
      assertEquals(reason, status.reason().orElseThrow());
    }
    return result;
  }

  private static String sdJwtWithStatus(int index, String uri) {
    JsonObject claims = new JsonObject().put("iss", ISSUER.did()).put("vct", "https://credentials.example/badge")
        .put("status", new JsonObject().put("status_list", new JsonObject().put("idx", index).put("uri", uri)))
        .put("name", "Ada");
    try {
      return new SdJwtBuilder(claims, Set.of("name"), Set.of()).sign(ISSUER.header("dc+sd-jwt"), new ECDSASigner(ISSUER.key()));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String vcWithStatus(String purpose, int index, String listUrl) {
    JsonObject vc = new JsonObject().put("@context", new JsonArray().add("https://www.w3.org/ns/credentials/v2"))
        .put("type", new JsonArray().add("VerifiableCredential")).put("issuer", ISSUER.did())
        .put("credentialSubject", new JsonObject().put("name", "Ada"))
        .put("credentialStatus", new JsonObject().put("type", "BitstringStatusListEntry").put("statusPurpose", purpose)
            .put("statusListIndex", Integer.toString(index)).put("statusListCredential", listUrl));
    return ISSUER.sign(ISSUER.header("vc+jwt").build(), vc);
  }

  private static String vcWithEntries(String revocationList, int revocationIndex, String suspensionList,
                                      int suspensionIndex) {
    JsonObject vc = new JsonObject().put("@context", new JsonArray().add("https://www.w3.org/ns/credentials/v2"))
        .put("type", new JsonArray().add("VerifiableCredential")).put("issuer", ISSUER.did())
        .put("credentialSubject", new JsonObject().put("name", "Ada"))
        .put("credentialStatus", new JsonArray()
            .add(StatusListDocuments.bitstringStatusListEntry(revocationList, "revocation", revocationIndex))
            .add(StatusListDocuments.bitstringStatusListEntry(suspensionList, "suspension", suspensionIndex)));
    return ISSUER.sign(ISSUER.header("vc+jwt").build(), vc);
  }

  private static String serveEncodedList(String purpose, StatusListEncoder list) {
    String path = "/bitstring/" + NEXT.incrementAndGet();
    String url = "https://localhost:" + server.port() + path;
    JsonObject credential = StatusListDocuments.bitstringStatusListCredential(url, ISSUER.did(), purpose,
        CLOCK.instant().minusSeconds(1), CLOCK.instant().plus(Duration.ofDays(1)), Duration.ofMinutes(5), list);
    String jwt = ISSUER.sign(ISSUER.header("vc+jwt").build(), credential);
    server.on(path, request -> request.response().putHeader("Content-Type", "application/vc+jwt").end(jwt));
    return url;
  }

  private static String serveTokenList(DidJwkIssuer issuer, int bits, byte[] statuses) {
    return serveTokenListSignedBy(issuer, issuer.kid(), bits, statuses);
  }

  /** A statuslist+jwt naming {@code kid} as its key, but signed by {@code signer}. */
  private static String serveTokenListSignedBy(DidJwkIssuer signer, String kid, int bits, byte[] statuses) {
    String path = "/statuslists/" + NEXT.incrementAndGet();
    String uri = "https://localhost:" + server.port() + path;
    JsonObject payload = new JsonObject().put("iss", ISSUER.did()).put("sub", uri).put("iat", CLOCK.instant().getEpochSecond())
        .put("ttl", 300).put("status_list", new JsonObject().put("bits", bits).put("lst", zlib(statuses)));
    var header = new com.nimbusds.jose.JWSHeader.Builder(com.nimbusds.jose.JWSAlgorithm.ES256)
        .type(new com.nimbusds.jose.JOSEObjectType("statuslist+jwt")).keyID(kid).build();
    String token = signer.sign(header, payload);
    server.on(path, request -> request.response().putHeader("Content-Type", "application/statuslist+jwt").end(token));
    return uri;
  }

  private static String serveBitstringList(String purpose, byte[] bits) throws Exception {
    String path = "/bitstring/" + NEXT.incrementAndGet();
    String url = "https://localhost:" + server.port() + path;
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(bits);
    }
    JsonObject list = new JsonObject().put("@context", new JsonArray().add("https://www.w3.org/ns/credentials/v2"))
        .put("id", url).put("type", new JsonArray().add("VerifiableCredential").add("BitstringStatusListCredential"))
        .put("issuer", ISSUER.did())
        .put("credentialSubject", new JsonObject().put("id", url + "#list").put("type", "BitstringStatusList")
            .put("statusPurpose", purpose)
            .put("encodedList", "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(gz.toByteArray())));
    String jwt = ISSUER.sign(ISSUER.header("vc+jwt").build(), list);
    server.on(path, request -> request.response().putHeader("Content-Type", "application/vc+jwt").end(jwt));
    return url;
  }

  private static String zlib(byte[] raw) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (DeflaterOutputStream deflate = new DeflaterOutputStream(out)) {
        deflate.write(raw);
      }
      return Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
