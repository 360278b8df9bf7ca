package dev.cairn.wallet.verifier;

import static dev.cairn.wallet.testing.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.util.Base64URL;
import dev.cairn.credentials.Issuers;
import dev.cairn.credentials.Issuers.DidJwkIssuer;
import dev.cairn.credentials.sdjwt.HashAlgorithm;
import dev.cairn.credentials.sdjwt.KeyBinding;
import dev.cairn.credentials.sdjwt.SdJwtBuilder;
import dev.cairn.did.testing.TestHttpsServer;
import dev.cairn.wallet.openid4vp.RequestObjects;
import dev.cairn.wallet.testing.Api;
import dev.cairn.wallet.testing.Api.Response;
import dev.cairn.wallet.testing.CairnUnderTest;
import dev.cairn.wallet.testing.LoopbackHttps;
import dev.cairn.wallet.testing.Credentials;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What must be refused on both sides, with real servers: a loopback HTTPS server plays an issuer's status list and
 * a third-party verifier (its own did:jwk, its own response URI, which records every byte it is sent).
 */
class PresentationRefusalsTest {
  private static final LoopbackHttps HTTPS = new LoopbackHttps();
  private static final TestHttpsServer SERVER = HTTPS.server;
  @RegisterExtension
  static final CairnUnderTest cairn = CairnUnderTest.perClass(HTTPS.cairnEnvironment(Map.of()));
  private static final Credentials ISSUER = new Credentials();
  private static final List<String> RECEIVED = new CopyOnWriteArrayList<>();
  private static String employer;

  @BeforeAll
  static void anEmployerAndAThirdPartyVerifier() {
    employer = PresentationRequestTest.signUpEmployer(cairn.api(), "hr@refusals.example", "Refusals Ltd");
    SERVER.on("/response", request -> request.body().onSuccess(body -> {
      RECEIVED.add(body.toString());
      request.response().putHeader("Content-Type", "application/json").end("{}");
    }));
  }

  @AfterAll
  static void stop() {
    HTTPS.close();
  }

  private static JsonObject requestObjectClaims(JsonObject request) {
    String jwt = cairn.api().get(URI.create(request.getString("request_uri")).getPath(), null).body();
    return new JsonObject(new String(Base64URL.from(jwt.split("\\.")[1]).decode(), StandardCharsets.UTF_8));
  }

  private static JsonObject ask() {
    Response created = cairn.api().post("/v1/verifier/requests", employer, new JsonObject()
        .put("dcql_query", PresentationRequestTest.nameAndDescription()).put("purpose", "Checking")
        .put("response_mode", "direct_post"));
    assertEquals(201, created.status(), created.body());
    return created.json();
  }

  private static String keyBinding(String selected, ECKey signer, JsonObject claims) throws Exception {
    return selected + KeyBinding.create(selected, HashAlgorithm.SHA_256, new ECDSASigner(signer), JWSAlgorithm.ES256,
        claims.getString("nonce"), claims.getString("client_id"), cairn.clock.instant());
  }

  private static Response answer(JsonObject claims, String presentation) {
    String form = "vp_token=" + URLEncoder.encode(new JsonObject().put("course", new JsonArray().add(presentation)).encode(),
        StandardCharsets.UTF_8) + "&state=" + claims.getString("state");
    return cairn.api().send("POST", URI.create(claims.getString("response_uri")).getPath(), null,
        Map.of("Content-Type", "application/x-www-form-urlencoded"), form.getBytes(StandardCharsets.UTF_8));
  }

  private static String bound(ECKey holder, JsonObject claims) {
    return ISSUER.sdJwtBoundTo(claims, new JsonObject(holder.toPublicJWK().toJSONString()));
  }

  @Test
  void aRevokedCredentialIsRefusedAtTheResponseUri() throws Exception {
    String list = "https://localhost:" + SERVER.port() + "/statuslists/1";
    SERVER.serve("/statuslists/1", "application/statuslist+jwt",
        ISSUER.tokenStatusList(list, new byte[] {0, 0, 0, 1}, cairn.clock.instant()));
    ECKey holder = Issuers.newHolderKey();
    JsonObject revoked = ISSUER.claims("Food Safety Level 2", cairn.clock.instant())
        .put("status", new JsonObject().put("status_list", new JsonObject().put("idx", 3).put("uri", list)));
    JsonObject claims = requestObjectClaims(ask());
    Response refused = answer(claims, keyBinding(SdJwtBuilder.present(bound(holder, revoked), Set.of("description")),
        holder, claims));
    assertProblem(400, "presentation-rejected", refused);
    assertEquals("revoked", refused.json().getString("reason"));
  }

  @Test
  void aTamperedDisclosureIsRefused() throws Exception {
    ECKey holder = Issuers.newHolderKey();
    JsonObject claims = requestObjectClaims(ask());
    String selected = SdJwtBuilder.present(bound(holder, ISSUER.claims("Food Safety Level 2", cairn.clock.instant())),
        Set.of("description"));
    String[] parts = selected.split("~");
    JsonArray disclosure = new JsonArray(new String(Base64URL.from(parts[1]).decode(), StandardCharsets.UTF_8));
    disclosure.set(2, "A long course: Food Safety Level 5");
    String tampered = parts[0] + "~" + Base64URL.encode(disclosure.encode()) + "~";
    Response refused = answer(claims, keyBinding(tampered, holder, claims));
    assertProblem(400, "presentation-rejected", refused);
    assertEquals("disclosure-unreferenced", refused.json().getString("reason"));
  }

  @Test
  void aPresentationSignedByAnotherKeyIsRefused() throws Exception {
    ECKey holder = Issuers.newHolderKey();
    JsonObject claims = requestObjectClaims(ask());
    String selected = SdJwtBuilder.present(bound(holder, ISSUER.claims("Food Safety Level 2", cairn.clock.instant())),
        Set.of("description"));
    Response refused = answer(claims, keyBinding(selected, Issuers.newHolderKey(), claims));
    assertProblem(400, "presentation-rejected", refused);
    assertEquals("key-binding-invalid", refused.json().getString("reason"));
  }

  /** A third-party verifier's request, signed by {@code signer} while naming {@code verifier}'s DID. */
  private static String thirdPartyRequest(DidJwkIssuer verifier, DidJwkIssuer signer, String responseUri, String path)
      throws Exception {
    String clientId = "decentralized_identifier:" + verifier.did();
    JsonObject claims = new JsonObject().put("client_id", clientId).put("response_type", "vp_token")
        .put("response_mode", "direct_post").put("response_uri", responseUri).put("nonce", "n-" + path.hashCode())
        .put("state", "s-" + path.hashCode()).put("dcql_query", PresentationRequestTest.nameAndDescription());
    SERVER.serve(path, "application/oauth-authz-req+jwt",
        RequestObjects.sign(claims, new ECDSASigner(signer.key()), JWSAlgorithm.ES256, verifier.kid()));
    return "openid4vp://?client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8) + "&request_uri="
        + URLEncoder.encode("https://localhost:" + SERVER.port() + path, StandardCharsets.UTF_8);
  }

  @Test
  void aRequestObjectNotSignedByTheVerifiersDidIsRefused() throws Exception {
    String learner = cairn.api().signUp("forged@refusals.example").getString("accessToken");
    String link = thirdPartyRequest(DidJwkIssuer.generate(), DidJwkIssuer.generate(),
        "https://localhost:" + SERVER.port() + "/response", "/forged");
    Response refused = cairn.api().post("/v1/presentation-requests", learner, new JsonObject().put("request", link));
    assertProblem(422, "authorization-request-invalid", refused);
    assertTrue(refused.json().getString("detail").contains("signature"), refused.body());
    assertEquals(0, exchangesOf("forged@refusals.example"));
  }

  @Test
  void aResponseUriOnAPrivateAddressIsRefusedBeforeTheLearnerChooses() throws Exception {
    String learner = cairn.api().signUp("private@refusals.example").getString("accessToken");
    DidJwkIssuer verifier = DidJwkIssuer.generate();
    String link = thirdPartyRequest(verifier, verifier, "https://10.20.30.40/response", "/private-response");
    Response refused = cairn.api().post("/v1/presentation-requests", learner, new JsonObject().put("request", link));
    assertProblem(422, "authorization-request-invalid", refused);
    assertTrue(refused.json().getString("detail").contains("10.20.30.40"), refused.body());
    assertEquals(0, exchangesOf("private@refusals.example"));
  }

  @Test
  void nothingTheLearnerDidNotConsentToLeavesTheServer() throws Exception {
    Api.Response signedUp = cairn.api().post("/v1/accounts", null, Api.credentials("wire@refusals.example", "a long enough password"));
    assertEquals(201, signedUp.status());
    String learner = cairn.api().post("/v1/sessions", null, Api.credentials("wire@refusals.example", "a long enough password"))
        .json().getString("accessToken");
    JsonObject key = cairn.api().get("/v1/holder-keys", learner).json().getJsonArray("keys").getJsonObject(0);
    String credential = ISSUER.sdJwtBoundTo(ISSUER.claims("Food Safety Level 2", cairn.clock.instant()),
        key.getJsonObject("publicJwk"));
    String credentialId = cairn.api().postRaw("/v1/credentials", learner, "application/dc+sd-jwt",
        credential.getBytes(StandardCharsets.UTF_8)).json().getString("id");
    DidJwkIssuer verifier = DidJwkIssuer.generate();
    String link = thirdPartyRequest(verifier, verifier, "https://localhost:" + SERVER.port() + "/response", "/honest");
    String exchange = cairn.api().post("/v1/presentation-requests", learner, new JsonObject().put("request", link))
        .json().getString("id");
    Response sent = cairn.api().post("/v1/presentation-requests/" + exchange + "/consent", learner, new JsonObject()
        .put("credentials", new JsonObject().put("course", new JsonArray().add(new JsonObject()
            .put("credential_id", credentialId)))));
    assertEquals(200, sent.status(), sent.body());

    assertEquals(1, RECEIVED.size());
    String wire = everythingReadable(RECEIVED.get(0));
    assertTrue(wire.contains("A short course: Food Safety Level 2"), "the consented description left: " + wire);
    for (String withheld : List.of("Ada", "given_name", "hygiene", "allergens")) {
      assertFalse(wire.contains(withheld), withheld + " left the server without consent: " + wire);
    }
  }

  private static long exchangesOf(String email) {
    return cairn.queryLong("SELECT count(*) FROM presentation_exchange e JOIN account a ON a.id = e.account_id "
        + "WHERE a.email = '" + email + "'");
  }

  /** The form, URL-decoded, with every base64url run decoded beside it: JWT segments and SD-JWT disclosures. */
  private static String everythingReadable(String form) {
    String decoded = URLDecoder.decode(form, StandardCharsets.UTF_8);
    StringBuilder readable = new StringBuilder(decoded);
    Matcher runs = Pattern.compile("[A-Za-z0-9_-]{8,}").matcher(decoded);
    while (runs.find()) {
      try {
        readable.append('\n').append(new String(Base64URL.from(runs.group()).decode(), StandardCharsets.UTF_8));
      } catch (RuntimeException notBase64) {
        // not every run is base64url
      }
    }
    return readable.toString();
  }
}
