package dev.cairn.issuer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.SignedJWT;
import dev.cairn.credentials.Check;
import dev.cairn.credentials.CheckResult;
import dev.cairn.credentials.CredentialVerifier;
import dev.cairn.credentials.Outcome;
import dev.cairn.credentials.ReasonCode;
import dev.cairn.credentials.VerificationPolicy;
import dev.cairn.credentials.VerificationResult;
import dev.cairn.credentials.jsonld.CanonicalizationLimits;
import dev.cairn.credentials.jsonld.PinnedContexts;
import dev.cairn.credentials.jsonld.RdfCanonicalizer;
import dev.cairn.credentials.status.StatusBits;
import dev.cairn.did.fetch.FetchedBody;
import dev.cairn.did.fetch.HardenedFetch;
import dev.cairn.did.fetch.OutboundRequest;
import dev.cairn.did.testing.Await;
import dev.cairn.issuer.client.Acceptance;
import dev.cairn.issuer.client.ConfigurationOutcome;
import dev.cairn.issuer.client.ReceivedCredential;
import dev.cairn.issuer.client.ResolvedOffer;
import dev.cairn.issuer.testing.Holders;
import dev.cairn.issuer.testing.IssuanceWorld;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The reference issuer's status lists over real HTTPS on loopback: a credential of each format is issued, the wallet
 * client finds it valid, the operator revokes (or suspends and reinstates) it, and the verifier of credentials/ —
 * once its copy of the list is older than the list's ttl — reports the new status.
 */
class RevocationAndSuspensionTest {
  private static final String ADMIN = "operator-secret-for-tests";
  private static final IssuanceWorld WORLD = new IssuanceWorld(config -> config.withAdminToken(ADMIN),
      UnaryOperator.identity());
  private static final HardenedFetch OPERATOR = new HardenedFetch(WORLD.vertx, WORLD.clientPolicy());
  private static final CredentialVerifier VERIFIER = new CredentialVerifier(WORLD.resolver, WORLD.fetch,
      WORLD.vertx.createSharedWorkerExecutor("status-test-crypto", 2), WORLD.clock,
      new RdfCanonicalizer(PinnedContexts.bundled(), new CanonicalizationLimits(Duration.ofSeconds(5),
          CanonicalizationLimits.DEFAULT.maxQuads(), CanonicalizationLimits.DEFAULT.maxBlankNodes())));

  @AfterAll
  static void close() {
    WORLD.close();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"MicroCredential_dc+sd-jwt", "MicroCredential_jwt_vc_json",
      "MicroCredential_ldp_vc_eddsa-rdfc-2022", "MicroCredential_ldp_vc_ecdsa-sd-2023"})
  void aRevokedCredentialIsReportedRevokedOnceTheListsTtlHasPassed(String configurationId) {
    Issued issued = issue(configurationId);
    assertStatus(issued.credential().verification(), Outcome.PASSED, null);
    assertStatus(verify(issued), Outcome.PASSED, null);

    JsonObject revoked = operator("/issuer/credentials/" + issued.id() + "/revoke", ADMIN, 200);
    assertEquals("revoked", revoked.getString("status"));
    assertStatus(verify(issued), Outcome.PASSED, null); // the verifier's copy is still fresh
    afterTheListsTtl();
    assertStatus(verify(issued), Outcome.FAILED, ReasonCode.REVOKED);
    assertEquals("revoked", operator("/issuer/credentials/" + issued.id() + "/revoke", ADMIN, 200)
        .getString("status"), "revoking twice changes nothing");
    assertEquals("revoked", operator("/issuer/credentials/" + issued.id() + "/reinstate", ADMIN, 409)
        .getString("error"), "revocation is final");
  }

  @Test
  void aSuspendedSdJwtVcIsReportedSuspendedAndValidAgainAfterReinstatement() {
    Issued issued = issue("MicroCredential_dc+sd-jwt");
    assertEquals("suspended", operator("/issuer/credentials/" + issued.id() + "/suspend", ADMIN, 200)
        .getString("status"));
    afterTheListsTtl();
    assertStatus(verify(issued), Outcome.FAILED, ReasonCode.SUSPENDED);
    assertEquals("valid", operator("/issuer/credentials/" + issued.id() + "/reinstate", ADMIN, 200)
        .getString("status"));
    afterTheListsTtl();
    assertStatus(verify(issued), Outcome.PASSED, null);
  }

  /** An OB 3.0 credential has one credentialStatus (OB 3.0 §B.1.1), here its revocation entry. */
  @Test
  void aW3cCredentialCannotBeSuspendedOnlyRevoked() {
    Issued issued = issue("MicroCredential_jwt_vc_json");
    assertEquals("not_suspendable", operator("/issuer/credentials/" + issued.id() + "/suspend", ADMIN, 409)
        .getString("error"));
    JsonObject status = new JsonObject(issued.credential().verification().credential().orElseThrow().claims()
        .getValue("credentialStatus").toString());
    assertEquals("revocation", status.getString("statusPurpose"));
  }

  @Test
  void theOperatorEndpointsRefuseAWrongAdminTokenAndAnUnknownId() {
    Issued issued = issue("MicroCredential_dc+sd-jwt");
    assertEquals("invalid_token", operator("/issuer/credentials/" + issued.id() + "/revoke", "wrong", 401)
        .getString("error"));
    assertEquals("invalid_token", operator("/issuer/credentials/" + issued.id() + "/suspend", null, 401)
        .getString("error"));
    afterTheListsTtl();
    assertStatus(verify(issued), Outcome.PASSED, null); // nothing changed
    assertEquals("not_found", operator("/issuer/credentials/no-such-credential/revoke", ADMIN, 404)
        .getString("error"));
    FetchedBody listing = Await.result(OPERATOR.send(OutboundRequest.get(
        URI.create(WORLD.origin() + "/issuer/offers/" + issued.offerId() + "/credentials"), Set.of("application/json"))
        .acceptingStatuses(401)));
    assertEquals(401, listing.status());
  }

  /** Token Status List §5.1 and §8.1; Bitstring Status List §2.2; both cacheable for their ttl. */
  @Test
  void theListsAreServedWithTheirMediaTypesAndCachedForTheirTtl() throws Exception {
    FetchedBody token = Await.result(OPERATOR.send(OutboundRequest.get(
        URI.create(WORLD.origin() + "/status/token-status-list"), Set.of("application/statuslist+jwt"))));
    assertEquals(Optional.of(Duration.ofSeconds(300)), token.maxAge());
    SignedJWT jwt = SignedJWT.parse(token.body().toString());
    assertEquals("statuslist+jwt", jwt.getHeader().getType().getType());
    JsonObject claims = new JsonObject(jwt.getPayload().toString());
    assertEquals(WORLD.origin() + "/status/token-status-list", claims.getString("sub"));
    assertEquals(WORLD.issuer.did(), claims.getString("iss"));
    assertEquals(300, claims.getInteger("ttl"));
    assertTrue(claims.getLong("exp") > claims.getLong("iat"));
    JsonObject list = claims.getJsonObject("status_list");
    assertEquals(131_072, StatusBits.tokenStatusList(list.getInteger("bits"), list.getString("lst")).size());

    FetchedBody bitstring = Await.result(OPERATOR.send(OutboundRequest.get(
        URI.create(WORLD.origin() + "/status/bitstring/revocation"), Set.of("application/vc+jwt"))));
    assertEquals(Optional.of(Duration.ofSeconds(300)), bitstring.maxAge());
    SignedJWT vcJwt = SignedJWT.parse(bitstring.body().toString());
    assertEquals("vc+jwt", vcJwt.getHeader().getType().getType());
    JsonObject credential = new JsonObject(vcJwt.getPayload().toString());
    assertTrue(credential.getJsonArray("type").contains("BitstringStatusListCredential"));
    JsonObject subject = credential.getJsonObject("credentialSubject");
    assertEquals("revocation", subject.getString("statusPurpose"));
    assertEquals(131_072, StatusBits.bitstring(subject.getString("encodedList"), 1).size());
  }

  /** Compressing a big list is costly: the signed copy is served again until a status changes. */
  @Test
  void aListIsSignedAgainOnlyWhenAStatusChanges() {
    Issued issued = issue("MicroCredential_dc+sd-jwt");
    String first = tokenStatusList();
    assertEquals(first, tokenStatusList(), "the same signed copy while nothing changed");
    operator("/issuer/credentials/" + issued.id() + "/suspend", ADMIN, 200);
    String after = tokenStatusList();
    assertTrue(!first.equals(after), "a change makes a new list");
    JsonObject list = new JsonObject(new String(Base64.getUrlDecoder().decode(after.split("\\.")[1]),
        java.nio.charset.StandardCharsets.UTF_8)).getJsonObject("status_list");
    long index = issued.credential().verification().credential().orElseThrow().claims().getJsonObject("status")
        .getJsonObject("status_list").getLong("idx");
    assertEquals(2, StatusBits.tokenStatusList(list.getInteger("bits"), list.getString("lst")).value(index),
        "SUSPENDED at the credential's index");
  }

  private static String tokenStatusList() {
    return Await.result(OPERATOR.send(OutboundRequest.get(URI.create(WORLD.origin() + "/status/token-status-list"),
        Set.of("application/statuslist+jwt")))).body().toString();
  }

  /** Herd privacy (Token Status List §13.2): random indexes, none handed out twice. */
  @Test
  void indexesAreRandomAndNeverReused() {
    JsonObject created = createOffer(IssuanceWorld.offerRequest("MicroCredential_dc+sd-jwt"));
    ResolvedOffer offer = Await.result(WORLD.client.resolve(created.getString("offer_by_value")));
    List<ConfigurationOutcome> outcomes = Await.result(WORLD.client.accept(offer, new Acceptance(
        Optional.of(created.getString("tx_code")), java.util.Map.of("MicroCredential_dc+sd-jwt",
        List.of(Holders.p256Jwk(), Holders.p256Jwk(), Holders.p256Jwk(), Holders.p256Jwk(), Holders.p256Jwk())))));
    ConfigurationOutcome.Issued issued = assertInstanceOf(ConfigurationOutcome.Issued.class, outcomes.get(0));
    List<Long> indexes = issued.credentials().stream().map(credential -> credential.verification().credential()
        .orElseThrow().claims().getJsonObject("status").getJsonObject("status_list").getLong("idx")).toList();
    assertEquals(5, indexes.stream().distinct().count(), indexes.toString());
    assertTrue(indexes.stream().anyMatch(index -> index > 4), "not handed out in order: " + indexes);
    assertEquals(5, listing(created.getString("offer_id")).size());
  }

  private record Issued(String id, String offerId, ReceivedCredential credential) {}

  private static Issued issue(String configurationId) {
    JsonObject created = createOffer(IssuanceWorld.offerRequest(configurationId));
    ResolvedOffer offer = Await.result(WORLD.client.resolve(created.getString("offer_by_value")));
    List<ConfigurationOutcome> outcomes = Await.result(WORLD.client.accept(offer,
        Acceptance.allWith(offer, Optional.of(created.getString("tx_code")), Holders.p256DidJwk())));
    ConfigurationOutcome.Issued issued = assertInstanceOf(ConfigurationOutcome.Issued.class, outcomes.get(0),
        () -> outcomes.get(0).toString());
    JsonArray listed = listing(created.getString("offer_id"));
    assertEquals(1, listed.size());
    assertEquals(configurationId, listed.getJsonObject(0).getString("credential_configuration_id"));
    assertEquals("valid", listed.getJsonObject(0).getString("status"));
    return new Issued(listed.getJsonObject(0).getString("id"), created.getString("offer_id"),
        issued.credentials().get(0));
  }

  private static JsonObject createOffer(JsonObject request) {
    return Await.result(OPERATOR.send(OutboundRequest.post(URI.create(WORLD.origin() + "/issuer/offers"),
            "application/json", Buffer.buffer(request.encode()), Set.of("application/json")).acceptingStatuses(201)
        .withHeader("Authorization", "Bearer " + ADMIN))).jsonObject().orElseThrow();
  }

  private static JsonArray listing(String offerId) {
    return Await.result(OPERATOR.send(OutboundRequest.get(
            URI.create(WORLD.origin() + "/issuer/offers/" + offerId + "/credentials"), Set.of("application/json"))
        .withHeader("Authorization", "Bearer " + ADMIN))).jsonObject().orElseThrow().getJsonArray("credentials");
  }

  private static JsonObject operator(String path, String token, int expectedStatus) {
    OutboundRequest request = OutboundRequest.post(URI.create(WORLD.origin() + path), "application/json",
        Buffer.buffer("{}"), Set.of("application/json")).acceptingStatuses(expectedStatus);
    FetchedBody answer = Await.result(OPERATOR.send(token == null ? request
        : request.withHeader("Authorization", "Bearer " + token)));
    assertEquals(expectedStatus, answer.status(), () -> answer.body().toString());
    return answer.jsonObject().orElseThrow();
  }

  private static VerificationResult verify(Issued issued) {
    return Await.result(VERIFIER.verify(issued.credential().credential(), VerificationPolicy.importing()));
  }

  /** StatusChecker keeps a list for its ttl (300 s here): move the one clock past it. */
  private static void afterTheListsTtl() {
    WORLD.clock.advance(Duration.ofSeconds(301));
  }

  private static void assertStatus(VerificationResult result, Outcome outcome, ReasonCode reason) {
    CheckResult status = result.check(Check.STATUS).orElseThrow();
    assertEquals(outcome, status.outcome(), status::toString);
    if (reason != null) {
      assertEquals(Optional.of(reason), status.reason(), status::toString);
    }
  }
}
