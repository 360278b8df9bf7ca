package dev.cairn.did.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.apicatalog.multibase.Multibase;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import dev.cairn.did.Did;
import dev.cairn.did.DidError;
import dev.cairn.did.DidResolutionException;
import dev.cairn.did.DidResolver;
import dev.cairn.did.PublicKeyMaterial.KeyType;
import dev.cairn.did.ResolvedVerificationMethod;
import dev.cairn.did.VerificationRelationship;
import dev.cairn.did.fetch.FetchException;
import dev.cairn.did.fetch.FetchPolicy;
import dev.cairn.did.fetch.HardenedFetch;
import dev.cairn.did.internal.PublicKeys;
import dev.cairn.did.testing.Await;
import dev.cairn.did.testing.TestClock;
import dev.cairn.did.testing.TestHttpsServer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** did:web against a real HTTPS server on loopback, with a certificate made in the test. */
class DidWebResolutionTest {
  private static final AtomicInteger NEXT = new AtomicInteger();
  private static Vertx vertx;
  private static TestHttpsServer server;
  private static Path trust;
  private static ECKey issuerKey;
  private static byte[] edKey;
  private final TestClock clock = new TestClock();
  private DidResolver resolver;

  @BeforeAll
  static void start(@TempDir Path directory) throws Exception {
    vertx = Vertx.vertx();
    server = new TestHttpsServer(vertx);
    trust = server.certificate.writeCertificate(directory);
    issuerKey = new ECKeyGenerator(Curve.P_256).generate();
    edKey = new Ed25519PrivateKeyParameters(new SecureRandom()).generatePublicKey().getEncoded();
  }

  @AfterAll
  static void stop() {
    server.close();
    vertx.close();
  }

  @BeforeEach
  void newResolver() {
    resolver = DidResolver.create(new HardenedFetch(vertx, policy()), clock);
  }

  @Test
  void theDomainAndPortFormIsFetchedFromWellKnownAndDereferenced() {
    String did = "did:web:localhost%3A" + server.port();
    server.serveJson("/.well-known/did.json", document(did).encode(), null);
    ResolvedVerificationMethod method = Await.result(
        resolver.verificationMethod(did + "#key-1", VerificationRelationship.ASSERTION_METHOD));
    assertEquals(did + "#key-1", method.id(), "the relative id is resolved against the document id");
    assertEquals(KeyType.P256, method.key().type());
    assertEquals(issuerKey.toPublicJWK(), method.key().jwk());
  }

  @Test
  void thePathFormIsFetchedFromItsPath() {
    String path = "/issuers/acme-" + NEXT.incrementAndGet() + "/did.json";
    String did = "did:web:localhost%3A" + server.port() + path.replace("/did.json", "").replace('/', ':');
    server.serveJson(path, document(did).encode(), null);
    assertEquals(did, Await.result(resolver.resolve(Did.parse(did))).id());
    assertEquals(1, server.hits(path));
  }

  @Test
  void ed25519KeysInMultibaseAndBase58FormsDereference() {
    String did = servePath(document(null));
    ResolvedVerificationMethod modern = Await.result(
        resolver.verificationMethod(did + "#ed-2020", VerificationRelationship.ASSERTION_METHOD));
    ResolvedVerificationMethod legacy = Await.result(
        resolver.verificationMethod(did + "#ed-2018", VerificationRelationship.ASSERTION_METHOD));
    assertEquals(KeyType.ED25519, modern.key().type());
    assertEquals(modern.key().jwk(), legacy.key().jwk());
  }

  @Test
  void aMethodNotListedUnderTheAskedRelationshipIsRefused() {
    String did = servePath(document(null));
    assertRefused(resolver.verificationMethod(did + "#login", VerificationRelationship.ASSERTION_METHOD),
        DidError.NOT_FOUND, "not listed under assertionMethod");
    assertEquals(KeyType.P256, Await.result(
        resolver.verificationMethod(did + "#login", VerificationRelationship.AUTHENTICATION)).key().type());
  }

  @Test
  void aMethodControlledBySomeoneElseIsRefused() {
    JsonObject doc = document(null);
    doc.getJsonArray("verificationMethod").getJsonObject(0).put("controller", "did:web:attacker.example");
    String did = servePath(doc);
    assertRefused(resolver.verificationMethod(did + "#key-1", VerificationRelationship.ASSERTION_METHOD),
        DidError.NOT_FOUND, "controlled by did:web:attacker.example");
  }

  @Test
  void aKeyNotOnItsCurveIsRefused() {
    JsonObject doc = document(null);
    JsonObject jwk = doc.getJsonArray("verificationMethod").getJsonObject(0).getJsonObject("publicKeyJwk");
    jwk.put("y", jwk.getString("x"));
    String did = servePath(doc);
    assertRefused(resolver.verificationMethod(did + "#key-1", VerificationRelationship.ASSERTION_METHOD),
        DidError.INVALID_PUBLIC_KEY, "curve");
  }

  @Test
  void aDocumentWhoseIdIsAnotherDidIsRefused() {
    String did = servePath(document("did:web:elsewhere.example"));
    assertRefused(resolver.resolve(Did.parse(did)), DidError.NOT_FOUND, "is not the DID");
  }

  @Test
  void malformedAndAbsurdlyNestedJsonAreRefusedQuickly() {
    String malformed = servePathRaw("{\"id\": ");
    assertRefused(resolver.resolve(Did.parse(malformed)), DidError.NOT_FOUND, "not a JSON object");
    String nested = servePathRaw("[".repeat(100_000) + "]".repeat(100_000));
    long started = System.nanoTime();
    assertRefused(resolver.resolve(Did.parse(nested)), DidError.NOT_FOUND, "nested deeper");
    assertTrue(System.nanoTime() - started < 2_000_000_000L);
  }

  @Test
  void aHostResolvingToLoopbackIsRefusedWithoutTheAllowList() {
    String did = "did:web:localhost%3A" + server.port();
    DidResolver strict = DidResolver.create(new HardenedFetch(vertx, FetchPolicy.defaults().trusting(trust)), clock);
    DidResolutionException refused = assertRefused(strict.resolve(Did.parse(did)), DidError.NOT_FOUND, "127.0.0.1");
    assertEquals(FetchException.Reason.ADDRESS_NOT_ALLOWED, ((FetchException) refused.getCause()).reason());
  }

  @ParameterizedTest
  @ValueSource(strings = {"did:web:10.0.0.1", "did:web:169.254.169.254", "did:web:%5B%3A%3A1%5D", "did:web:0x7f000001",
      "did:web:2130706433", "did:web:017700000001", "did:web:127.0.0.1%3A8443"})
  void ipAddressesInAnySpellingAreInvalidDids(String did) {
    assertRefused(resolver.resolve(Did.parse(did)), DidError.INVALID_DID, "");
  }

  @Test
  void fiftyConcurrentResolutionsMakeOneRequest() {
    String path = "/single-flight-" + NEXT.incrementAndGet() + "/did.json";
    String did = "did:web:localhost%3A" + server.port() + path.replace("/did.json", "").replace('/', ':');
    String body = document(did).encode();
    server.on(path, request -> vertx.setTimer(300, t -> request.response()
        .putHeader("Content-Type", "application/did+json").end(body)));
    List<Future<?>> all = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      all.add(resolver.resolve(Did.parse(did)));
    }
    all.forEach(Await::result);
    assertEquals(1, server.hits(path));
  }

  @Test
  void cachesForMaxAgeClampedToAtLeastOneMinute() {
    String path = "/cached-" + NEXT.incrementAndGet() + "/did.json";
    String did = "did:web:localhost%3A" + server.port() + path.replace("/did.json", "").replace('/', ':');
    server.serveJson(path, document(did).encode(), "public, max-age=5");
    Await.result(resolver.resolve(Did.parse(did)));
    clock.advance(Duration.ofSeconds(30));
    Await.result(resolver.resolve(Did.parse(did)));
    assertEquals(1, server.hits(path), "max-age=5 is raised to the one-minute floor");
    clock.advance(Duration.ofSeconds(31));
    Await.result(resolver.resolve(Did.parse(did)));
    assertEquals(2, server.hits(path));
  }

  @Test
  void cachesForOneHourWithoutMaxAgeAndAtMostOneDay() {
    String path = "/default-ttl-" + NEXT.incrementAndGet() + "/did.json";
    String did = "did:web:localhost%3A" + server.port() + path.replace("/did.json", "").replace('/', ':');
    server.serveJson(path, document(did).encode(), null);
    Await.result(resolver.resolve(Did.parse(did)));
    clock.advance(Duration.ofMinutes(59));
    Await.result(resolver.resolve(Did.parse(did)));
    assertEquals(1, server.hits(path));
    clock.advance(Duration.ofMinutes(2));
    Await.result(resolver.resolve(Did.parse(did)));
    assertEquals(2, server.hits(path));

    String longPath = "/long-ttl-" + NEXT.incrementAndGet() + "/did.json";
    String longDid = "did:web:localhost%3A" + server.port() + longPath.replace("/did.json", "").replace('/', ':');
    server.serveJson(longPath, document(longDid).encode(), "max-age=604800");
    Await.result(resolver.resolve(Did.parse(longDid)));
    clock.advance(Duration.ofHours(24).plusSeconds(1));
    Await.result(resolver.resolve(Did.parse(longDid)));
    assertEquals(2, server.hits(longPath), "a week's max-age is cut to 24 hours");
  }

  @Test
  void aFailureIsRememberedForThirtySeconds() {
    String path = "/flaky-" + NEXT.incrementAndGet() + "/did.json";
    String did = "did:web:localhost%3A" + server.port() + path.replace("/did.json", "").replace('/', ':');
    assertRefused(resolver.resolve(Did.parse(did)), DidError.NOT_FOUND, "HTTP 404");
    server.serveJson(path, document(did).encode(), null);
    clock.advance(Duration.ofSeconds(20));
    assertRefused(resolver.resolve(Did.parse(did)), DidError.NOT_FOUND, "HTTP 404");
    assertEquals(1, server.hits(path));
    clock.advance(Duration.ofSeconds(11));
    assertEquals(did, Await.result(resolver.resolve(Did.parse(did))).id());
  }

  /** A DID document with P-256 (JWK), Ed25519 (2020 multibase, 2018 base58) and an authentication-only key. */
  private static JsonObject document(String id) {
    String ed2020 = PublicKeys.toMultibase(KeyType.ED25519, edKey);
    String ed2018 = Multibase.BASE_58_BTC.encode(edKey).substring(1);
    JsonObject doc = new JsonObject()
        .put("@context", new JsonArray().add("https://www.w3.org/ns/did/v1"))
        .put("id", id == null ? "to-be-set" : id)
        .put("verificationMethod", new JsonArray()
            .add(new JsonObject().put("id", "#key-1").put("type", "JsonWebKey2020").put("controller", id)
                .put("publicKeyJwk", new JsonObject(issuerKey.toPublicJWK().toJSONObject())))
            .add(new JsonObject().put("id", "#ed-2020").put("type", "Ed25519VerificationKey2020").put("controller", id)
                .put("publicKeyMultibase", ed2020))
            .add(new JsonObject().put("id", "#ed-2018").put("type", "Ed25519VerificationKey2018").put("controller", id)
                .put("publicKeyBase58", ed2018))
            .add(new JsonObject().put("id", "#login").put("type", "JsonWebKey2020").put("controller", id)
                .put("publicKeyJwk", new JsonObject(issuerKey.toPublicJWK().toJSONObject()))))
        .put("assertionMethod", new JsonArray().add("#key-1").add("#ed-2020").add("#ed-2018"))
        .put("authentication", new JsonArray().add("#login"));
    return doc;
  }

  /** Serves {@code doc} at a fresh path, with its id and controllers set to that path's DID unless given. */
  private static String servePath(JsonObject doc) {
    String path = "/fixture-" + NEXT.incrementAndGet() + "/did.json";
    String did = "did:web:localhost%3A" + server.port() + path.replace("/did.json", "").replace('/', ':');
    if ("to-be-set".equals(doc.getString("id"))) {
      doc.put("id", did);
    }
    doc.getJsonArray("verificationMethod").forEach(m -> {
      JsonObject method = (JsonObject) m;
      if (method.getValue("controller") == null) {
        method.put("controller", did);
      }
    });
    server.serveJson(path, doc.encode(), null);
    return did;
  }

  private static String servePathRaw(String body) {
    String path = "/raw-" + NEXT.incrementAndGet() + "/did.json";
    server.serveJson(path, body, null);
    return "did:web:localhost%3A" + server.port() + path.replace("/did.json", "").replace('/', ':');
  }

  private static DidResolutionException assertRefused(Future<?> future, DidError error, String mentions) {
    DidResolutionException refused = assertInstanceOf(DidResolutionException.class, Await.failure(future));
    assertEquals(error, refused.error(), refused.reason());
    assertTrue(refused.reason().contains(mentions), refused.reason());
    return refused;
  }

  private static FetchPolicy policy() {
    return FetchPolicy.defaults().allowingPrivateHosts(Set.of("localhost")).trusting(trust);
  }
}
