package dev.cairn.wallet.issuance;

import static dev.cairn.wallet.testing.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.wallet.testing.Api.Response;
import dev.cairn.wallet.testing.CairnUnderTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The whole OpenID4VCI story over real HTTPS on loopback: the reference issuer makes an offer, a learner's Cairn
 * resolves it, the learner accepts with the Transaction Code, and the credentials land in the wallet bound to the
 * learner's P-256 holder key — one case per format, plus deferred issuance collected by the job, and every refusal.
 */
class OfferAcceptanceTest {
  private static final IssuerOnLoopback ISSUER = new IssuerOnLoopback();
  @RegisterExtension
  static final CairnUnderTest cairn = CairnUnderTest.perClass(ISSUER.cairnEnvironment());

  @BeforeAll
  static void theIssuerRunsOnCairnsClock() {
    ISSUER.start(cairn.clock);
  }

  @AfterAll
  static void stopTheIssuer() {
    ISSUER.close();
  }

  private static String learner(String email) {
    return cairn.api().signUp(email).getString("accessToken");
  }

  private static Response scan(String token, String offer) {
    return cairn.api().post("/v1/offers", token, new JsonObject().put("offer", offer));
  }

  private static Response accept(String token, String offerId, String txCode) {
    JsonObject body = txCode == null ? new JsonObject() : new JsonObject().put("tx_code", txCode);
    return cairn.api().post("/v1/offers/" + offerId + "/accept", token, body);
  }

  private static List<String> activityKinds(String token) {
    return cairn.api().get("/v1/activity", token).json().getJsonArray("items").stream()
        .map(entry -> ((JsonObject) entry).getString("kind")).toList();
  }

  @Test
  void aScannedOfferShowsTheIssuerTheOfferedCredentialsAndTheTransactionCodeItNeeds() {
    String token = learner("shown@issuance.example");
    JsonObject created = ISSUER.offer(false);

    Response scanned = scan(token, created.getString("offer_by_reference"));
    assertEquals(201, scanned.status(), scanned.body());
    JsonObject offer = scanned.json();
    assertEquals("/v1/offers/" + offer.getString("id"), scanned.header("Location").orElseThrow());
    assertEquals("offered", offer.getString("state"));
    assertEquals(ISSUER.origin(), offer.getString("credential_issuer"));
    JsonObject issuerDisplay = offer.getJsonObject("issuer").getJsonArray("display").getJsonObject(0);
    assertEquals("Cairn Reference Academy", issuerDisplay.getString("name"));
    assertEquals("en-GB", issuerDisplay.getString("locale"));
    assertTrue(issuerDisplay.getJsonObject("logo").getString("uri").startsWith(ISSUER.origin()));
    List<String> formats = offer.getJsonArray("credentials").stream()
        .map(entry -> ((JsonObject) entry).getString("format")).toList();
    assertEquals(List.of("dc+sd-jwt", "jwt_vc_json", "ldp_vc", "ldp_vc"), formats);
    assertFalse(offer.getJsonArray("credentials").getJsonObject(0).getJsonArray("display").isEmpty());
    assertTrue(offer.getBoolean("tx_code_required"));
    assertEquals(6, offer.getJsonObject("tx_code").getInteger("length"));
    assertEquals("numeric", offer.getJsonObject("tx_code").getString("input_mode"));
    assertEquals(offer, cairn.api().get("/v1/offers/" + offer.getString("id"), token).json());
    assertFalse(scanned.body().contains(created.getJsonObject("credential_offer").getJsonObject("grants").encode()
        .replaceAll(".*\"pre-authorized_code\":\"([^\"]+)\".*", "$1")), "the Pre-Authorized Code is never shown");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"MicroCredential_dc+sd-jwt", "MicroCredential_jwt_vc_json",
      "MicroCredential_ldp_vc_eddsa-rdfc-2022", "MicroCredential_ldp_vc_ecdsa-sd-2023"})
  void anAcceptedOfferIsStoredInTheWalletBoundToTheLearnersKey(String configurationId) {
    String token = learner(configurationId.toLowerCase().replaceAll("[^a-z0-9]", "") + "@issuance.example");
    JsonObject created = ISSUER.offer(false, configurationId);
    String offerId = scan(token, created.getString("offer_by_value")).json().getString("id");
    int notified = ISSUER.issuer().notifications().reported().size();

    Response accepted = accept(token, offerId, created.getString("tx_code"));
    assertEquals(200, accepted.status(), accepted.body());
    assertEquals("accepted", accepted.json().getJsonObject("offer").getString("state"));
    JsonObject stored = accepted.json().getJsonArray("credentials").getJsonObject(0);
    assertEquals("valid", stored.getString("status"), stored.encode());
    assertEquals("bound", stored.getJsonObject("holderBinding").getString("state"), stored.encode());
    String p256 = cairn.api().get("/v1/holder-keys", token).json().getJsonArray("keys").getJsonObject(0).getString("id");
    assertEquals(p256, stored.getJsonObject("holderBinding").getString("holderKeyId"));
    assertEquals(new JsonArray().add(stored.getString("id")),
        accepted.json().getJsonObject("offer").getJsonObject("outcome").getJsonArray("stored"));

    JsonObject inWallet = cairn.api().get("/v1/credentials/" + stored.getString("id"), token).json();
    assertTrue(inWallet.encode().contains("Food Safety Level 2"), inWallet.encode());
    assertEquals("credential-received", activityKinds(token).get(0));
    assertEquals(notified + 1, ISSUER.issuer().notifications().reported().size());
    assertEquals("credential_accepted", ISSUER.issuer().notifications().reported().get(notified).event());
  }

  @Test
  void aWrongTransactionCodeIsRefusedWithTheIssuersReasonAndChangesNothing() {
    String token = learner("wrongcode@issuance.example");
    JsonObject created = ISSUER.offer(false, "MicroCredential_dc+sd-jwt");
    String offerId = scan(token, created.getString("offer_by_value")).json().getString("id");
    String wrong = created.getString("tx_code").equals("000000") ? "111111" : "000000";
    Map<String, Long> before = cairn.rowCounts();

    Response refused = accept(token, offerId, wrong);
    assertProblem(422, "issuance-refused", refused);
    assertEquals("token-invalid_grant", refused.json().getString("failure"));
    assertEquals(before, cairn.rowCounts());

    Response retried = accept(token, offerId, created.getString("tx_code"));
    assertEquals(200, retried.status(), "the learner may type the code again: " + retried.body());
  }

  @Test
  void anOfferThatNeedsATransactionCodeIsNotRedeemedWithoutOne() {
    String token = learner("nocode@issuance.example");
    String offerId = scan(token, ISSUER.offer(false, "MicroCredential_dc+sd-jwt").getString("offer_by_value"))
        .json().getString("id");
    Map<String, Long> before = cairn.rowCounts();
    assertProblem(400, "invalid-request", accept(token, offerId, null));
    assertEquals(before, cairn.rowCounts());
  }

  @Test
  void anotherLearnersOfferIsNotFoundAndCannotBeAccepted() {
    String owner = learner("owner@issuance.example");
    String other = learner("other@issuance.example");
    JsonObject created = ISSUER.offer(false, "MicroCredential_jwt_vc_json");
    String offerId = scan(owner, created.getString("offer_by_value")).json().getString("id");
    Map<String, Long> before = cairn.rowCounts();

    assertProblem(404, "not-found", cairn.api().get("/v1/offers/" + offerId, other));
    assertProblem(404, "not-found", accept(other, offerId, created.getString("tx_code")));
    assertProblem(404, "not-found", accept(other, "not-a-uuid", created.getString("tx_code")));
    assertEquals(before, cairn.rowCounts());
    assertEquals(200, accept(owner, offerId, created.getString("tx_code")).status(), "the owner's offer is intact");
  }

  @Test
  void anAcceptedOfferCannotBeAcceptedAgain() {
    String token = learner("twice@issuance.example");
    JsonObject created = ISSUER.offer(false, "MicroCredential_dc+sd-jwt");
    String offerId = scan(token, created.getString("offer_by_value")).json().getString("id");
    assertEquals(200, accept(token, offerId, created.getString("tx_code")).status());
    Map<String, Long> before = cairn.rowCounts();
    assertProblem(409, "offer-closed", accept(token, offerId, created.getString("tx_code")));
    assertEquals(before, cairn.rowCounts());
  }

  @Test
  void somethingThatIsNotACredentialOfferIsRefusedAndChangesNothing() {
    String token = learner("notanoffer@issuance.example");
    Map<String, Long> before = cairn.rowCounts();
    Response refused = scan(token, "openid-credential-offer://?credential_offer=%7B%22credential_issuer%22%3A%22http%3A%2F%2Fx%22%7D");
    assertProblem(422, "offer-invalid", refused);
    assertEquals("offer-invalid", refused.json().getString("failure"));
    assertProblem(400, "invalid-request", cairn.api().post("/v1/offers", token, new JsonObject().put("link", "x")));
    assertEquals(before, cairn.rowCounts());
  }

  @Test
  void aCredentialThatFailsVerificationIsReportedAndNotStored() {
    String token = learner("refused@issuance.example");
    JsonObject created = ISSUER.offer(false, "MicroCredential_dc+sd-jwt");
    String offerId = scan(token, created.getString("offer_by_value")).json().getString("id");
    ISSUER.replaceCredentialEndpoint(request -> request.response().setStatusCode(200)
        .putHeader("Content-Type", "application/json")
        .end(new JsonObject().put("credentials", new JsonArray().add(new JsonObject().put("credential", "e30.e30.c2ln~")))
            .encode()));
    try {
      Response refused = accept(token, offerId, created.getString("tx_code"));
      assertProblem(422, "issuance-refused", refused);
      assertEquals("credential-invalid", refused.json().getString("failure"));
      assertEquals("MicroCredential_dc+sd-jwt",
          refused.json().getJsonArray("refused").getJsonObject(0).getString("configuration_id"));
    } finally {
      ISSUER.restoreCredentialEndpoint();
    }
    assertEquals(0, cairn.api().get("/v1/credentials", token).json().getJsonArray("items").size());
    JsonObject offer = cairn.api().get("/v1/offers/" + offerId, token).json();
    assertEquals("refused", offer.getString("state"), "the Pre-Authorized Code is spent");
    assertEquals(List.of("credential-issuance-refused"), activityKinds(token));
  }

  @Test
  void aDeferredCredentialIsCollectedByTheJobOnceTheIssuersIntervalHasPassed() throws InterruptedException {
    String token = learner("deferred@issuance.example");
    JsonObject created = ISSUER.offer(true, "MicroCredential_ldp_vc_eddsa-rdfc-2022");
    String offerId = scan(token, created.getString("offer_by_value")).json().getString("id");

    Response accepted = accept(token, offerId, created.getString("tx_code"));
    assertEquals(200, accepted.status(), accepted.body());
    assertEquals(0, accepted.json().getJsonArray("credentials").size());
    JsonObject pending = accepted.json().getJsonObject("offer").getJsonObject("outcome").getJsonArray("pending")
        .getJsonObject(0);
    assertEquals("MicroCredential_ldp_vc_eddsa-rdfc-2022", pending.getString("configuration_id"));
    assertEquals(1, cairn.queryLong("SELECT count(*) FROM pending_credential"));
    assertFalse(new String((byte[]) cairn.rows("SELECT sealed_deferral FROM pending_credential").get(0)
        .get("sealed_deferral"), java.nio.charset.StandardCharsets.ISO_8859_1).contains("transaction_id"),
        "the deferral (its access token) is sealed");
    Thread.sleep(300);
    assertEquals(0, stored(token), "nothing is asked for before the interval");

    cairn.clock.advance(ISSUER.issuer().config().deferredInterval());
    waitFor(() -> stored(token) == 1);
    JsonObject offer = cairn.api().get("/v1/offers/" + offerId, token).json();
    assertEquals(1, offer.getJsonObject("outcome").getJsonArray("stored").size(), offer.encode());
    assertTrue(offer.getJsonObject("outcome").getJsonArray("pending").isEmpty());
    assertEquals(0, cairn.queryLong("SELECT count(*) FROM pending_credential"));
    assertEquals(List.of("credential-received", "credential-pending"), activityKinds(token));
  }

  private static int stored(String token) {
    return cairn.api().get("/v1/credentials", token).json().getJsonArray("items").size();
  }

  /** Background work runs on its own timer: poll for its effect, with a deadline. */
  private static void waitFor(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < deadline, "the job did not run within 20 s");
      Thread.sleep(50);
    }
  }
}
