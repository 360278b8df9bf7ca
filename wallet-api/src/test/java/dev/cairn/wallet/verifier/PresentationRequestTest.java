package dev.cairn.wallet.verifier;

import static dev.cairn.wallet.testing.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.SignedJWT;
import dev.cairn.credentials.Issuers;
import dev.cairn.credentials.sdjwt.HashAlgorithm;
import dev.cairn.credentials.sdjwt.KeyBinding;
import dev.cairn.credentials.sdjwt.SdJwtBuilder;
import dev.cairn.wallet.openid4vp.ResponseEncryption;
import dev.cairn.wallet.testing.Api;
import dev.cairn.wallet.testing.Api.Response;
import dev.cairn.wallet.testing.CairnUnderTest;
import dev.cairn.wallet.testing.Credentials;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The verifier side of OpenID4VP: an employer's request, its signed Request Object and QR code, and the response
 * URI taking one verified answer. Presentations are made here with keys the test holds.
 */
class PresentationRequestTest {
  @RegisterExtension
  static final CairnUnderTest cairn = CairnUnderTest.perClass();
  private static final Credentials ISSUER = new Credentials();
  private static String employer;

  /** "A micro-credential of this kind: just the name and description." */
  static JsonObject nameAndDescription() {
    return new JsonObject().put("credentials", new JsonArray().add(new JsonObject()
        .put("id", "course")
        .put("format", "dc+sd-jwt")
        .put("meta", new JsonObject().put("vct_values", new JsonArray().add("https://credentials.example/micro-credential")))
        .put("claims", new JsonArray()
            .add(new JsonObject().put("path", new JsonArray().add("name")))
            .add(new JsonObject().put("path", new JsonArray().add("description"))))));
  }

  @BeforeAll
  static void anEmployerSignsUp() {
    employer = signUpEmployer(cairn.api(), "hr@bistro.example", "Bistro Group");
  }

  static String signUpEmployer(Api api, String email, String organisation) {
    Response created = api.post("/v1/employers", null, new JsonObject().put("email", email)
        .put("password", "a long enough password").put("organisation", organisation));
    assertEquals(201, created.status(), created.body());
    return api.post("/v1/sessions", null, Api.credentials(email, "a long enough password")).json()
        .getString("accessToken");
  }

  private static JsonObject create(JsonObject body) {
    Response created = cairn.api().post("/v1/verifier/requests", employer, body);
    assertEquals(201, created.status(), created.body());
    return created.json();
  }

  private static JsonObject request(String responseMode) {
    return create(new JsonObject().put("dcql_query", nameAndDescription()).put("purpose", "Checking your food safety course")
        .put("response_mode", responseMode));
  }

  /** The Request Object a wallet would fetch, its signature checked against the key its client_id names. */
  private static JsonObject requestObject(JsonObject request) throws Exception {
    String path = URI.create(request.getString("request_uri")).getPath();
    Response served = cairn.api().get(path, null);
    assertEquals(200, served.status(), served.body());
    assertEquals("application/oauth-authz-req+jwt", served.header("Content-Type").orElseThrow());
    SignedJWT jwt = SignedJWT.parse(served.body());
    assertEquals("oauth-authz-req+jwt", jwt.getHeader().getType().getType());
    String did = request.getString("client_id").substring("decentralized_identifier:".length());
    assertEquals(did + "#0", jwt.getHeader().getKeyID());
    ECKey key = JWK.parse(new String(Base64URL.from(did.substring("did:jwk:".length())).decode(), StandardCharsets.UTF_8)).toECKey();
    assertTrue(jwt.verify(new ECDSAVerifier(key)), "signed with the key of the DID in client_id");
    return new JsonObject(jwt.getPayload().toString());
  }

  /** A learner's SD-JWT VC presented with {@code disclosed} claims and a KB-JWT for {@code nonce} and {@code audience}. */
  private static String presentation(ECKey holder, Set<String> disclosed, String nonce, String audience) {
    String issued = ISSUER.sdJwtBoundTo(ISSUER.claims("Food Safety Level 2", cairn.clock.instant()),
        new JsonObject(holder.toPublicJWK().toJSONString()));
    String selected = SdJwtBuilder.present(issued, disclosed);
    return selected + KeyBinding.create(selected, HashAlgorithm.SHA_256, signer(holder), JWSAlgorithm.ES256, nonce,
        audience, cairn.clock.instant());
  }

  private static ECDSASigner signer(ECKey key) {
    try {
      return new ECDSASigner(key);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Response post(String responseUri, Map<String, String> form) {
    StringBuilder body = new StringBuilder();
    form.forEach((name, value) -> body.append(body.length() == 0 ? "" : "&").append(name).append('=')
        .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
    return cairn.api().send("POST", URI.create(responseUri).getPath(), null,
        Map.of("Content-Type", "application/x-www-form-urlencoded"), body.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static Response answer(JsonObject claims, String presentation) {
    return post(claims.getString("response_uri"), Map.of("vp_token",
        new JsonObject().put("course", new JsonArray().add(presentation)).encode(), "state", claims.getString("state")));
  }

  private static JsonObject status(JsonObject request) {
    return cairn.api().get("/v1/verifier/requests/" + request.getString("id"), employer).json();
  }

  @Test
  void aRequestIsServedAsASignedRequestObjectNamingItsVerifierByDid() throws Exception {
    JsonObject request = request("direct_post.jwt");
    assertEquals("pending", request.getString("status"));
    assertTrue(request.getString("client_id").startsWith("decentralized_identifier:did:jwk:"));
    assertTrue(request.getString("authorization_request").startsWith("openid4vp://?client_id=decentralized_identifier%3Adid%3Ajwk%3A"));

    JsonObject claims = requestObject(request);
    assertEquals(request.getString("client_id"), claims.getString("client_id"));
    assertEquals("vp_token", claims.getString("response_type"));
    assertEquals("direct_post.jwt", claims.getString("response_mode"));
    assertEquals(nameAndDescription(), claims.getJsonObject("dcql_query"));
    assertTrue(claims.getString("nonce").length() >= 43, "256 random bits");
    assertTrue(claims.getString("state").length() >= 43);
    assertEquals("Checking your food safety course", claims.getString("purpose"));
    JsonObject metadata = claims.getJsonObject("client_metadata");
    assertEquals("Bistro Group", metadata.getString("client_name"));
    JsonObject key = metadata.getJsonObject("jwks").getJsonArray("keys").getJsonObject(0);
    assertEquals("ECDH-ES", key.getString("alg"));
    assertFalse(key.containsKey("d"), "only the public half is published");
    assertEquals(cairn.clock.instant().plus(Duration.ofMinutes(10)).getEpochSecond(), claims.getLong("exp"));

    JsonObject other = request("direct_post.jwt");
    assertEquals(request.getString("client_id"), other.getString("client_id"), "one key per organisation");
    assertFalse(requestObject(other).getString("nonce").equals(claims.getString("nonce")), "a fresh nonce per request");
  }

  @Test
  void theQrCodeReadsBackAsTheAuthorizationRequest() throws Exception {
    JsonObject request = request("direct_post");
    assertEquals("image/png", cairn.api().get(request.getJsonObject("qr_code").getString("png"), employer)
        .header("Content-Type").orElseThrow());
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(
        cairn.api().getBytes(request.getJsonObject("qr_code").getString("png"), employer)));
    int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    String decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
        new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)))).getText();
    assertEquals(request.getString("authorization_request"), decoded);

    Response svg = cairn.api().get(request.getJsonObject("qr_code").getString("svg"), employer);
    assertEquals("image/svg+xml", svg.header("Content-Type").orElseThrow());
    assertTrue(svg.body().startsWith("<svg") && svg.body().contains("<path"), svg.body());
  }

  @Test
  void aVerifiedAnswerFulfilsTheRequestOnceWithOnlyTheDisclosedClaims() throws Exception {
    JsonObject request = request("direct_post");
    JsonObject claims = requestObject(request);
    ECKey holder = Issuers.newHolderKey();
    String presented = presentation(holder, Set.of("name", "description"), claims.getString("nonce"),
        claims.getString("client_id"));

    Response answered = answer(claims, presented);
    assertEquals(200, answered.status(), answered.body());
    assertEquals(new JsonObject(), answered.json());
    JsonObject status = status(request);
    assertEquals("fulfilled", status.getString("status"), status.encode());
    JsonObject credential = status.getJsonObject("verified").getJsonArray("course").getJsonObject(0);
    assertTrue(credential.getBoolean("valid"));
    JsonObject disclosed = credential.getJsonObject("credential").getJsonObject("claims");
    assertEquals("A short course: Food Safety Level 2", disclosed.getString("description"));
    assertFalse(disclosed.containsKey("given_name"), "not disclosed, not stored");
    assertFalse(cairn.rows("SELECT result::text AS r FROM presentation_request").toString().contains("Ada"));

    assertProblem(409, "presentation-request-closed", answer(claims, presented));
    assertProblem(409, "presentation-request-closed", cairn.api().get(URI.create(request.getString("request_uri")).getPath(), null));
  }

  @Test
  void aSameDeviceRequestSendsTheWalletBackWithTheResponseCodeThatAloneReadsTheClaims() throws Exception {
    JsonObject request = create(new JsonObject().put("dcql_query", nameAndDescription()).put("purpose", "Same device")
        .put("response_mode", "direct_post").put("redirect_uri", "https://hr.bistro.example/verified"));
    JsonObject claims = requestObject(request);
    Response answered = answer(claims, presentation(Issuers.newHolderKey(), Set.of("name", "description"),
        claims.getString("nonce"), claims.getString("client_id")));
    assertEquals(200, answered.status(), answered.body());
    String redirect = answered.json().getString("redirect_uri");
    assertTrue(redirect.startsWith("https://hr.bistro.example/verified#response_code="), redirect);
    String code = redirect.substring(redirect.indexOf('=') + 1);
    assertTrue(code.length() >= 43, "a fresh 256-bit code");

    String path = "/v1/verifier/requests/" + request.getString("id");
    JsonObject withoutCode = cairn.api().get(path, employer).json();
    assertEquals("fulfilled", withoutCode.getString("status"));
    assertFalse(withoutCode.containsKey("verified"), "the claims go only to the page holding the response code");
    assertFalse(cairn.api().get(path + "?response_code=wrong", employer).json().containsKey("verified"));
    assertTrue(cairn.api().get(path + "?response_code=" + code, employer).json().containsKey("verified"));
    assertFalse(cairn.rows("SELECT response_code_hash AS h FROM presentation_request").toString().contains(code),
        "only the code's hash is stored");
  }

  @Test
  void anEncryptedAnswerIsOpenedWithTheRequestsOwnKey() throws Exception {
    JsonObject request = request("direct_post.jwt");
    JsonObject claims = requestObject(request);
    String presented = presentation(Issuers.newHolderKey(), Set.of("name", "description"), claims.getString("nonce"),
        claims.getString("client_id"));
    JsonObject parameters = new JsonObject().put("vp_token", new JsonObject().put("course", new JsonArray().add(presented)))
        .put("state", claims.getString("state"));

    assertProblem(400, "invalid-request", answer(claims, presented));
    assertEquals("pending", status(request).getString("status"), "a clear-text answer to an encrypted request is refused");
    String jwe = ResponseEncryption.encrypt(parameters, claims.getJsonObject("client_metadata"));
    Response answered = post(claims.getString("response_uri"), Map.of("response", jwe));
    assertEquals(200, answered.status(), answered.body());
    assertEquals("fulfilled", status(request).getString("status"));
  }

  @Test
  void aWrongNonceOrAudienceRejectsTheAnswer() throws Exception {
    JsonObject request = request("direct_post");
    JsonObject claims = requestObject(request);
    Response wrongNonce = answer(claims, presentation(Issuers.newHolderKey(), Set.of("name", "description"),
        "another-nonce", claims.getString("client_id")));
    assertProblem(400, "presentation-rejected", wrongNonce);
    assertEquals("key-binding-invalid", wrongNonce.json().getString("reason"));
    JsonObject status = status(request);
    assertEquals("rejected", status.getString("status"));
    assertEquals("key-binding-invalid", status.getString("reason"));
    assertFalse(status.containsKey("verified"));

    JsonObject second = request("direct_post");
    JsonObject secondClaims = requestObject(second);
    String bareDid = secondClaims.getString("client_id").substring("decentralized_identifier:".length());
    assertProblem(400, "presentation-rejected", answer(secondClaims, presentation(Issuers.newHolderKey(),
        Set.of("name", "description"), secondClaims.getString("nonce"), bareDid)));
  }

  @Test
  void anAnswerThatDisclosesLessThanAskedDoesNotSatisfyTheQuery() throws Exception {
    JsonObject request = request("direct_post");
    JsonObject claims = requestObject(request);
    Response answered = answer(claims, presentation(Issuers.newHolderKey(), Set.of("name"), claims.getString("nonce"),
        claims.getString("client_id")));
    assertProblem(400, "presentation-rejected", answered);
    assertEquals("dcql_not_satisfied", answered.json().getString("reason"));
  }

  @Test
  void anIssuerTheEmployerDoesNotAcceptIsRejected() throws Exception {
    JsonObject request = create(new JsonObject().put("dcql_query", nameAndDescription()).put("purpose", "Checking")
        .put("response_mode", "direct_post").put("accepted_issuers", new JsonArray().add("did:web:accredited.example")));
    JsonObject claims = requestObject(request);
    Response answered = answer(claims, presentation(Issuers.newHolderKey(), Set.of("name", "description"),
        claims.getString("nonce"), claims.getString("client_id")));
    assertProblem(400, "presentation-rejected", answered);
    assertEquals("untrusted_issuer", answered.json().getString("reason"));
  }

  @Test
  void aWrongStateChangesNothingAndADeclineIsRecorded() throws Exception {
    JsonObject request = request("direct_post");
    JsonObject claims = requestObject(request);
    assertProblem(400, "invalid-request", post(claims.getString("response_uri"),
        Map.of("error", "access_denied", "state", "not-the-state")));
    assertEquals("pending", status(request).getString("status"));

    Response declined = post(claims.getString("response_uri"), Map.of("error", "access_denied", "state", claims.getString("state")));
    assertEquals(200, declined.status(), declined.body());
    JsonObject status = status(request);
    assertEquals("rejected", status.getString("status"));
    assertEquals("access_denied", status.getString("reason"));
  }

  @Test
  void anExpiredRequestIsNeitherServedNorAnswered() throws Exception {
    JsonObject request = create(new JsonObject().put("dcql_query", nameAndDescription()).put("purpose", "Quick check")
        .put("response_mode", "direct_post").put("expires_in", 60));
    JsonObject claims = requestObject(request);
    String presented = presentation(Issuers.newHolderKey(), Set.of("name", "description"), claims.getString("nonce"),
        claims.getString("client_id"));
    cairn.clock.advance(Duration.ofSeconds(61));
    try {
      assertProblem(410, "presentation-request-expired", cairn.api().get(URI.create(request.getString("request_uri")).getPath(), null));
      assertProblem(410, "presentation-request-expired", answer(claims, presented));
      String token = cairn.api().post("/v1/sessions", null, Api.credentials("hr@bistro.example", "a long enough password"))
          .json().getString("accessToken");
      assertEquals("expired", cairn.api().get("/v1/verifier/requests/" + request.getString("id"), token).json().getString("status"));
    } finally {
      cairn.clock.advance(Duration.ofSeconds(-61));
    }
  }

  @Test
  void aRedirectUriRequestIsUnsignedAndNamedByItsResponseUri() throws Exception {
    JsonObject request = create(new JsonObject().put("dcql_query", nameAndDescription()).put("purpose", "Dev test")
        .put("response_mode", "direct_post").put("client_id_prefix", "redirect_uri"));
    String served = cairn.api().get(URI.create(request.getString("request_uri")).getPath(), null).body();
    assertTrue(served.endsWith("."), "an unsecured JWT has an empty signature");
    JsonObject claims = new JsonObject(new String(Base64URL.from(served.split("\\.")[1]).decode(), StandardCharsets.UTF_8));
    assertEquals("redirect_uri:" + claims.getString("response_uri"), claims.getString("client_id"));
  }

  @Test
  void aBrokenQueryIsRefusedAndNothingIsStored() {
    Map<String, Long> before = cairn.rowCounts();
    Response refused = cairn.api().post("/v1/verifier/requests", employer, new JsonObject().put("purpose", "x")
        .put("dcql_query", new JsonObject().put("credentials", new JsonArray())));
    assertProblem(422, "dcql-invalid", refused);
    assertTrue(refused.json().getString("detail").contains("credentials"), refused.body());
    assertProblem(400, "invalid-request", cairn.api().post("/v1/verifier/requests", employer,
        new JsonObject().put("dcql_query", nameAndDescription())));
    assertEquals(before, cairn.rowCounts());
  }

  @Test
  void learnersCannotAskAndEmployersSeeOnlyTheirOwnRequests() {
    JsonObject request = request("direct_post");
    String learner = cairn.api().signUp("learner@requests.example").getString("accessToken");
    assertProblem(403, "forbidden", cairn.api().post("/v1/verifier/requests", learner,
        new JsonObject().put("dcql_query", nameAndDescription()).put("purpose", "x")));
    String rival = signUpEmployer(cairn.api(), "hr@rival.example", "Rival Ltd");
    assertProblem(404, "not-found", cairn.api().get("/v1/verifier/requests/" + request.getString("id"), rival));
    assertProblem(404, "not-found", cairn.api().get(request.getJsonObject("qr_code").getString("png"), rival));
    assertFalse(cairn.api().get("/v1/verifier/requests", rival).body().contains(request.getString("id")));
    assertTrue(cairn.api().get("/v1/verifier/requests", employer).body().contains(request.getString("id")));
  }
}
