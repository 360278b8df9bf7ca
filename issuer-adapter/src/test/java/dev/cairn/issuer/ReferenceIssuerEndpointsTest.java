package dev.cairn.issuer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.util.Base64URL;
import dev.cairn.did.fetch.FetchedBody;
import dev.cairn.did.testing.Vectors;
import dev.cairn.issuer.testing.Holders;
import dev.cairn.issuer.testing.IssuanceWorld;
import dev.cairn.issuer.testing.RawIssuerCalls;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The reference issuer's endpoints called directly: the answers' shapes against the OpenID4VCI 1.0 examples, and
 * every refusal of the token, nonce and key-proof rules.
 */
class ReferenceIssuerEndpointsTest {
  private static final IssuanceWorld WORLD = new IssuanceWorld();
  private static final RawIssuerCalls CALLS = new RawIssuerCalls(WORLD);
  private static final String SD_JWT = "MicroCredential_dc+sd-jwt";
  private static final String DIR = "openid4vci/1.0/";

  @AfterAll
  static void close() {
    WORLD.close();
  }

  private static Set<String> members(FetchedBody body) {
    return body.jsonObject().orElseThrow().fieldNames();
  }

  @Test
  void theNonceResponseIsUncacheableAndShapedLikeTheSpecExample() {
    FetchedBody answer = CALLS.nonce();
    assertEquals(Optional.of(Duration.ZERO), answer.maxAge(), "§7.2: Cache-Control no-store");
    assertEquals(Vectors.object(DIR + "nonce_response.json").fieldNames(), members(answer));
  }

  @Test
  void aCredentialResponseHasTheSpecExamplesMembers() {
    ECKey key = Holders.p256();
    FetchedBody answer = CALLS.credential(CALLS.accessToken(SD_JWT), SD_JWT, CALLS.goodProof(key, CALLS.freshNonce()));
    assertEquals(200, answer.status());
    assertEquals(Vectors.object(DIR + "credential_response_batch.json").fieldNames(), members(answer));
  }

  @Test
  void aDeferredAnswerHasTheSpecExamplesMembersAndStatus() {
    JsonObject request = IssuanceWorld.offerRequest(SD_JWT).put("deferred", true);
    JsonObject created = WORLD.offer(request);
    String code = created.getJsonObject("credential_offer").getJsonObject("grants")
        .getJsonObject("urn:ietf:params:oauth:grant-type:pre-authorized_code").getString("pre-authorized_code");
    String token = CALLS.token(code, created.getString("tx_code")).jsonObject().orElseThrow().getString("access_token");
    FetchedBody answer = CALLS.credential(token, SD_JWT, CALLS.goodProof(Holders.p256(), CALLS.freshNonce()));
    assertEquals(202, answer.status());
    assertEquals(Vectors.object(DIR + "credential_response_deferred.json").fieldNames(), members(answer));
  }

  @Test
  void anUnknownTransactionIdIsTheSpecExamplesError() {
    FetchedBody answer = CALLS.post("/deferred_credential", CALLS.accessToken(SD_JWT),
        Vectors.object(DIR + "deferred_credential_request.json"));
    assertEquals(400, answer.status());
    assertEquals(Vectors.object(DIR + "deferred_error_response.json").getString("error"), RawIssuerCalls.error(answer));
  }

  @Test
  void anUnknownNotificationIdIsTheSpecExamplesError() {
    FetchedBody answer = CALLS.post("/notification", CALLS.accessToken(SD_JWT),
        Vectors.object(DIR + "notification_request_accepted.json"));
    assertEquals(400, answer.status());
    assertEquals(Vectors.object(DIR + "notification_error_response.json").getString("error"), RawIssuerCalls.error(answer));
  }

  @Test
  void anUnknownConfigurationIsTheSpecExamplesError() {
    FetchedBody answer = CALLS.credential(CALLS.accessToken(SD_JWT), "UniversityDegreeCredential",
        CALLS.goodProof(Holders.p256(), CALLS.freshNonce()));
    assertEquals(Vectors.object(DIR + "credential_error_response.json").getString("error"), RawIssuerCalls.error(answer));
  }

  @Test
  void aReusedNonceIsInvalidNonce() {
    String token = CALLS.accessToken(SD_JWT);
    String nonce = CALLS.freshNonce();
    assertEquals(200, CALLS.credential(token, SD_JWT, CALLS.goodProof(Holders.p256(), nonce)).status());
    FetchedBody replay = CALLS.credential(token, SD_JWT, CALLS.goodProof(Holders.p256(), nonce));
    assertEquals("invalid_nonce", RawIssuerCalls.error(replay));
  }

  @Test
  void anExpiredNonceIsInvalidNonce() {
    String nonce = CALLS.freshNonce();
    WORLD.clock.advance(Duration.ofMinutes(6));
    FetchedBody answer = CALLS.credential(CALLS.accessToken(SD_JWT), SD_JWT, CALLS.goodProof(Holders.p256(), nonce));
    assertEquals("invalid_nonce", RawIssuerCalls.error(answer));
  }

  @Test
  void aNonceThisIssuerNeverGaveIsInvalidNonce() {
    FetchedBody answer = CALLS.credential(CALLS.accessToken(SD_JWT), SD_JWT, CALLS.goodProof(Holders.p256(), "made-up"));
    assertEquals("invalid_nonce", RawIssuerCalls.error(answer));
  }

  @Test
  void aProofWithoutNonceIsInvalidProof() {
    FetchedBody answer = CALLS.credential(CALLS.accessToken(SD_JWT), SD_JWT, CALLS.goodProof(Holders.p256(), null));
    assertEquals("invalid_proof", RawIssuerCalls.error(answer));
  }

  @Test
  void aProofSignedByAnotherKeyThanItsHeaderNamesIsInvalidProof() {
    ECKey named = Holders.p256();
    String proof = CALLS.proof(Holders.p256(), named.toPublicJWK(), "openid4vci-proof+jwt", WORLD.origin(),
        WORLD.clock.instant(), CALLS.freshNonce());
    assertEquals("invalid_proof", RawIssuerCalls.error(CALLS.credential(CALLS.accessToken(SD_JWT), SD_JWT, proof)));
  }

  @Test
  void aProofOfAnotherTypeIsInvalidProof() {
    ECKey key = Holders.p256();
    String proof = CALLS.proof(key, key.toPublicJWK(), "JWT", WORLD.origin(), WORLD.clock.instant(), CALLS.freshNonce());
    assertEquals("invalid_proof", RawIssuerCalls.error(CALLS.credential(CALLS.accessToken(SD_JWT), SD_JWT, proof)));
  }

  @Test
  void aProofForAnotherAudienceIsInvalidProof() {
    ECKey key = Holders.p256();
    String proof = CALLS.proof(key, key.toPublicJWK(), "openid4vci-proof+jwt", "https://other.example",
        WORLD.clock.instant(), CALLS.freshNonce());
    assertEquals("invalid_proof", RawIssuerCalls.error(CALLS.credential(CALLS.accessToken(SD_JWT), SD_JWT, proof)));
  }

  @Test
  void aStaleProofIsInvalidProof() {
    ECKey key = Holders.p256();
    String proof = CALLS.proof(key, key.toPublicJWK(), "openid4vci-proof+jwt", WORLD.origin(),
        WORLD.clock.instant().minus(Duration.ofMinutes(10)), CALLS.freshNonce());
    assertEquals("invalid_proof", RawIssuerCalls.error(CALLS.credential(CALLS.accessToken(SD_JWT), SD_JWT, proof)));
  }

  @Test
  void aProofCarryingAPrivateKeyInItsHeaderIsInvalidProof() throws Exception {
    ECKey key = Holders.p256();
    JsonObject header = new JsonObject().put("typ", "openid4vci-proof+jwt").put("alg", "ES256")
        .put("jwk", new JsonObject(key.toJSONObject()));
    JsonObject claims = new JsonObject().put("aud", WORLD.origin()).put("iat", WORLD.clock.instant().getEpochSecond())
        .put("nonce", CALLS.freshNonce());
    String input = Base64URL.encode(header.encode().getBytes(StandardCharsets.UTF_8)) + "."
        + Base64URL.encode(claims.encode().getBytes(StandardCharsets.UTF_8));
    String proof = input + "." + new ECDSASigner(key).sign(new JWSHeader(JWSAlgorithm.ES256),
        input.getBytes(StandardCharsets.US_ASCII));
    assertEquals("invalid_proof", RawIssuerCalls.error(CALLS.credential(CALLS.accessToken(SD_JWT), SD_JWT, proof)));
  }

  @Test
  void moreProofsThanTheBatchSizeAreInvalidProof() {
    String nonce = CALLS.freshNonce();
    String[] proofs = new String[WORLD.issuer.config().batchSize() + 1];
    for (int i = 0; i < proofs.length; i++) {
      proofs[i] = CALLS.goodProof(Holders.p256(), nonce);
    }
    assertEquals("invalid_proof", RawIssuerCalls.error(CALLS.credential(CALLS.accessToken(SD_JWT), SD_JWT, proofs)));
  }

  @Test
  void aCredentialRequestWithoutAccessTokenIsUnauthorized() {
    FetchedBody answer = CALLS.credential("not-a-token", SD_JWT, CALLS.goodProof(Holders.p256(), CALLS.freshNonce()));
    assertEquals(401, answer.status());
    assertEquals("invalid_token", RawIssuerCalls.error(answer));
  }

  @Test
  void anAccessTokenCoversOnlyTheOfferedConfigurations() {
    FetchedBody answer = CALLS.credential(CALLS.accessToken(SD_JWT), "MicroCredential_jwt_vc_json",
        CALLS.goodProof(Holders.p256(), CALLS.freshNonce()));
    assertEquals("credential_request_denied", RawIssuerCalls.error(answer));
  }

  @Test
  void aMissingTxCodeIsInvalidRequest() {
    JsonObject created = WORLD.offer(IssuanceWorld.offerRequest(SD_JWT));
    String code = created.getJsonObject("credential_offer").getJsonObject("grants")
        .getJsonObject("urn:ietf:params:oauth:grant-type:pre-authorized_code").getString("pre-authorized_code");
    FetchedBody answer = CALLS.token(code, null);
    assertEquals(400, answer.status());
    assertEquals(Vectors.object(DIR + "token_error_response.json").getString("error"), RawIssuerCalls.error(answer));
  }

  @Test
  void theTokenResponseHasTheSpecExamplesMembersWithoutAuthorizationDetails() {
    JsonObject created = WORLD.offer(IssuanceWorld.offerRequest(SD_JWT));
    String code = created.getJsonObject("credential_offer").getJsonObject("grants")
        .getJsonObject("urn:ietf:params:oauth:grant-type:pre-authorized_code").getString("pre-authorized_code");
    FetchedBody answer = CALLS.token(code, created.getString("tx_code"));
    Set<String> expected = new java.util.HashSet<>(Vectors.object(DIR + "token_response_authorization_details.json").fieldNames());
    expected.remove("authorization_details");
    assertEquals(expected, members(answer));
    assertEquals(Optional.of(Duration.ZERO), answer.maxAge());
    assertTrue(answer.jsonObject().orElseThrow().getLong("expires_in") <= 300, "§13.6: short-lived bearer tokens");
  }
}
