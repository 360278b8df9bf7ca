package dev.cairn.issuer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.did.fetch.FetchedBody;
import dev.cairn.did.testing.Await;
import dev.cairn.issuer.client.Acceptance;
import dev.cairn.issuer.client.AuthorizationResponse;
import dev.cairn.issuer.client.ConfigurationOutcome;
import dev.cairn.issuer.client.IssuanceException;
import dev.cairn.issuer.client.IssuanceFailure;
import dev.cairn.issuer.client.PendingAuthorization;
import dev.cairn.issuer.client.ProofSigner;
import dev.cairn.issuer.client.ReceivedCredential;
import dev.cairn.issuer.client.ResolvedOffer;
import dev.cairn.issuer.reference.AuthorizationSettings;
import dev.cairn.issuer.reference.AuthorizationSettings.PushedRequests;
import dev.cairn.issuer.testing.Browser;
import dev.cairn.issuer.testing.Holders;
import dev.cairn.issuer.testing.IssuanceWorld;
import dev.cairn.issuer.testing.RawIssuerCalls;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Authorization Code Flow (OpenID4VCI §5, RFC 6749 §4.1, RFC 7636, RFC 9126, RFC 9207) between the wallet
 * client and the reference issuer over real HTTPS on loopback, the learner's browser step included: every format,
 * with a pushed request and with a plain one, and the refusals.
 */
class AuthorizationCodeIssuanceTest {
  private static final String CLIENT_ID = "cairn-wallet";
  private static final URI REDIRECT = URI.create("dev.cairn.wallet:/oid4vci/callback");
  private static final IssuanceWorld PUSHED = new IssuanceWorld();
  private static final IssuanceWorld PLAIN = new IssuanceWorld(AuthorizationSettings.defaults().with(PushedRequests.NOT_OFFERED));
  private static final IssuanceWorld REQUIRED = new IssuanceWorld(AuthorizationSettings.defaults().with(PushedRequests.REQUIRED));

  @AfterAll
  static void close() {
    PUSHED.close();
    PLAIN.close();
    REQUIRED.close();
  }

  private static ResolvedOffer authorizationCodeOffer(IssuanceWorld world, String... configurationIds) {
    JsonObject created = world.offer(IssuanceWorld.offerRequest(configurationIds).put("grant", "authorization_code"));
    assertFalse(created.containsKey("tx_code"), "no Transaction Code with the authorization_code grant");
    return Await.result(world.client.resolve(created.getString("offer_by_reference")));
  }

  private static PendingAuthorization start(IssuanceWorld world, ResolvedOffer offer) {
    return Await.result(world.client.startAuthorization(offer, offer.offer().credentialConfigurationIds(), CLIENT_ID, REDIRECT));
  }

  private static Browser browser(IssuanceWorld world) {
    return new Browser(world.vertx, world.trustPem);
  }

  /** Start, approve in the browser, and check the callback: the authorization code. */
  private static String code(IssuanceWorld world, ResolvedOffer offer, PendingAuthorization pending) {
    String callback = browser(world).approve(world.origin(), pending.authorizationUrl());
    return Await.result(world.client.checkAuthorizationResponse(offer, pending, AuthorizationResponse.fromCallback(callback)));
  }

  static Stream<Arguments> formatsWithAndWithoutPar() {
    return Stream.of("MicroCredential_dc+sd-jwt", "MicroCredential_jwt_vc_json", "MicroCredential_ldp_vc_eddsa-rdfc-2022",
        "MicroCredential_ldp_vc_ecdsa-sd-2023").flatMap(id -> Stream.of(Arguments.of(id, true), Arguments.of(id, false)));
  }

  @ParameterizedTest(name = "{0}, pushed: {1}")
  @MethodSource("formatsWithAndWithoutPar")
  void issuesEveryFormatThroughTheAuthorizationCodeFlow(String configurationId, boolean pushed) {
    IssuanceWorld world = pushed ? PUSHED : PLAIN;
    ResolvedOffer offer = authorizationCodeOffer(world, configurationId);
    PendingAuthorization pending = start(world, offer);
    assertEquals(pushed, pending.pushed());
    String query = pending.authorizationUrl().getRawQuery();
    if (pushed) {
      assertTrue(query.matches("client_id=cairn-wallet&request_uri=urn%3Aietf%3Aparams%3Aoauth%3Arequest_uri%3A[^&]+"), query);
    } else {
      assertTrue(query.contains("code_challenge_method=S256") && query.contains("issuer_state=")
          && query.contains("authorization_details="), query);
    }
    assertFalse(query.contains(pending.codeVerifier()), "the verifier never leaves the wallet before the token request");
    ProofSigner key = Holders.p256DidJwk();
    List<ConfigurationOutcome> outcomes = Await.result(world.client.finishAuthorization(offer, pending,
        code(world, offer, pending), Acceptance.allWith(offer, Optional.empty(), key)));
    ConfigurationOutcome.Issued issued = assertInstanceOf(ConfigurationOutcome.Issued.class, outcomes.get(0),
        () -> outcomes.get(0).toString());
    ReceivedCredential credential = issued.credentials().get(0);
    assertTrue(credential.verification().valid(), () -> credential.verification().toString());
    assertEquals(configurationId, credential.configurationId());
  }

  @Test
  void theAuthorizationServerAdvertisesTheAuthorizationCodeFlow() {
    JsonObject metadata = new JsonObject(Await.result(PUSHED.fetch.get(URI.create(PUSHED.origin()
        + "/.well-known/oauth-authorization-server"), java.util.Set.of("application/json"))).body());
    assertEquals(PUSHED.origin() + "/authorize", metadata.getString("authorization_endpoint"));
    assertEquals(PUSHED.origin() + "/par", metadata.getString("pushed_authorization_request_endpoint"));
    assertEquals(List.of("S256"), metadata.getJsonArray("code_challenge_methods_supported").getList());
    assertEquals(false, metadata.getBoolean("require_pushed_authorization_requests"));
    assertEquals(true, metadata.getBoolean("authorization_response_iss_parameter_supported"));
    assertTrue(metadata.getJsonArray("grant_types_supported").contains("authorization_code"));
  }

  @Test
  void theConfirmationPageRunsNoScriptAndRedirectsWithCodeStateAndIss() {
    ResolvedOffer offer = authorizationCodeOffer(PUSHED, "MicroCredential_dc+sd-jwt");
    PendingAuthorization pending = start(PUSHED, offer);
    Browser.Page page = browser(PUSHED).open(pending.authorizationUrl());
    assertEquals(200, page.status());
    assertFalse(page.body().contains("<script"));
    assertTrue(page.body().contains("Ada Lovelace") && page.body().contains("Food Safety Level 2"), page.body());
    assertTrue(page.contentSecurityPolicy().startsWith("default-src 'none'; form-action 'self' dev.cairn.wallet:"),
        page.contentSecurityPolicy());
    Browser.Page redirect = browser(PUSHED).answer(PUSHED.origin(), page, true);
    assertEquals(303, redirect.status());
    AuthorizationResponse response = AuthorizationResponse.fromCallback(redirect.location());
    assertTrue(redirect.location().startsWith(REDIRECT + "?code="), redirect.location());
    assertEquals(Optional.of(pending.state()), response.state());
    assertEquals(Optional.of(PUSHED.origin()), response.iss());
  }

  @Test
  void aWrongCodeVerifierIsInvalidGrantAndSpendsTheCode() {
    ResolvedOffer offer = authorizationCodeOffer(PUSHED, "MicroCredential_dc+sd-jwt");
    PendingAuthorization pending = start(PUSHED, offer);
    String code = code(PUSHED, offer, pending);
    RawIssuerCalls raw = new RawIssuerCalls(PUSHED);
    FetchedBody wrong = raw.form("/token", tokenRequest(code, REDIRECT.toString(), "x".repeat(43)));
    assertEquals(400, wrong.status());
    assertEquals("invalid_grant", RawIssuerCalls.error(wrong));
    FetchedBody right = raw.form("/token", tokenRequest(code, REDIRECT.toString(), pending.codeVerifier()));
    assertEquals("invalid_grant", RawIssuerCalls.error(right), "a code is spent by its first use");
  }

  @Test
  void aReplayedCodeIsRefusedAndRevokesTheTokenItBought() {
    ResolvedOffer offer = authorizationCodeOffer(PUSHED, "MicroCredential_dc+sd-jwt");
    PendingAuthorization pending = start(PUSHED, offer);
    String code = code(PUSHED, offer, pending);
    RawIssuerCalls raw = new RawIssuerCalls(PUSHED);
    FetchedBody first = raw.form("/token", tokenRequest(code, REDIRECT.toString(), pending.codeVerifier()));
    assertEquals(200, first.status());
    String token = first.jsonObject().orElseThrow().getString("access_token");
    FetchedBody replay = raw.form("/token", tokenRequest(code, REDIRECT.toString(), pending.codeVerifier()));
    assertEquals(400, replay.status());
    assertEquals("invalid_grant", RawIssuerCalls.error(replay));
    FetchedBody credential = raw.credential(token, "MicroCredential_dc+sd-jwt",
        raw.goodProof(Holders.p256(), raw.freshNonce()));
    assertEquals(401, credential.status());
    assertEquals("invalid_token", RawIssuerCalls.error(credential));
  }

  @Test
  void aRedirectUriOtherThanTheRequestsIsInvalidGrant() {
    ResolvedOffer offer = authorizationCodeOffer(PUSHED, "MicroCredential_dc+sd-jwt");
    PendingAuthorization pending = start(PUSHED, offer);
    String code = code(PUSHED, offer, pending);
    FetchedBody refused = new RawIssuerCalls(PUSHED).form("/token",
        tokenRequest(code, "dev.cairn.wallet:/elsewhere", pending.codeVerifier()));
    assertEquals(400, refused.status());
    assertEquals("invalid_grant", RawIssuerCalls.error(refused));
  }

  @Test
  void aPushedRequestUriIsUsedOnce() {
    ResolvedOffer offer = authorizationCodeOffer(PUSHED, "MicroCredential_dc+sd-jwt");
    PendingAuthorization pending = start(PUSHED, offer);
    assertEquals(200, browser(PUSHED).open(pending.authorizationUrl()).status());
    Browser.Page again = browser(PUSHED).open(pending.authorizationUrl());
    assertEquals(400, again.status());
    assertTrue(again.body().contains("invalid_request_uri"), again.body());
  }

  @Test
  void aPushedRequestUriExpires() {
    ResolvedOffer offer = authorizationCodeOffer(PUSHED, "MicroCredential_dc+sd-jwt");
    PendingAuthorization pending = start(PUSHED, offer);
    PUSHED.clock.advance(java.time.Duration.ofSeconds(61));
    Browser.Page late = browser(PUSHED).open(pending.authorizationUrl());
    assertEquals(400, late.status());
    assertTrue(late.body().contains("invalid_request_uri"), late.body());
  }

  @Test
  void aServerThatRequiresParRefusesAPlainRequestAndTheClientPushes() {
    ResolvedOffer offer = authorizationCodeOffer(REQUIRED, "MicroCredential_jwt_vc_json");
    PendingAuthorization pending = start(REQUIRED, offer);
    assertTrue(pending.pushed());
    Browser.Page plain = browser(REQUIRED).open(URI.create(REQUIRED.origin() + "/authorize?response_type=code&client_id="
        + CLIENT_ID + "&redirect_uri=" + REDIRECT + "&code_challenge=" + "a".repeat(43) + "&code_challenge_method=S256"
        + "&issuer_state=" + offer.offer().authorizationCode().orElseThrow().issuerState().orElseThrow()
        + "&scope=MicroCredential_jwt_vc_json"));
    assertEquals(400, plain.status());
    assertTrue(plain.body().contains("requires pushed authorization requests"), plain.body());
  }

  @Test
  void aPushedRequestWithoutS256IsRefused() {
    ResolvedOffer offer = authorizationCodeOffer(PUSHED, "MicroCredential_dc+sd-jwt");
    Map<String, String> form = new LinkedHashMap<>();
    form.put("response_type", "code");
    form.put("client_id", CLIENT_ID);
    form.put("redirect_uri", REDIRECT.toString());
    form.put("code_challenge", "a".repeat(43));
    form.put("code_challenge_method", "plain");
    form.put("issuer_state", offer.offer().authorizationCode().orElseThrow().issuerState().orElseThrow());
    form.put("scope", "MicroCredential_dc+sd-jwt");
    FetchedBody refused = new RawIssuerCalls(PUSHED).form("/par", form);
    assertEquals(400, refused.status());
    assertEquals("invalid_request", RawIssuerCalls.error(refused));
    form.put("code_challenge_method", "S256");
    form.put("scope", "MicroCredential_jwt_vc_json");
    assertEquals("invalid_scope", RawIssuerCalls.error(new RawIssuerCalls(PUSHED).form("/par", form)),
        "a configuration the offer did not include");
  }

  @Test
  void aResponseWithAnotherStateOrIssIsRefusedByTheWallet() {
    ResolvedOffer offer = authorizationCodeOffer(PUSHED, "MicroCredential_dc+sd-jwt");
    PendingAuthorization pending = start(PUSHED, offer);
    String callback = browser(PUSHED).approve(PUSHED.origin(), pending.authorizationUrl());
    String otherState = callback.replace("state=" + pending.state(), "state=" + "A".repeat(43));
    assertEquals("authorization-response-invalid", failureOf(() -> Await.result(PUSHED.client.checkAuthorizationResponse(
        offer, pending, AuthorizationResponse.fromCallback(otherState)))).code());
    String otherIss = callback.replaceAll("iss=[^&]+", "iss=https%3A%2F%2Fevil.example");
    assertEquals("authorization-response-invalid", failureOf(() -> Await.result(PUSHED.client.checkAuthorizationResponse(
        offer, pending, AuthorizationResponse.fromCallback(otherIss)))).code());
    String noIss = callback.replaceAll("&iss=[^&]+", "");
    assertEquals("authorization-response-invalid", failureOf(() -> Await.result(PUSHED.client.checkAuthorizationResponse(
        offer, pending, AuthorizationResponse.fromCallback(noIss)))).code(),
        "the server said it sends iss (RFC 9207 section 2.4)");
  }

  @Test
  void aDeclinedConfirmationIsAccessDenied() {
    ResolvedOffer offer = authorizationCodeOffer(PUSHED, "MicroCredential_dc+sd-jwt");
    PendingAuthorization pending = start(PUSHED, offer);
    Browser.Page page = browser(PUSHED).open(pending.authorizationUrl());
    Browser.Page declined = browser(PUSHED).answer(PUSHED.origin(), page, false);
    assertEquals(303, declined.status());
    IssuanceFailure failure = failureOf(() -> Await.result(PUSHED.client.checkAuthorizationResponse(offer, pending,
        AuthorizationResponse.fromCallback(declined.location()))));
    assertEquals("authorization-access_denied", failure.code());
  }

  @Test
  void anOfferAuthorizesOneIssuance() {
    ResolvedOffer offer = authorizationCodeOffer(PUSHED, "MicroCredential_dc+sd-jwt");
    PendingAuthorization first = start(PUSHED, offer);
    PendingAuthorization second = start(PUSHED, offer);
    Browser.Page secondPage = browser(PUSHED).open(second.authorizationUrl());
    browser(PUSHED).approve(PUSHED.origin(), first.authorizationUrl());
    Browser.Page late = browser(PUSHED).answer(PUSHED.origin(), secondPage, true);
    assertEquals(400, late.status(), "the issuer_state was spent by the first code");
  }

  private static Map<String, String> tokenRequest(String code, String redirectUri, String verifier) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "authorization_code");
    form.put("code", code);
    form.put("redirect_uri", redirectUri);
    form.put("client_id", CLIENT_ID);
    form.put("code_verifier", verifier);
    return form;
  }

  private static IssuanceFailure failureOf(org.junit.jupiter.api.function.Executable call) {
    return assertThrows(IssuanceException.class, call).failure();
  }
}
