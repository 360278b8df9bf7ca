package dev.cairn.credentials.jose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import dev.cairn.credentials.ReasonCode;
import dev.cairn.credentials.VerificationException;
import dev.cairn.did.DidResolver;
import dev.cairn.did.fetch.FetchPolicy;
import dev.cairn.did.fetch.HardenedFetch;
import dev.cairn.did.testing.Await;
import dev.cairn.did.testing.TestClock;
import dev.cairn.did.testing.TestHttpsServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SD-JWT VC §5: an https issuer's keys from /.well-known/jwt-vc-issuer, served by a real HTTPS server. */
class IssuerMetadataTest {
  private static final TestClock CLOCK = new TestClock();
  private static Vertx vertx;
  private static TestHttpsServer server;
  private static IssuerKeys keys;
  private static ECKey issuerKey;

  @BeforeAll
  static void start(@TempDir Path dir) throws Exception {
    vertx = Vertx.vertx();
    server = new TestHttpsServer(vertx);
    HardenedFetch fetch = new HardenedFetch(vertx, FetchPolicy.defaults().allowingPrivateHosts(Set.of("localhost"))
        .trusting(server.certificate.writeCertificate(dir)));
    keys = new IssuerKeys(DidResolver.create(fetch, CLOCK), fetch, CLOCK);
    issuerKey = new ECKeyGenerator(Curve.P_256).keyID("key-1").generate();
  }

  @AfterAll
  static void stop() {
    server.close();
    vertx.close();
  }

  private static String issuer(String path) {
    return "https://localhost:" + server.port() + path;
  }

  private static JWSHeader header(String kid) {
    return new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType("dc+sd-jwt")).keyID(kid).build();
  }

  @Test
  void keysByValueAreFoundByKidAndCachedForAnHour() {
    String issuer = issuer("/tenant-a");
    server.serve("/.well-known/jwt-vc-issuer/tenant-a", "application/json", new JsonObject().put("issuer", issuer)
        .put("jwks", new JsonObject().put("keys", new JsonArray().add(new JsonObject(issuerKey.toPublicJWK().toJSONObject()))))
        .encode());
    JWK found = Await.result(keys.keyFor(header("key-1"), issuer));
    assertEquals(issuerKey.toPublicJWK(), found);
    Await.result(keys.keyFor(header("key-1"), issuer));
    assertEquals(1, server.hits("/.well-known/jwt-vc-issuer/tenant-a"));
    CLOCK.advance(Duration.ofMinutes(61));
    Await.result(keys.keyFor(header("key-1"), issuer));
    assertEquals(2, server.hits("/.well-known/jwt-vc-issuer/tenant-a"));
  }

  @Test
  void keysByReferenceAreFetchedFromJwksUri() {
    String issuer = issuer("/tenant-b");
    server.serve("/jwks/b", "application/json", new JsonObject().put("keys", new JsonArray()
        .add(new JsonObject(issuerKey.toPublicJWK().toJSONObject()))).encode());
    server.serve("/.well-known/jwt-vc-issuer/tenant-b", "application/json", new JsonObject().put("issuer", issuer)
        .put("jwks_uri", issuer("/jwks/b")).encode());
    assertEquals(issuerKey.toPublicJWK(), Await.result(keys.keyFor(header("key-1"), issuer)));
  }

  @Test
  void metadataNamingAnotherIssuerOrLackingTheKeyIsRefused() {
    String issuer = issuer("/tenant-c");
    server.serve("/.well-known/jwt-vc-issuer/tenant-c", "application/json", new JsonObject().put("issuer", issuer("/someone-else"))
        .put("jwks", new JsonObject().put("keys", new JsonArray())).encode());
    VerificationException wrongIssuer = assertInstanceOf(VerificationException.class,
        Await.failure(keys.keyFor(header("key-1"), issuer)));
    assertEquals(ReasonCode.ISSUER_KEY_NOT_ISSUERS, wrongIssuer.reason());

    String other = issuer("/tenant-d");
    server.serve("/.well-known/jwt-vc-issuer/tenant-d", "application/json", new JsonObject().put("issuer", other)
        .put("jwks", new JsonObject().put("keys", new JsonArray().add(new JsonObject(issuerKey.toPublicJWK().toJSONObject()))))
        .encode());
    VerificationException noKey = assertInstanceOf(VerificationException.class,
        Await.failure(keys.keyFor(header("key-2"), other)));
    assertEquals(ReasonCode.ISSUER_KEY_UNRESOLVED, noKey.reason());
    assertTrue(noKey.getMessage().contains("key-2"));
  }
}
