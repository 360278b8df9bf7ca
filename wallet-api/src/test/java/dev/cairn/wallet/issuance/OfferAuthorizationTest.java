package dev.cairn.wallet.issuance;

import static dev.cairn.wallet.testing.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.wallet.testing.Api.Response;
import dev.cairn.wallet.testing.CairnUnderTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Authorization Code Flow through Cairn's REST API over real HTTPS on loopback: the app starts it, the
 * learner confirms in a browser at the reference issuer, the app hands back where the browser landed, and the
 * credentials are stored — every format, with a pushed request and without; and the refusals, each changing
 * nothing. Offers expire after {@code CAIRN_OFFER_LIFETIME_SECONDS} (ten minutes here).
 */
class OfferAuthorizationTest {
  private static final String REDIRECT = "dev.cairn.wallet:/oid4vci/callback";
  private static final IssuerOnLoopback ISSUER = new IssuerOnLoopback();
  @RegisterExtension
  static final CairnUnderTest cairn = CairnUnderTest.perClass(environment());

  private static Map<String, String> environment() {
    Map<String, String> env = new HashMap<>(ISSUER.cairnEnvironment());
    env.put("CAIRN_OFFER_LIFETIME_SECONDS", "600");
    // Row counts around refused requests must only see the request: the expiry clean-up, which rightly removes
    // expired authorizations and notification handles once the clock moves, waits for a tick that never comes here.
    env.put("CAIRN_JOB_TICK_MS", "3600000");
    return env;
  }

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

  private static String scan(String token, JsonObject created) {
    Response scanned = cairn.api().post("/v1/offers", token, new JsonObject().put("offer", created.getString("offer_by_reference")));
    assertEquals(201, scanned.status(), scanned.body());
    return scanned.json().getString("id");
  }

  private static Response authorization(String token, String offerId, JsonObject body) {
    return cairn.api().post("/v1/offers/" + offerId + "/authorization", token, body);
  }

  private static JsonObject start(String token, String offerId) {
    Response started = authorization(token, offerId, new JsonObject().put("redirect_uri", REDIRECT));
    assertEquals(201, started.status(), started.body());
    return started.json();
  }

  private static List<String> activityKinds(String token) {
    return cairn.api().get("/v1/activity", token).json().getJsonArray("items").stream()
        .map(entry -> ((JsonObject) entry).getString("kind")).toList();
  }

  static Stream<Arguments> formatsWithAndWithoutPar() {
    return Stream.of("MicroCredential_dc+sd-jwt", "MicroCredential_jwt_vc_json", "MicroCredential_ldp_vc_eddsa-rdfc-2022",
        "MicroCredential_ldp_vc_ecdsa-sd-2023").flatMap(id -> Stream.of(Arguments.of(id, true), Arguments.of(id, false)));
  }

  @ParameterizedTest(name = "{0}, pushed: {1}")
  @MethodSource("formatsWithAndWithoutPar")
  void anOfferAuthorizedInTheBrowserIsStoredInTheWalletBoundToTheLearnersKey(String configurationId, boolean pushed) {
    String token = learner(configurationId.toLowerCase().replaceAll("[^a-z0-9]", "") + pushed + "@authorization.example");
    String offerId = scan(token, ISSUER.authorizationCodeOffer(pushed ? "" : IssuerOnLoopback.PLAIN, configurationId));
    JsonObject offer = cairn.api().get("/v1/offers/" + offerId, token).json();
    assertEquals(new JsonArray().add("authorization_code"), offer.getJsonArray("grants"));
    assertFalse(offer.getBoolean("tx_code_required"));

    JsonObject started = start(token, offerId);
    String url = started.getString("authorization_url");
    assertEquals(pushed, url.contains("request_uri="), url);
    assertEquals(REDIRECT, started.getString("redirect_uri"));
    String callback = ISSUER.approveInBrowser(url, true);

    Response finished = authorization(token, offerId, new JsonObject().put("callback_url", callback));
    assertEquals(200, finished.status(), finished.body());
    assertEquals("accepted", finished.json().getJsonObject("offer").getString("state"));
    JsonObject stored = finished.json().getJsonArray("credentials").getJsonObject(0);
    assertEquals("valid", stored.getString("status"), stored.encode());
    assertEquals("bound", stored.getJsonObject("holderBinding").getString("state"), stored.encode());
    assertEquals(new JsonArray().add(stored.getString("id")),
        finished.json().getJsonObject("offer").getJsonObject("outcome").getJsonArray("stored"));
    assertEquals("credential-received", activityKinds(token).get(0));
    assertEquals(0, cairn.queryLong("SELECT count(*) FROM offer_authorization WHERE offer_id = '" + offerId + "'"),
        "a finished authorization is spent");
  }

  @Test
  void theCodeAndStateMayBeGivenOneByOne() {
    String token = learner("parts@authorization.example");
    String offerId = scan(token, ISSUER.authorizationCodeOffer("", "MicroCredential_dc+sd-jwt"));
    String callback = ISSUER.approveInBrowser(start(token, offerId).getString("authorization_url"), true);
    Map<String, String> query = query(callback);
    Response finished = authorization(token, offerId, new JsonObject().put("code", query.get("code"))
        .put("state", query.get("state")).put("iss", query.get("iss")));
    assertEquals(200, finished.status(), finished.body());
  }

  @Test
  void theStateAndVerifierAreSealedAndNeverShown() {
    String token = learner("sealed@authorization.example");
    String offerId = scan(token, ISSUER.authorizationCodeOffer("", "MicroCredential_dc+sd-jwt"));
    JsonObject started = start(token, offerId);
    String state = query(ISSUER.approveInBrowser(started.getString("authorization_url"), true)).get("state");
    assertFalse(started.encode().contains(state), "the app never sees the state before the browser comes back");
    byte[] sealed = (byte[]) cairn.rows("SELECT sealed_authorization FROM offer_authorization WHERE offer_id = '"
        + offerId + "'").get(0).get("sealed_authorization");
    assertFalse(new String(sealed, StandardCharsets.ISO_8859_1).contains(state));
  }

  @Test
  void aCallbackWithAnotherStateIsRefusedAndChangesNothing() {
    String token = learner("wrongstate@authorization.example");
    String offerId = scan(token, ISSUER.authorizationCodeOffer("", "MicroCredential_jwt_vc_json"));
    String callback = ISSUER.approveInBrowser(start(token, offerId).getString("authorization_url"), true);
    String forged = callback.replaceAll("state=[^&]+", "state=" + "B".repeat(43));
    Map<String, Long> before = cairn.rowCounts();

    Response refused = authorization(token, offerId, new JsonObject().put("callback_url", forged));
    assertProblem(422, "authorization-response-invalid", refused);
    assertEquals("authorization-response-invalid", refused.json().getString("failure"));
    assertEquals(before, cairn.rowCounts());
    assertEquals(0, cairn.api().get("/v1/credentials", token).json().getJsonArray("items").size());

    Response finished = authorization(token, offerId, new JsonObject().put("callback_url", callback));
    assertEquals(200, finished.status(), "the started authorization is intact: " + finished.body());
  }

  @Test
  void aCallbackOnAnotherRedirectUriOrFromAnotherIssuerIsRefused() {
    String token = learner("elsewhere@authorization.example");
    String offerId = scan(token, ISSUER.authorizationCodeOffer("", "MicroCredential_dc+sd-jwt"));
    String callback = ISSUER.approveInBrowser(start(token, offerId).getString("authorization_url"), true);
    Map<String, Long> before = cairn.rowCounts();
    assertProblem(422, "authorization-response-invalid", authorization(token, offerId, new JsonObject()
        .put("callback_url", callback.replace(REDIRECT, "dev.cairn.wallet:/elsewhere"))));
    assertProblem(422, "authorization-response-invalid", authorization(token, offerId, new JsonObject()
        .put("callback_url", callback.replaceAll("iss=[^&]+", "iss=https%3A%2F%2Fmix-up.example"))));
    assertEquals(before, cairn.rowCounts());
  }

  @Test
  void aFinishedAuthorizationCannotBeReplayed() {
    String token = learner("replay@authorization.example");
    String offerId = scan(token, ISSUER.authorizationCodeOffer("", "MicroCredential_dc+sd-jwt"));
    String callback = ISSUER.approveInBrowser(start(token, offerId).getString("authorization_url"), true);
    assertEquals(200, authorization(token, offerId, new JsonObject().put("callback_url", callback)).status());
    Map<String, Long> before = cairn.rowCounts();
    assertProblem(409, "offer-closed", authorization(token, offerId, new JsonObject().put("callback_url", callback)));
    assertEquals(before, cairn.rowCounts());
  }

  @Test
  void aDeclinedConfirmationIsIssuanceRefusedAndTheOfferStaysOpen() {
    String token = learner("declined@authorization.example");
    String offerId = scan(token, ISSUER.authorizationCodeOffer("", "MicroCredential_dc+sd-jwt"));
    String callback = ISSUER.approveInBrowser(start(token, offerId).getString("authorization_url"), false);
    Response refused = authorization(token, offerId, new JsonObject().put("callback_url", callback));
    assertProblem(422, "issuance-refused", refused);
    assertEquals("authorization-access_denied", refused.json().getString("failure"));
    assertEquals("offered", cairn.api().get("/v1/offers/" + offerId, token).json().getString("state"));
  }

  @Test
  void aRedirectUriOutsideTheAllowListIsRefusedAndChangesNothing() {
    String token = learner("redirect@authorization.example");
    String offerId = scan(token, ISSUER.authorizationCodeOffer("", "MicroCredential_dc+sd-jwt"));
    Map<String, Long> before = cairn.rowCounts();
    assertProblem(400, "invalid-request", authorization(token, offerId,
        new JsonObject().put("redirect_uri", "https://attacker.example/callback")));
    assertProblem(400, "invalid-request", authorization(token, offerId, new JsonObject().put("tx_code", "123456")));
    assertEquals(before, cairn.rowCounts());
  }

  @Test
  void eachGrantHasItsOwnRoute() {
    String token = learner("grants@authorization.example");
    String authorizationOffer = scan(token, ISSUER.authorizationCodeOffer("", "MicroCredential_dc+sd-jwt"));
    JsonObject preAuthorized = ISSUER.offer(false, "MicroCredential_dc+sd-jwt");
    String preAuthorizedOffer = scan(token, preAuthorized);
    Map<String, Long> before = cairn.rowCounts();
    assertProblem(422, "offer-invalid", cairn.api().post("/v1/offers/" + authorizationOffer + "/accept", token,
        new JsonObject()));
    assertProblem(422, "offer-invalid", authorization(token, preAuthorizedOffer,
        new JsonObject().put("redirect_uri", REDIRECT)));
    assertEquals(before, cairn.rowCounts());
  }

  @Test
  void anotherLearnersOfferCannotBeAuthorized() {
    String owner = learner("authowner@authorization.example");
    String other = learner("authother@authorization.example");
    String offerId = scan(owner, ISSUER.authorizationCodeOffer("", "MicroCredential_dc+sd-jwt"));
    String callback = ISSUER.approveInBrowser(start(owner, offerId).getString("authorization_url"), true);
    Map<String, Long> before = cairn.rowCounts();
    assertProblem(404, "not-found", authorization(other, offerId, new JsonObject().put("redirect_uri", REDIRECT)));
    assertProblem(404, "not-found", authorization(other, offerId, new JsonObject().put("callback_url", callback)));
    assertEquals(before, cairn.rowCounts());
  }

  @Test
  void anExpiredOfferIsClosedForBothGrantsAndShowsItsExpiry() {
    String token = learner("expired@authorization.example");
    String authorizationOffer = scan(token, ISSUER.authorizationCodeOffer("", "MicroCredential_dc+sd-jwt"));
    JsonObject preAuthorized = ISSUER.offer(false, "MicroCredential_dc+sd-jwt");
    String preAuthorizedOffer = scan(token, preAuthorized);
    JsonObject shown = cairn.api().get("/v1/offers/" + preAuthorizedOffer, token).json();
    assertEquals(cairn.clock.instant().plusSeconds(600), Instant.parse(shown.getString("expires_at")));

    cairn.clock.advance(Duration.ofSeconds(600));
    Map<String, Long> before = cairn.rowCounts();
    Response accept = cairn.api().post("/v1/offers/" + preAuthorizedOffer + "/accept", token,
        new JsonObject().put("tx_code", preAuthorized.getString("tx_code")));
    assertProblem(409, "offer-closed", accept);
    assertTrue(accept.json().getString("detail").contains("expired"), accept.body());
    assertProblem(409, "offer-closed", authorization(token, authorizationOffer, new JsonObject().put("redirect_uri", REDIRECT)));
    assertEquals(before, cairn.rowCounts());
  }

  private static Map<String, String> query(String url) {
    Map<String, String> parameters = new HashMap<>();
    for (String pair : URI.create(url).getRawQuery().split("&")) {
      String[] parts = pair.split("=", 2);
      parameters.put(parts[0], java.net.URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
    }
    return parameters;
  }
}
