package dev.cairn.wallet.issuance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.cairn.wallet.contract.OpenApiContract;
import dev.cairn.wallet.testing.Api;
import dev.cairn.wallet.testing.Api.Response;
import dev.cairn.wallet.testing.CairnUnderTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Real answers of the {@code /v1/offers} routes, against the reference issuer on loopback, conform to openapi.yaml:
 * every documented success and problem of scanning, reading and accepting an offer (the contract package's
 * {@code OpenApiContractTest} covers the other routes; these need an issuer).
 */
class OfferContractTest {
  private static final OpenApiContract CONTRACT = new OpenApiContract();
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

  @Test
  void scanningAnOfferAnswersAsDocumented() {
    String token = cairn.api().signUp("scan-doc@issuance.example").getString("accessToken");
    Response scanned = scan(token, ISSUER.offer(false).getString("offer_by_reference"));
    conforms("POST", "/v1/offers", scanned, 201);
    JsonObject broken = scanned.json().copy();
    broken.remove("credentials");
    assertFalse(CONTRACT.violations("POST", "/v1/offers", 201, "application/json", broken.encode()).isEmpty(),
        "an offer without its credentials must be caught");
    conforms("POST", "/v1/offers", cairn.api().post("/v1/offers", token, new JsonObject().put("link", "x")), 400);
    conforms("POST", "/v1/offers", scan(null, "openid-credential-offer://x"), 401);
    conforms("POST", "/v1/offers", scan(employer(), ISSUER.offer(false).getString("offer_by_value")), 403);
    conforms("POST", "/v1/offers", cairn.api().postRaw("/v1/offers", token, "text/plain",
        "openid-credential-offer://x".getBytes(StandardCharsets.UTF_8)), 415);
    conforms("POST", "/v1/offers", scan(token,
        "openid-credential-offer://?credential_offer=%7B%22credential_issuer%22%3A%22http%3A%2F%2Fx%22%7D"), 422);
    conforms("POST", "/v1/offers", scan(token, "openid-credential-offer://?credential_offer_uri="
        + "https%3A%2F%2Flocalhost%3A1%2Foffer"), 502);
  }

  @Test
  void readingAnOfferAnswersAsDocumented() {
    String token = cairn.api().signUp("read-doc@issuance.example").getString("accessToken");
    JsonObject created = ISSUER.offer(true, "MicroCredential_jwt_vc_json");
    String offerId = scan(token, created.getString("offer_by_value")).json().getString("id");
    conforms("GET", "/v1/offers/{offerId}", cairn.api().get("/v1/offers/" + offerId, token), 200);
    assertEquals(200, accept(token, offerId, created.getString("tx_code")).status());
    Response pending = cairn.api().get("/v1/offers/" + offerId, token);
    conforms("GET", "/v1/offers/{offerId}", pending, 200);
    assertEquals(1, pending.json().getJsonObject("outcome").getJsonArray("pending").size(), pending.body());
    conforms("GET", "/v1/offers/{offerId}", cairn.api().get("/v1/offers/" + UUID.randomUUID(), token), 404);
    conforms("GET", "/v1/offers/{offerId}", cairn.api().get("/v1/offers/" + offerId, null), 401);
    conforms("GET", "/v1/offers/{offerId}", cairn.api().get("/v1/offers/" + offerId, employer()), 403);
  }

  @Test
  void acceptingAnOfferAnswersAsDocumented() {
    String token = cairn.api().signUp("accept-doc@issuance.example").getString("accessToken");
    JsonObject created = ISSUER.offer(false, "MicroCredential_dc+sd-jwt", "MicroCredential_ldp_vc_eddsa-rdfc-2022");
    String offerId = scan(token, created.getString("offer_by_value")).json().getString("id");
    String wrong = created.getString("tx_code").equals("000000") ? "111111" : "000000";
    conforms("POST", "/v1/offers/{offerId}/accept", accept(token, offerId, null), 400);
    conforms("POST", "/v1/offers/{offerId}/accept", accept(token, offerId, wrong), 422);
    conforms("POST", "/v1/offers/{offerId}/accept", accept(null, offerId, wrong), 401);
    conforms("POST", "/v1/offers/{offerId}/accept", accept(employer(), offerId, wrong), 403);
    conforms("POST", "/v1/offers/{offerId}/accept", accept(token, UUID.randomUUID().toString(), wrong), 404);
    conforms("POST", "/v1/offers/{offerId}/accept", cairn.api().postRaw("/v1/offers/" + offerId + "/accept", token,
        "text/plain", "x".getBytes(StandardCharsets.UTF_8)), 415);
    Response accepted = accept(token, offerId, created.getString("tx_code"));
    conforms("POST", "/v1/offers/{offerId}/accept", accepted, 200);
    assertEquals(2, accepted.json().getJsonArray("credentials").size(), accepted.body());
    conforms("GET", "/v1/offers/{offerId}", cairn.api().get("/v1/offers/" + offerId, token), 200);
    conforms("POST", "/v1/offers/{offerId}/accept", accept(token, offerId, created.getString("tx_code")), 409);
  }

  @Test
  void anOfferWhoseCredentialsAreAllRefusedAnswersAsDocumented() {
    String token = cairn.api().signUp("refused-doc@issuance.example").getString("accessToken");
    JsonObject created = ISSUER.offer(false, "MicroCredential_dc+sd-jwt");
    String offerId = scan(token, created.getString("offer_by_value")).json().getString("id");
    ISSUER.replaceCredentialEndpoint(request -> request.response().setStatusCode(200)
        .putHeader("Content-Type", "application/json")
        .end(new JsonObject().put("credentials", new JsonArray().add(new JsonObject().put("credential", "e30.e30.c2ln~")))
            .encode()));
    try {
      conforms("POST", "/v1/offers/{offerId}/accept", accept(token, offerId, created.getString("tx_code")), 422);
    } finally {
      ISSUER.restoreCredentialEndpoint();
    }
    conforms("GET", "/v1/offers/{offerId}", cairn.api().get("/v1/offers/" + offerId, token), 200);
  }

  private static String employerToken;

  private static String employer() {
    if (employerToken == null) {
      cairn.api().post("/v1/employers", null, new JsonObject().put("email", "hr@offers-doc.example")
          .put("password", "a long enough password").put("organisation", "Offers Doc Ltd"));
      employerToken = cairn.api().post("/v1/sessions", null,
          Api.credentials("hr@offers-doc.example", "a long enough password")).json().getString("accessToken");
    }
    return employerToken;
  }

  private static Response scan(String token, String offer) {
    return cairn.api().post("/v1/offers", token, new JsonObject().put("offer", offer));
  }

  private static Response accept(String token, String offerId, String txCode) {
    JsonObject body = txCode == null ? new JsonObject() : new JsonObject().put("tx_code", txCode);
    return cairn.api().post("/v1/offers/" + offerId + "/accept", token, body);
  }

  /** The answer has the expected status and matches the document's schema for it. */
  private static void conforms(String method, String template, Response response, int status) {
    assertEquals(status, response.status(), method + " " + template + ": " + response.body());
    List<String> violations = CONTRACT.violations(method, template, response.status(),
        response.header("Content-Type").orElse(null), response.body());
    assertEquals(List.of(), violations, method + " " + template + " answered " + response.status() + ": "
        + response.body());
  }
}
