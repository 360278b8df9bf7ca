package dev.cairn.wallet.issuance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.did.fetch.FetchPolicy;
import dev.cairn.did.fetch.HardenedFetch;
import dev.cairn.did.fetch.OutboundRequest;
import dev.cairn.wallet.testing.Api.Response;
import dev.cairn.wallet.testing.CairnUnderTest;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The last step of the story: a credential received from the reference issuer over OpenID4VCI is revoked (or
 * suspended) by the issuer's operator, and the wallet's status re-check job notices — the credential's status
 * changes and the learner's activity says so.
 */
class IssuerRevocationTest {
  private static final IssuerOnLoopback ISSUER = new IssuerOnLoopback();
  @RegisterExtension
  static final CairnUnderTest cairn = CairnUnderTest.perClass(withFastRecheck(ISSUER.cairnEnvironment()));
  private static final Vertx OPERATOR_VERTX = Vertx.vertx();

  @BeforeAll
  static void theIssuerRunsOnCairnsClock() {
    ISSUER.start(cairn.clock);
  }

  @AfterAll
  static void stop() {
    ISSUER.close();
    CairnUnderTest.await(OPERATOR_VERTX.close());
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"MicroCredential_dc+sd-jwt, revoke, revoked", "MicroCredential_dc+sd-jwt, suspend, suspended",
      "MicroCredential_jwt_vc_json, revoke, revoked", "MicroCredential_ldp_vc_eddsa-rdfc-2022, revoke, revoked"})
  void aCredentialTheIssuerRevokesOrSuspendsChangesStatusAtTheNextRecheck(String configurationId, String action,
                                                                       String walletStatus) throws Exception {
    String token = cairn.api().signUp(action + configurationId.toLowerCase().replaceAll("[^a-z0-9]", "")
        + "@revocation.example").getString("accessToken");
    JsonObject created = ISSUER.offer(false, configurationId);
    String offerId = cairn.api().post("/v1/offers", token, new JsonObject().put("offer",
        created.getString("offer_by_value"))).json().getString("id");
    Response accepted = cairn.api().post("/v1/offers/" + offerId + "/accept", token,
        new JsonObject().put("tx_code", created.getString("tx_code")));
    assertEquals(200, accepted.status(), accepted.body());
    String credentialId = accepted.json().getJsonArray("credentials").getJsonObject(0).getString("id");
    assertEquals("valid", status(token, credentialId));

    String issued = operator("GET", "/issuer/offers/" + created.getString("offer_id") + "/credentials")
        .getJsonArray("credentials").getJsonObject(0).getString("id");
    assertEquals(walletStatus, operator("POST", "/issuer/credentials/" + issued + "/" + action).getString("status"));

    // Past the re-check interval (310 s here), and so past the list's 5-minute ttl, within the learner's token life.
    cairn.clock.advance(Duration.ofSeconds(311));
    waitFor(() -> walletStatus.equals(status(token, credentialId)),
        () -> cairn.api().get("/v1/credentials/" + credentialId, token).body());
    assertTrue(cairn.api().get("/v1/activity", token).json().getJsonArray("items").stream()
        .map(JsonObject.class::cast).anyMatch(entry -> "credential-status-changed".equals(entry.getString("kind"))),
        "the learner's activity says the status changed");
  }

  private static String status(String token, String credentialId) {
    return cairn.api().get("/v1/credentials/" + credentialId, token).json().getString("status");
  }

  /** The issuer's operator API, over the same trusted loopback TLS as Cairn uses. */
  private static JsonObject operator(String method, String path) {
    HardenedFetch fetch = new HardenedFetch(OPERATOR_VERTX, FetchPolicy.defaults()
        .allowingPrivateHosts(Set.of("localhost"))
        .trusting(Path.of(ISSUER.cairnEnvironment().get("CAIRN_HTTP_TRUST_PEM"))));
    URI uri = URI.create(ISSUER.origin() + path);
    OutboundRequest request = "GET".equals(method) ? OutboundRequest.get(uri, Set.of("application/json"))
        : OutboundRequest.post(uri, "application/json", Buffer.buffer("{}"), Set.of("application/json"));
    return CairnUnderTest.await(fetch.send(request)).jsonObject().orElseThrow();
  }

  private static Map<String, String> withFastRecheck(Map<String, String> environment) {
    Map<String, String> all = new HashMap<>(environment);
    all.put("CAIRN_STATUS_RECHECK_SECONDS", "310");
    return all;
  }

  /** The job runs on its own timer: poll for its effect, with a deadline. */
  private static void waitFor(BooleanSupplier condition, Supplier<String> state) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < deadline, () -> "the re-check did not change the status within 20 s: " + state.get());
      Thread.sleep(100);
    }
  }
}
