package dev.cairn.wallet.employer;

import static dev.cairn.wallet.testing.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import dev.cairn.credentials.Issuers;
import dev.cairn.credentials.sdjwt.HashAlgorithm;
import dev.cairn.credentials.sdjwt.KeyBinding;
import dev.cairn.credentials.sdjwt.SdJwtBuilder;
import dev.cairn.wallet.testing.Api.Response;
import dev.cairn.wallet.testing.CairnUnderTest;
import dev.cairn.wallet.testing.Credentials;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Employers verify what reached them by other means, signed in or with an API key; nothing is stored. */
class StandaloneVerificationTest {
  @RegisterExtension
  static final CairnUnderTest cairn = CairnUnderTest.perClass();
  private static final Credentials ISSUER = new Credentials();
  private static String employer;

  @BeforeAll
  static void anEmployerSignsUp() {
    Response created = cairn.api().post("/v1/employers", null, new JsonObject().put("email", "hr@acme.example")
        .put("password", "a long enough password").put("organisation", "Acme Kitchens Ltd"));
    assertEquals(201, created.status(), created.body());
    employer = cairn.api().post("/v1/sessions", null, dev.cairn.wallet.testing.Api.credentials("hr@acme.example",
        "a long enough password")).json().getString("accessToken");
  }

  private static Response verify(String token, String mediaType, String body, String query) {
    return cairn.api().send("POST", "/v1/verifier/verifications" + query, token, Map.of("Content-Type", mediaType),
        body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void anEmployerAccountSaysWhatItIs() {
    JsonObject me = cairn.api().get("/v1/me", employer).json();
    assertEquals("employer", me.getString("role"));
    assertEquals("Acme Kitchens Ltd", me.getString("organisation"));
    assertEquals(0, cairn.queryLong("SELECT count(*) FROM holder_key k JOIN account a ON a.id = k.account_id "
        + "WHERE a.email = 'hr@acme.example'"), "an employer holds no credentials, so no holder keys");
  }

  @Test
  void aCredentialIsVerifiedWithItsChecksAndClaimsAndNothingIsStored() {
    String credential = ISSUER.sdJwt(ISSUER.claims("Food Safety Level 2", cairn.clock.instant()));
    Map<String, Long> before = cairn.rowCounts();
    Response verified = verify(employer, "application/dc+sd-jwt", credential, "");
    assertEquals(200, verified.status(), verified.body());
    JsonObject body = verified.json();
    assertEquals("credential", body.getString("kind"));
    assertTrue(body.getBoolean("valid"), body.encode());
    assertEquals(7, body.getJsonArray("checks").size());
    assertEquals("Ada", body.getJsonObject("credential").getJsonObject("claims").getString("given_name"));
    assertEquals("Food Safety Level 2", body.getJsonObject("credential").getJsonObject("display").getString("title"));
    assertEquals(before, cairn.rowCounts());

    String forged = credential.replaceFirst("\\.([A-Za-z0-9_-])", ".X");
    JsonObject refused = verify(employer, "application/dc+sd-jwt", forged, "").json();
    assertFalse(refused.getBoolean("valid"));
  }

  @Test
  void aPresentationIsHeldToItsNonceAndAudience() throws Exception {
    ECKey holder = Issuers.newHolderKey();
    String issued = ISSUER.sdJwtBoundTo(ISSUER.claims("Allergen Awareness", cairn.clock.instant()),
        new JsonObject(holder.toPublicJWK().toJSONString()));
    String disclosed = SdJwtBuilder.present(issued, Set.of("description"));
    String presented = disclosed + KeyBinding.create(disclosed, HashAlgorithm.SHA_256, new ECDSASigner(holder),
        JWSAlgorithm.ES256, "n-123", "https://acme.example", cairn.clock.instant());

    JsonObject ok = verify(employer, "application/dc+sd-jwt", presented, "?nonce=n-123&audience=https://acme.example").json();
    assertTrue(ok.getBoolean("valid"), ok.encode());
    JsonObject claims = ok.getJsonObject("credential").getJsonObject("claims");
    assertTrue(claims.containsKey("description"));
    assertFalse(claims.containsKey("given_name"), "only what the holder disclosed");

    JsonObject replayed = verify(employer, "application/dc+sd-jwt", presented, "?nonce=other&audience=https://acme.example").json();
    assertFalse(replayed.getBoolean("valid"));
    assertEquals("holder-binding", replayed.getJsonArray("checks").stream().map(JsonObject.class::cast)
        .filter(check -> check.getString("outcome").equals("failed")).findFirst().orElseThrow().getString("check"));
    assertProblem(400, "invalid-request", verify(employer, "application/dc+sd-jwt", presented, "?nonce=n-123"));
  }

  @Test
  void apiKeysAreShownOnceWorkUntilRevokedAndCannotMintKeys() {
    Response created = cairn.api().post("/v1/verifier/api-keys", employer, new JsonObject().put("name", "HR system"));
    assertEquals(201, created.status(), created.body());
    String key = created.json().getString("key");
    assertTrue(key.startsWith("cairn_ak_"));
    Response listed = cairn.api().get("/v1/verifier/api-keys", employer);
    assertFalse(listed.body().contains(key.substring(key.indexOf('.') + 1)), "the secret is never shown again");
    assertEquals(0, cairn.queryLong("SELECT count(*) FROM api_key WHERE secret_hash LIKE '%" + key.substring(key.indexOf('.') + 1) + "%'"));

    String credential = ISSUER.sdJwt(ISSUER.claims("Knife Skills", cairn.clock.instant()));
    assertTrue(verify(key, "application/dc+sd-jwt", credential, "").json().getBoolean("valid"));
    assertProblem(403, "forbidden", cairn.api().post("/v1/verifier/api-keys", key, new JsonObject().put("name", "x")));

    assertEquals(204, cairn.api().delete("/v1/verifier/api-keys/" + created.json().getString("id"), employer).status());
    assertProblem(401, "invalid-token", verify(key, "application/dc+sd-jwt", credential, ""));
    assertProblem(401, "invalid-token", verify("cairn_ak_" + created.json().getString("id") + ".wrong",
        "application/dc+sd-jwt", credential, ""));
  }

  @Test
  void learnersCannotUseTheVerifierRoutes() {
    String learner = cairn.api().signUp("curious-learner@example.org").getString("accessToken");
    String credential = ISSUER.sdJwt(ISSUER.claims("Anything", cairn.clock.instant()));
    assertProblem(403, "forbidden", verify(learner, "application/dc+sd-jwt", credential, ""));
    assertProblem(403, "forbidden", cairn.api().post("/v1/verifier/api-keys", learner, new JsonObject().put("name", "x")));
    assertProblem(400, "invalid-request", cairn.api().post("/v1/employers", null, new JsonObject()
        .put("email", "nameless@acme.example").put("password", "a long enough password").put("organisation", " ")));
  }
}
