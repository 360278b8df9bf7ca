package dev.cairn.wallet.employer.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cairn.wallet.testing.Api;
import dev.cairn.wallet.testing.Credentials;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A learner driven through the REST API, as their app would: signs up, holds an SD-JWT VC micro-credential from the
 * test issuer bound to their P-256 holder key, opens an employer's {@code openid4vp://} link and consents.
 */
final class LearnerWallet {
  static final String VCT = "https://credentials.example/micro-credential";

  private final Api api;
  private final String token;
  private final String credentialId;

  private LearnerWallet(Api api, String token, String credentialId) {
    this.api = api;
    this.token = token;
    this.credentialId = credentialId;
  }

  static LearnerWallet holding(Api api, Credentials issuer, String email, String achievement, Instant issuedAt) {
    String token = api.signUp(email).getString("accessToken");
    JsonObject p256 = api.get("/v1/holder-keys", token).json().getJsonArray("keys").getJsonObject(0);
    String credential = issuer.sdJwtBoundTo(issuer.claims(achievement, issuedAt), p256.getJsonObject("publicJwk"));
    Api.Response imported = api.postRaw("/v1/credentials", token, "application/dc+sd-jwt",
        credential.getBytes(StandardCharsets.UTF_8));
    assertEquals(201, imported.status(), imported.body());
    return new LearnerWallet(api, token, imported.json().getString("id"));
  }

  /** Opens the link and consents with the held credential for the SD-JWT VC query; returns the exchange's status. */
  String answer(String authorizationRequest) {
    Api.Response opened = api.post("/v1/presentation-requests", token,
        new JsonObject().put("request", authorizationRequest));
    assertEquals(201, opened.status(), opened.body());
    Api.Response consented = api.post("/v1/presentation-requests/" + opened.json().getString("id") + "/consent", token,
        new JsonObject().put("credentials", new JsonObject().put("sd_jwt_vc",
            new JsonArray().add(new JsonObject().put("credential_id", credentialId)))));
    assertEquals(200, consented.status(), consented.body());
    return consented.json().getString("status");
  }
}
