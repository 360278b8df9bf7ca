package dev.cairn.wallet.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.SignedJWT;
import dev.cairn.did.testing.TestHttpsServer;
import dev.cairn.wallet.testing.Api.Response;
import dev.cairn.wallet.testing.CairnUnderTest;
import dev.cairn.wallet.testing.LoopbackHttps;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An employer's system is told when a request ends: a notice signed by the organisation's key, retried until taken. */
class WebhookTest {
  private static final LoopbackHttps HTTPS = new LoopbackHttps();
  private static final TestHttpsServer SERVER = HTTPS.server;
  @RegisterExtension
  static final CairnUnderTest cairn = CairnUnderTest.perClass(HTTPS.cairnEnvironment(Map.of("CAIRN_JOB_TICK_MS", "100")));
  private static String employer;

  @BeforeAll
  static void anEmployer() {
    employer = PresentationRequestTest.signUpEmployer(cairn.api(), "hr@hooks.example", "Hooks Ltd");
  }

  @AfterAll
  static void stop() {
    HTTPS.close();
  }

  private static JsonObject requestWithWebhook(String path) {
    Response created = cairn.api().post("/v1/verifier/requests", employer, new JsonObject()
        .put("dcql_query", PresentationRequestTest.nameAndDescription()).put("purpose", "Checking")
        .put("response_mode", "direct_post").put("webhook_url", "https://localhost:" + SERVER.port() + path));
    assertEquals(201, created.status(), created.body());
    return created.json();
  }

  /** The learner declines: the simplest way to end a request. */
  private static void decline(JsonObject request) {
    String jwt = cairn.api().get(URI.create(request.getString("request_uri")).getPath(), null).body();
    JsonObject claims = new JsonObject(new String(Base64URL.from(jwt.split("\\.")[1]).decode(), StandardCharsets.UTF_8));
    Response declined = cairn.api().send("POST", URI.create(claims.getString("response_uri")).getPath(), null,
        Map.of("Content-Type", "application/x-www-form-urlencoded"),
        ("error=access_denied&state=" + claims.getString("state")).getBytes(StandardCharsets.UTF_8));
    assertEquals(200, declined.status(), declined.body());
  }

  @Test
  void theNoticeIsSignedByTheKeyTheClientIdNames() throws Exception {
    CompletableFuture<String> received = new CompletableFuture<>();
    SERVER.on("/hook", request -> request.body().onSuccess(body -> {
      received.complete(request.getHeader("Content-Type") + "\n" + body);
      request.response().setStatusCode(204).end();
    }));
    JsonObject request = requestWithWebhook("/hook");
    decline(request);

    String[] delivered = received.get(10, TimeUnit.SECONDS).split("\n", 2);
    assertEquals("application/jwt", delivered[0]);
    SignedJWT notice = SignedJWT.parse(delivered[1]);
    assertEquals("cairn-webhook+jwt", notice.getHeader().getType().getType());
    String did = request.getString("client_id").substring("decentralized_identifier:".length());
    JWK key = JWK.parse(new String(Base64URL.from(did.substring("did:jwk:".length())).decode(), StandardCharsets.UTF_8));
    assertTrue(notice.verify(new ECDSAVerifier(key.toECKey())));
    assertEquals(did, notice.getJWTClaimsSet().getIssuer());
    assertEquals(request.getString("id"), notice.getJWTClaimsSet().getStringClaim("request_id"));
    assertEquals("rejected", notice.getJWTClaimsSet().getStringClaim("status"));
    assertEquals("access_denied", notice.getJWTClaimsSet().getStringClaim("reason"));
  }

  @Test
  void aFailedDeliveryIsRetriedAfterItsBackoff() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    CompletableFuture<Void> taken = new CompletableFuture<>();
    SERVER.on("/flaky", request -> {
      if (calls.incrementAndGet() == 1) {
        request.response().setStatusCode(503).end();
      } else {
        request.response().setStatusCode(202).end();
        taken.complete(null);
      }
    });
    JsonObject request = requestWithWebhook("/flaky");
    decline(request);
    String row = "SELECT attempts FROM webhook_delivery WHERE request_id = '" + request.getString("id") + "'";
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (cairn.queryLong(row) < 1 && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertEquals(1, cairn.queryLong(row), "the first attempt failed and was counted");
    assertEquals(1, calls.get(), "no retry before the backoff");

    cairn.clock.advance(Duration.ofSeconds(31));
    try {
      taken.get(10, TimeUnit.SECONDS);
      assertEquals(2, calls.get());
    } finally {
      cairn.clock.advance(Duration.ofSeconds(-31));
    }
  }
}
