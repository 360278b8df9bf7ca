package dev.cairn.wallet.presentation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.wallet.testing.Api;
import dev.cairn.wallet.testing.Api.Response;
import dev.cairn.wallet.testing.CairnUnderTest;
import dev.cairn.wallet.testing.Credentials;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two Cairn instances on one database, as two pods behind a load balancer: the second hands out URLs naming the
 * first (the balancer's address), so a request made on one is served and answered on the other, and sessions made
 * on either work on both. Nothing of a presentation lives in one instance's memory.
 */
class TwoInstancesTest {
  private static final Credentials ISSUER = new Credentials();

  @Test
  void aRequestMadeOnOneInstanceIsServedAndAnsweredByTheOther() {
    try (CairnUnderTest first = CairnUnderTest.start(Map.of("CAIRN_HTTP_ALLOW_PRIVATE_HOSTS", "127.0.0.1"));
         CairnUnderTest second = CairnUnderTest.alongside(first, Map.of("CAIRN_PUBLIC_URL", first.api().base()))) {
      Response employer = first.api().post("/v1/employers", null, new JsonObject().put("email", "hr@two.example")
          .put("password", "a long enough password").put("organisation", "Two Pods Ltd"));
      assertEquals(201, employer.status(), employer.body());
      String employerToken = first.api().post("/v1/sessions", null,
          Api.credentials("hr@two.example", "a long enough password")).json().getString("accessToken");
      String learnerToken = first.api().signUp("learner@two.example").getString("accessToken");

      JsonObject key = second.api().get("/v1/holder-keys", learnerToken).json().getJsonArray("keys").getJsonObject(0);
      String credential = ISSUER.sdJwtBoundTo(ISSUER.claims("Food Safety Level 2", first.clock.instant()),
          key.getJsonObject("publicJwk"));
      String credentialId = second.api().postRaw("/v1/credentials", learnerToken, "application/dc+sd-jwt",
          credential.getBytes(StandardCharsets.UTF_8)).json().getString("id");

      JsonObject query = new JsonObject().put("credentials", new JsonArray().add(new JsonObject().put("id", "proof")
          .put("format", "dc+sd-jwt")
          .put("meta", new JsonObject().put("vct_values", new JsonArray().add("https://credentials.example/micro-credential")))
          .put("claims", new JsonArray().add(new JsonObject().put("path", new JsonArray().add("name"))))));
      JsonObject request = second.api().post("/v1/verifier/requests", employerToken, new JsonObject()
          .put("dcql_query", query).put("purpose", "Two pods")).json();
      assertTrue(request.getString("request_uri").startsWith(first.api().base()), request.getString("request_uri"));

      JsonObject exchange = second.api().post("/v1/presentation-requests", learnerToken,
          new JsonObject().put("request", request.getString("authorization_request"))).json();
      Response sent = second.api().post("/v1/presentation-requests/" + exchange.getString("id") + "/consent", learnerToken,
          new JsonObject().put("credentials", new JsonObject().put("proof",
              new JsonArray().add(new JsonObject().put("credential_id", credentialId)))));
      assertEquals(200, sent.status(), sent.body());

      JsonObject seen = first.api().get("/v1/verifier/requests/" + request.getString("id"), employerToken).json();
      assertEquals("fulfilled", seen.getString("status"), seen.encode());
      assertEquals(seen, second.api().get("/v1/verifier/requests/" + request.getString("id"), employerToken).json());
    }
  }
}
