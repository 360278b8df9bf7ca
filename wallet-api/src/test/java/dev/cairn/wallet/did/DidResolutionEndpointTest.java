package dev.cairn.wallet.did;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.wallet.testing.Api.Response;
import dev.cairn.wallet.testing.CairnUnderTest;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DidResolutionEndpointTest {
  private static final String ED25519 = "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp";

  @RegisterExtension
  static final CairnUnderTest cairn = CairnUnderTest.perClass(Map.of("CAIRN_RESOLVER_REQUESTS_PER_MINUTE", "1000"));

  @Test
  void answersTheDidDocumentAsDidJsonByDefault() {
    Response response = cairn.api().get("/1.0/identifiers/" + ED25519, null);
    assertEquals(200, response.status(), response.body());
    assertEquals("application/did+json", response.header("Content-Type").orElseThrow());
    JsonObject document = response.json();
    assertEquals(ED25519, document.getString("id"));
    assertEquals("Multikey", document.getJsonArray("verificationMethod").getJsonObject(0).getString("type"));
  }

  @Test
  void answersTheResolutionResultWhenAskedAndHonoursPublicKeyFormat() {
    Response response = cairn.api().send("GET", "/1.0/identifiers/" + ED25519 + "?publicKeyFormat=JsonWebKey2020", null,
        Map.of("Accept", "application/did-resolution"), null);
    assertEquals(200, response.status());
    assertEquals("application/did-resolution", response.header("Content-Type").orElseThrow());
    JsonObject result = response.json();
    assertEquals("application/did+json", result.getJsonObject("didResolutionMetadata").getString("contentType"));
    assertEquals("JsonWebKey2020", result.getJsonObject("didDocument").getJsonArray("verificationMethod")
        .getJsonObject(0).getString("type"));
  }

  @Test
  void aFullyPercentEncodedDidIsDecodedOnce() {
    Response response = cairn.api().get("/1.0/identifiers/" + ED25519.replace(":", "%3A"), null);
    assertEquals(200, response.status(), response.body());
    assertEquals(ED25519, response.json().getString("id"));
  }

  @Test
  void resolutionErrorsCarryTheirStatusAndName() {
    assertProblem(cairn.api().get("/1.0/identifiers/not-a-did", null), 400, "did-invalid", "invalidDid");
    assertProblem(cairn.api().get("/1.0/identifiers/did:example:123", null), 501, "did-method-not-supported",
        "methodNotSupported");
    assertProblem(cairn.api().get("/1.0/identifiers/did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2d", null),
        400, "did-invalid-public-key", "invalidPublicKey");
    assertProblem(cairn.api().get("/1.0/identifiers/did:web:10.0.0.1", null), 400, "did-invalid", "IP address");
    assertProblem(cairn.api().get("/1.0/identifiers/did:web:nothing.invalid", null), 404, "did-not-found", "notFound");
    assertProblem(cairn.api().send("GET", "/1.0/identifiers/" + ED25519, null, Map.of("Accept", "text/html"), null),
        406, "did-representation-not-supported", "representationNotSupported");
  }

  @Test
  void inTheResolutionResultAnErrorIsMetadata() {
    Response response = cairn.api().send("GET", "/1.0/identifiers/did:example:123", null,
        Map.of("Accept", "application/ld+json;profile=\"https://w3id.org/did-resolution\""), null);
    assertEquals(501, response.status());
    JsonObject result = response.json();
    assertNull(result.getValue("didDocument"));
    assertEquals("methodNotSupported", result.getJsonObject("didResolutionMetadata").getString("error"));
  }

  @Test
  void clientsAreRateLimitedPerAddress() {
    try (CairnUnderTest strict = CairnUnderTest.start(Map.of("CAIRN_RESOLVER_REQUESTS_PER_MINUTE", "3"))) {
      for (int i = 0; i < 3; i++) {
        assertEquals(200, strict.api().get("/1.0/identifiers/" + ED25519, null).status());
      }
      Response limited = strict.api().get("/1.0/identifiers/" + ED25519, null);
      assertEquals(429, limited.status());
      assertTrue(Integer.parseInt(limited.header("Retry-After").orElseThrow()) >= 1);
      strict.clock.advance(java.time.Duration.ofSeconds(20));
      assertEquals(200, strict.api().get("/1.0/identifiers/" + ED25519, null).status(), "a token refilled");
    }
  }

  @Test
  void resolvesDidWebFromAnHttpsServerTrustedThroughTheConfiguredPem(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    io.vertx.core.Vertx vertx = io.vertx.core.Vertx.vertx();
    try (dev.cairn.did.testing.TestHttpsServer server = new dev.cairn.did.testing.TestHttpsServer(vertx)) {
      String did = "did:web:localhost%3A" + server.port() + ":learning:team";
      server.serveJson("/learning/team/did.json", new JsonObject().put("id", did).encode(), null);
      Map<String, String> env = Map.of(
          "CAIRN_HTTP_TRUST_PEM", server.certificate.writeCertificate(dir).toString(),
          "CAIRN_HTTP_ALLOW_PRIVATE_HOSTS", "localhost");
      try (CairnUnderTest withTrust = CairnUnderTest.start(env)) {
        Response resolved = withTrust.api().get("/1.0/identifiers/" + did, null);
        assertEquals(200, resolved.status(), resolved.body());
        assertEquals(did, resolved.json().getString("id"));
      }
      Response untrusted = cairn.api().get("/1.0/identifiers/" + did, null);
      assertProblem(untrusted, 404, "did-not-found", "not a public address");
    } finally {
      vertx.close();
    }
  }

  private static void assertProblem(Response response, int status, String code, String mentions) {
    assertEquals(status, response.status(), response.body());
    assertEquals(code, response.problemCode());
    assertTrue(response.json().getString("detail").contains(mentions), response.json().getString("detail"));
  }
}
