package dev.cairn.issuer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.SignedJWT;
import dev.cairn.did.fetch.FetchException;
import dev.cairn.did.fetch.FetchPolicy;
import dev.cairn.did.testing.Await;
import dev.cairn.did.testing.TestHttpsServer;
import dev.cairn.issuer.client.Acceptance;
import dev.cairn.issuer.client.ConfigurationOutcome;
import dev.cairn.issuer.client.IssuanceClient;
import dev.cairn.issuer.client.IssuanceException;
import dev.cairn.issuer.client.IssuanceFailure;
import dev.cairn.issuer.client.ResolvedOffer;
import dev.cairn.issuer.oid4vci.OpenId4Vci;
import dev.cairn.issuer.testing.Holders;
import dev.cairn.issuer.testing.IssuanceWorld;
import dev.cairn.issuer.testing.RawIssuerCalls;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Each way an issuance must fail, and the typed failure the wallet gets. */
class IssuanceFailuresTest {
  private static final IssuanceWorld WORLD = new IssuanceWorld();
  private static final String SD_JWT = "MicroCredential_dc+sd-jwt";

  @AfterAll
  static void close() {
    WORLD.close();
  }

  private static IssuanceFailure failureOf(io.vertx.core.Future<?> future) {
    return assertInstanceOf(IssuanceException.class, Await.failure(future)).failure();
  }

  private static ResolvedOffer resolved(JsonObject created) {
    return Await.result(WORLD.client.resolve(created.getString("offer_by_value")));
  }

  private static io.vertx.core.Future<List<ConfigurationOutcome>> accept(ResolvedOffer offer, String txCode) {
    return WORLD.client.accept(offer, Acceptance.allWith(offer, Optional.ofNullable(txCode), Holders.p256Jwk()));
  }

  private static String wrong(String txCode) {
    return txCode.equals("000000") ? "111111" : "000000";
  }

  @Test
  void aWrongTxCodeIsRefusedAsInvalidGrant() {
    JsonObject created = WORLD.offer(IssuanceWorld.offerRequest(SD_JWT));
    IssuanceFailure failure = failureOf(accept(resolved(created), wrong(created.getString("tx_code"))));
    assertEquals("invalid_grant", assertInstanceOf(IssuanceFailure.TokenRefused.class, failure).error());
  }

  @Test
  void theRightTxCodeStillWorksBeforeTheLimit() {
    JsonObject created = WORLD.offer(IssuanceWorld.offerRequest(SD_JWT));
    ResolvedOffer offer = resolved(created);
    failureOf(accept(offer, wrong(created.getString("tx_code"))));
    List<ConfigurationOutcome> outcomes = Await.result(accept(offer, created.getString("tx_code")));
    assertInstanceOf(ConfigurationOutcome.Issued.class, outcomes.get(0));
  }

  @Test
  void thePreAuthorizedCodeIsLockedAfterTheLastWrongTxCode() {
    JsonObject created = WORLD.offer(IssuanceWorld.offerRequest(SD_JWT));
    ResolvedOffer offer = resolved(created);
    for (int i = 0; i < WORLD.issuer.config().maxTxCodeAttempts(); i++) {
      failureOf(accept(offer, wrong(created.getString("tx_code"))));
    }
    IssuanceFailure failure = failureOf(accept(offer, created.getString("tx_code")));
    assertEquals("invalid_grant", assertInstanceOf(IssuanceFailure.TokenRefused.class, failure).error(),
        "even the right code is refused once locked");
  }

  @Test
  void aMissingTxCodeFailsBeforeAnyRequest() {
    JsonObject created = WORLD.offer(IssuanceWorld.offerRequest(SD_JWT));
    assertInstanceOf(IssuanceFailure.TxCodeRequired.class, failureOf(accept(resolved(created), null)));
  }

  @Test
  void aReplayedPreAuthorizedCodeIsRefused() {
    JsonObject created = WORLD.offer(IssuanceWorld.offerRequest(SD_JWT));
    ResolvedOffer offer = resolved(created);
    Await.result(accept(offer, created.getString("tx_code")));
    IssuanceFailure failure = failureOf(accept(offer, created.getString("tx_code")));
    assertEquals("invalid_grant", assertInstanceOf(IssuanceFailure.TokenRefused.class, failure).error());
  }

  @Test
  void anExpiredPreAuthorizedCodeIsRefused() {
    JsonObject created = WORLD.offer(IssuanceWorld.offerRequest(SD_JWT));
    ResolvedOffer offer = resolved(created);
    WORLD.clock.advance(WORLD.issuer.config().preAuthorizedCodeLifetime());
    IssuanceFailure failure = failureOf(accept(offer, created.getString("tx_code")));
    assertEquals("invalid_grant", assertInstanceOf(IssuanceFailure.TokenRefused.class, failure).error());
  }

  @Test
  void aKeyThisIssuerDoesNotAcceptIsRefusedBeforeSending() {
    JsonObject created = WORLD.offer(IssuanceWorld.offerRequest(SD_JWT));
    ResolvedOffer offer = resolved(created);
    List<ConfigurationOutcome> outcomes = Await.result(WORLD.client.accept(offer, new Acceptance(
        Optional.of(created.getString("tx_code")), java.util.Map.of(SD_JWT, java.util.Collections.nCopies(
            WORLD.issuer.config().batchSize() + 1, Holders.p256Jwk())))));
    assertInstanceOf(IssuanceFailure.Unsupported.class,
        assertInstanceOf(ConfigurationOutcome.Refused.class, outcomes.get(0)).failure());
  }

  @Test
  void anOfferFromAnIssuerOnAPrivateAddressIsRefusedWithoutTheAllowList() {
    JsonObject created = WORLD.offer(IssuanceWorld.offerRequest(SD_JWT));
    IssuanceClient strict = WORLD.clientWith(FetchPolicy.defaults().trusting(WORLD.trustPem));
    IssuanceFailure failure = failureOf(strict.resolve(created.getString("offer_by_value")));
    assertEquals(FetchException.Reason.ADDRESS_NOT_ALLOWED,
        assertInstanceOf(IssuanceFailure.FetchFailed.class, failure).reason());
  }

  @Test
  void anOfferByReferenceOnAPrivateAddressIsNotFetchedWithoutTheAllowList() {
    JsonObject created = WORLD.offer(IssuanceWorld.offerRequest(SD_JWT));
    IssuanceClient strict = WORLD.clientWith(FetchPolicy.defaults().trusting(WORLD.trustPem));
    IssuanceFailure failure = failureOf(strict.resolve(created.getString("offer_by_reference")));
    assertEquals(FetchException.Reason.ADDRESS_NOT_ALLOWED,
        assertInstanceOf(IssuanceFailure.FetchFailed.class, failure).reason());
  }

  @Test
  void anOversizedMetadataResponseIsCutOff() {
    JsonObject created = WORLD.offer(IssuanceWorld.offerRequest(SD_JWT));
    IssuanceClient capped = WORLD.clientWith(WORLD.clientPolicy().withMaxBodyBytes(1024));
    IssuanceFailure failure = failureOf(capped.resolve(created.getString("offer_by_value")));
    assertEquals(FetchException.Reason.TOO_LARGE, assertInstanceOf(IssuanceFailure.FetchFailed.class, failure).reason());
  }

  @Test
  void metadataNamingAnotherCredentialIssuerIsNotUsed() throws Exception {
    try (TestHttpsServer impostor = new TestHttpsServer(WORLD.vertx)) {
      String origin = "https://localhost:" + impostor.port();
      impostor.serve("/.well-known/openid-credential-issuer", "application/json", new JsonObject()
          .put("credential_issuer", origin + "/somebody-else")
          .put("credential_endpoint", origin + "/credential")
          .put("credential_configurations_supported", new JsonObject().put("x", new JsonObject().put("format", "dc+sd-jwt")))
          .encode());
      IssuanceClient client = WORLD.clientWith(FetchPolicy.defaults().allowingPrivateHosts(Set.of("localhost"))
          .trusting(impostor.certificate.writeCertificate(java.nio.file.Files.createTempDirectory("cairn-impostor"))));
      IssuanceFailure failure = failureOf(client.resolve(offerByValue(origin, "x")));
      assertInstanceOf(IssuanceFailure.MetadataInvalid.class, failure);
    }
  }

  @Test
  void aTokenEndpointOnAPrivateAddressOutsideTheAllowListIsNotCalled() throws Exception {
    try (TestHttpsServer issuer = new TestHttpsServer(WORLD.vertx)) {
      String origin = "https://localhost:" + issuer.port();
      issuer.serve("/.well-known/openid-credential-issuer", "application/json", new JsonObject()
          .put("credential_issuer", origin)
          .put("credential_endpoint", origin + "/credential")
          .put("credential_configurations_supported", new JsonObject().put("x", new JsonObject().put("format", "dc+sd-jwt")))
          .encode());
      issuer.serve("/.well-known/oauth-authorization-server", "application/json", new JsonObject()
          .put("issuer", origin).put("token_endpoint", "https://127.0.0.1:" + issuer.port() + "/token").encode());
      java.nio.file.Path directory = java.nio.file.Files.createTempDirectory("cairn-impostor");
      IssuanceClient client = WORLD.clientWith(FetchPolicy.defaults().allowingPrivateHosts(Set.of("localhost"))
          .trusting(issuer.certificate.writeCertificate(directory)));
      ResolvedOffer offer = Await.result(client.resolve(offerByValue(origin, "x")));
      IssuanceFailure failure = failureOf(client.accept(offer, Acceptance.allWith(offer, Optional.of("1234"), Holders.p256Jwk())));
      assertEquals(FetchException.Reason.ADDRESS_NOT_ALLOWED,
          assertInstanceOf(IssuanceFailure.FetchFailed.class, failure).reason());
      assertEquals(0, issuer.hits("/token"));
    }
  }

  @Test
  void aCredentialBoundToAnotherKeyIsRefusedAndReportedAsCredentialFailure() {
    try (IssuanceWorld world = new IssuanceWorld()) {
      ECKey attacker = Holders.p256();
      RawIssuerCalls calls = new RawIssuerCalls(world);
      // The request reaches the issuer with the wallet's nonce but proofs by a key the wallet never held.
      world.rewriteCredentialRequests(body -> {
        JsonArray proofs = body.getJsonObject("proofs").getJsonArray("jwt");
        JsonArray swapped = new JsonArray();
        proofs.forEach(proof -> swapped.add(calls.goodProof(attacker, nonceOf((String) proof))));
        return body.put("proofs", new JsonObject().put("jwt", swapped));
      });
      JsonObject created = world.offer(IssuanceWorld.offerRequest(SD_JWT));
      ResolvedOffer offer = Await.result(world.client.resolve(created.getString("offer_by_value")));
      List<ConfigurationOutcome> outcomes = Await.result(world.client.accept(offer,
          Acceptance.allWith(offer, Optional.of(created.getString("tx_code")), Holders.p256Jwk())));
      ConfigurationOutcome.Refused refused = assertInstanceOf(ConfigurationOutcome.Refused.class, outcomes.get(0));
      assertInstanceOf(IssuanceFailure.NotBoundToProofKey.class, refused.failure());
      assertTrue(world.issuer.notifications().reported().stream()
          .anyMatch(event -> event.event().equals(OpenId4Vci.CREDENTIAL_FAILURE)
              && "credential-not-bound".equals(event.description())));
    }
  }

  private static String nonceOf(String proof) {
    try {
      return SignedJWT.parse(proof).getJWTClaimsSet().getStringClaim("nonce");
    } catch (java.text.ParseException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String offerByValue(String issuer, String configurationId) {
    JsonObject offer = new JsonObject().put("credential_issuer", issuer)
        .put("credential_configuration_ids", new JsonArray().add(configurationId))
        .put("grants", new JsonObject().put(OpenId4Vci.PRE_AUTHORIZED_CODE_GRANT, new JsonObject()
            .put("pre-authorized_code", "code").put("tx_code", new JsonObject())));
    return "openid-credential-offer://?credential_offer=" + URLEncoder.encode(offer.encode(), StandardCharsets.UTF_8);
  }
}
