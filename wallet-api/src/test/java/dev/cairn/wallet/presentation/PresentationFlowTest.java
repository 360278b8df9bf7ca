package dev.cairn.wallet.presentation;

import static dev.cairn.wallet.testing.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.wallet.testing.Api;
import dev.cairn.wallet.testing.Api.Response;
import dev.cairn.wallet.testing.CairnUnderTest;
import dev.cairn.wallet.testing.Credentials;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The whole OpenID4VP story on one Cairn over real HTTP: an employer asks, a learner's wallet fetches and checks
 * the request, lists what can answer it, consents, Cairn builds the presentation with the learner's holder key and
 * posts it to the employer's response URI, which verifies it. One case per credential format.
 */
class PresentationFlowTest {
  @RegisterExtension
  static final CairnUnderTest cairn = CairnUnderTest.perClass(Map.of("CAIRN_HTTP_ALLOW_PRIVATE_HOSTS", "127.0.0.1"));
  private static final Credentials ISSUER = new Credentials();
  private static String employer;

  /** A learner's wallet credential in one format, the query that asks for it, and what must and must not leave. */
  record Case(String name, String mediaType, Function<JsonObject, String> issue, JsonObject query,
              String requestedValue, List<String> neverLeaves) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Case> formats() {
    return List.of(
        new Case("dc+sd-jwt", "application/dc+sd-jwt",
            keys -> ISSUER.sdJwtBoundTo(ISSUER.claims("Food Safety Level 2", now()), keys.getJsonObject("p256").getJsonObject("publicJwk")),
            query("dc+sd-jwt", new JsonObject().put("vct_values", new JsonArray().add("https://credentials.example/micro-credential")),
                new JsonArray().add("name")),
            "Food Safety Level 2", List.of("Ada", "hygiene", "A short course")),
        new Case("jwt_vc_json", "application/jwt",
            keys -> ISSUER.jwtVcJson("Knife Skills", keys.getJsonObject("p256").getString("didJwk"), now()),
            query("jwt_vc_json", typeValues("VerifiableCredential", "MicroCredential"),
                new JsonArray().add("credentialSubject").add("course")),
            "Knife Skills", List.of()),
        new Case("vc+jwt", "application/vc+jwt",
            keys -> ISSUER.vcJwt("Allergen Awareness", keys.getJsonObject("p256").getString("didKey"), now()),
            query("jwt_vc_json", typeValues("MicroCredential"), new JsonArray().add("credentialSubject").add("course")),
            "Allergen Awareness", List.of()),
        new Case("ldp_vc eddsa-rdfc-2022", "application/vc+ld+json",
            keys -> ISSUER.dataIntegrity("Data Analytics 101", keys.getJsonObject("ed25519").getString("didKey"), now()).encode(),
            query("ldp_vc", typeValues("OpenBadgeCredential"),
                new JsonArray().add("credentialSubject").add("achievement").add("name")),
            "Data Analytics 101", List.of()),
        new Case("ldp_vc ecdsa-sd-2023", "application/vc+ld+json",
            keys -> ISSUER.ecdsaSd("Barista Basics", keys.getJsonObject("p256").getString("didJwk"), now()).encode(),
            query("ldp_vc", typeValues("OpenBadgeCredential"),
                new JsonArray().add("credentialSubject").add("achievement").add("name")),
            "Barista Basics", List.of("creditsEarned", "activityEndDate")));
  }

  static JsonObject query(String format, JsonObject meta, JsonArray path) {
    return new JsonObject().put("credentials", new JsonArray().add(new JsonObject().put("id", "proof").put("format", format)
        .put("meta", meta).put("claims", new JsonArray().add(new JsonObject().put("path", path)))));
  }

  static JsonObject typeValues(String... types) {
    return new JsonObject().put("type_values", new JsonArray().add(new JsonArray(List.of(types))));
  }

  static java.time.Instant now() {
    return cairn.clock.instant().minus(Duration.ofDays(2));
  }

  @BeforeAll
  static void anEmployerSignsUp() {
    Response created = cairn.api().post("/v1/employers", null, new JsonObject().put("email", "talent@cafe.example")
        .put("password", "a long enough password").put("organisation", "Corner Cafe Ltd"));
    assertEquals(201, created.status(), created.body());
    employer = cairn.api().post("/v1/sessions", null, Api.credentials("talent@cafe.example", "a long enough password"))
        .json().getString("accessToken");
  }

  /** A learner with their holder keys: {@code p256} and {@code ed25519}, each with publicJwk, didJwk and didKey. */
  static Learner learner(String email) {
    String token = cairn.api().signUp(email).getString("accessToken");
    JsonArray keys = cairn.api().get("/v1/holder-keys", token).json().getJsonArray("keys");
    return new Learner(token, new JsonObject().put("p256", keys.getJsonObject(0)).put("ed25519", keys.getJsonObject(1)));
  }

  record Learner(String token, JsonObject keys) {
    String hold(String mediaType, String credential) {
      Response imported = cairn.api().postRaw("/v1/credentials", token, mediaType, credential.getBytes(StandardCharsets.UTF_8));
      assertEquals(201, imported.status(), imported.body());
      return imported.json().getString("id");
    }

    Response open(String link) {
      return cairn.api().post("/v1/presentation-requests", token, new JsonObject().put("request", link));
    }

    Response consent(String exchangeId, String queryId, String credentialId, JsonArray withhold) {
      JsonObject choice = new JsonObject().put("credential_id", credentialId);
      if (withhold != null) {
        choice.put("withhold", withhold);
      }
      return cairn.api().post("/v1/presentation-requests/" + exchangeId + "/consent", token,
          new JsonObject().put("credentials", new JsonObject().put(queryId, new JsonArray().add(choice))));
    }
  }

  static JsonObject ask(JsonObject query, String responseMode) {
    Response created = cairn.api().post("/v1/verifier/requests", employer, new JsonObject().put("dcql_query", query)
        .put("purpose", "Checking your certificate for the barista role").put("response_mode", responseMode));
    assertEquals(201, created.status(), created.body());
    return created.json();
  }

  static Response decline(String exchangeId, String token) {
    return cairn.api().send("POST", "/v1/presentation-requests/" + exchangeId + "/decline", token, Map.of(), null);
  }

  static JsonObject employerView(JsonObject request) {
    return cairn.api().get("/v1/verifier/requests/" + request.getString("id"), employer).json();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formats")
  void anEmployerReceivesOnlyWhatTheLearnerConsentedTo(Case format) {
    Learner learner = learner(format.name().replaceAll("[^a-z0-9]", "") + "@flow.example");
    String credentialId = learner.hold(format.mediaType(), format.issue().apply(learner.keys()));
    JsonObject request = ask(format.query(), "direct_post.jwt");

    Response opened = learner.open(request.getString("authorization_request"));
    assertEquals(201, opened.status(), opened.body());
    JsonObject exchange = opened.json();
    assertEquals("open", exchange.getString("status"));
    assertEquals("Corner Cafe Ltd", exchange.getJsonObject("verifier").getString("name"));
    assertTrue(exchange.getJsonObject("verifier").getBoolean("identity_verified"));
    assertEquals(request.getString("client_id"), exchange.getJsonObject("verifier").getString("client_id"));
    assertEquals("Checking your certificate for the barista role", exchange.getString("purpose"));
    assertTrue(exchange.getBoolean("satisfiable"), exchange.encode());
    JsonObject candidate = exchange.getJsonArray("queries").getJsonObject(0).getJsonArray("candidates").getJsonObject(0);
    assertEquals(credentialId, candidate.getString("credential_id"));
    assertEquals(format.requestedValue(), candidate.getJsonArray("requested_claims").getJsonObject(0).getValue("value"));

    JsonObject choice = new JsonObject().put("credentials", new JsonObject().put("proof",
        new JsonArray().add(new JsonObject().put("credential_id", credentialId))));
    Map<String, String> headers = Map.of("Content-Type", "application/json", "Idempotency-Key", "consent-" + credentialId);
    Response consented = cairn.api().send("POST", "/v1/presentation-requests/" + exchange.getString("id") + "/consent",
        learner.token(), headers, choice.encode().getBytes(StandardCharsets.UTF_8));
    assertEquals(200, consented.status(), consented.body());
    assertEquals("sent", consented.json().getString("status"));
    Response replayed = cairn.api().send("POST", "/v1/presentation-requests/" + exchange.getString("id") + "/consent",
        learner.token(), headers, choice.encode().getBytes(StandardCharsets.UTF_8));
    assertEquals(consented.body(), replayed.body(), "a retried submission gets the first answer, and nothing is sent twice");
    assertEquals("true", replayed.header("Idempotent-Replayed").orElseThrow());

    JsonObject verified = employerView(request);
    assertEquals("fulfilled", verified.getString("status"), verified.encode());
    String result = verified.getJsonObject("verified").encode();
    assertTrue(result.contains(format.requestedValue()), result);
    for (String withheld : format.neverLeaves()) {
      assertFalse(result.contains(withheld), withheld + " was not consented to, yet reached the employer: " + result);
    }
    JsonObject sent = cairn.api().get("/v1/activity", learner.token()).json().getJsonArray("items").stream()
        .map(JsonObject.class::cast).filter(entry -> entry.getString("kind").equals("presentation-sent")).findFirst()
        .orElseThrow();
    assertEquals(credentialId, sent.getString("credentialId"), sent.encode());
    assertEquals("Corner Cafe Ltd", sent.getJsonObject("summary").getJsonObject("verifier").getString("name"));
  }

  @Test
  void aDeclineTellsTheEmployerAccessDeniedAndIsInTheLearnersActivity() {
    Learner learner = learner("decline@flow.example");
    learner.hold("application/dc+sd-jwt", ISSUER.sdJwtBoundTo(ISSUER.claims("Food Safety Level 2", now()),
        learner.keys().getJsonObject("p256").getJsonObject("publicJwk")));
    JsonObject request = ask(formats().get(0).query(), "direct_post");
    String exchangeId = learner.open(request.getString("authorization_request")).json().getString("id");

    Response declined = decline(exchangeId, learner.token());
    assertEquals(200, declined.status(), declined.body());
    assertEquals("declined", declined.json().getString("status"));
    JsonObject seen = employerView(request);
    assertEquals("rejected", seen.getString("status"));
    assertEquals("access_denied", seen.getString("reason"));
    assertTrue(cairn.api().get("/v1/activity", learner.token()).body().contains("presentation-declined"));
    assertProblem(409, "presentation-request-closed", learner.consent(exchangeId, "proof", "x", null));
  }

  /** Name and description, or — the employer's second choice (claim_sets, §6.4.1) — the name alone. */
  static JsonObject nameAndPerhapsDescription() {
    return new JsonObject().put("credentials", new JsonArray().add(new JsonObject().put("id", "proof")
        .put("format", "dc+sd-jwt")
        .put("meta", new JsonObject().put("vct_values", new JsonArray().add("https://credentials.example/micro-credential")))
        .put("claims", new JsonArray()
            .add(new JsonObject().put("id", "n").put("path", new JsonArray().add("name")))
            .add(new JsonObject().put("id", "d").put("path", new JsonArray().add("description"))))
        .put("claim_sets", new JsonArray().add(new JsonArray().add("n").add("d")).add(new JsonArray().add("n")))));
  }

  @Test
  void anOptionalClaimCanBeWithheldAndThenNeverLeaves() {
    Learner learner = learner("withhold@flow.example");
    String credentialId = learner.hold("application/dc+sd-jwt", ISSUER.sdJwtBoundTo(ISSUER.claims("Food Safety Level 2", now()),
        learner.keys().getJsonObject("p256").getJsonObject("publicJwk")));
    JsonObject request = ask(nameAndPerhapsDescription(), "direct_post");
    JsonObject exchange = learner.open(request.getString("authorization_request")).json();
    JsonArray claims = exchange.getJsonArray("queries").getJsonObject(0).getJsonArray("candidates").getJsonObject(0)
        .getJsonArray("requested_claims");
    assertEquals(new JsonArray().add("name"), claims.getJsonObject(0).getJsonArray("path"));
    assertFalse(claims.getJsonObject(0).getBoolean("withholdable"), "the issuer made the name always visible");
    assertEquals(new JsonArray().add("description"), claims.getJsonObject(1).getJsonArray("path"));
    assertTrue(claims.getJsonObject(1).getBoolean("withholdable"), "the second claim set needs the name only");

    assertProblem(422, "consent-invalid", learner.consent(exchange.getString("id"), "proof", credentialId,
        new JsonArray().add(new JsonArray().add("name"))));
    assertProblem(422, "consent-invalid", learner.consent(exchange.getString("id"), "proof", credentialId,
        new JsonArray().add(new JsonArray().add("given_name"))));
    assertEquals("pending", employerView(request).getString("status"), "a refused consent sends nothing");

    Response sent = learner.consent(exchange.getString("id"), "proof", credentialId,
        new JsonArray().add(new JsonArray().add("description")));
    assertEquals(200, sent.status(), sent.body());
    String verified = employerView(request).getJsonObject("verified").encode();
    assertTrue(verified.contains("Food Safety Level 2"), verified);
    assertFalse(verified.contains("A short course"), "the withheld description never reached the employer: " + verified);
  }

  @Test
  void withholdingWhatTheQueryNeedsIsRefusedAndNothingIsSent() {
    Learner learner = learner("needed@flow.example");
    String credentialId = learner.hold("application/dc+sd-jwt", ISSUER.sdJwtBoundTo(ISSUER.claims("Food Safety Level 2", now()),
        learner.keys().getJsonObject("p256").getJsonObject("publicJwk")));
    JsonObject query = query("dc+sd-jwt", new JsonObject().put("vct_values",
        new JsonArray().add("https://credentials.example/micro-credential")), new JsonArray().add("description"));
    JsonObject request = ask(query, "direct_post");
    JsonObject exchange = learner.open(request.getString("authorization_request")).json();
    assertProblem(422, "consent-invalid", learner.consent(exchange.getString("id"), "proof", credentialId,
        new JsonArray().add(new JsonArray().add("description"))));
    assertEquals("pending", employerView(request).getString("status"), "nothing reached the employer");
    assertEquals("open", cairn.api().get("/v1/presentation-requests/" + exchange.getString("id"), learner.token())
        .json().getString("status"));
  }

  @Test
  void anotherLearnersExchangeIsNotFoundAndEmployersCannotAnswer() {
    Learner owner = learner("owner@flow.example");
    Learner other = learner("other@flow.example");
    JsonObject request = ask(formats().get(0).query(), "direct_post");
    String exchangeId = owner.open(request.getString("authorization_request")).json().getString("id");
    assertProblem(404, "not-found", cairn.api().get("/v1/presentation-requests/" + exchangeId, other.token()));
    assertProblem(404, "not-found", other.consent(exchangeId, "proof", "x", null));
    assertProblem(404, "not-found", decline(exchangeId, other.token()));
    assertProblem(403, "forbidden", cairn.api().post("/v1/presentation-requests", employer,
        new JsonObject().put("request", request.getString("authorization_request"))));
    assertEquals("pending", employerView(request).getString("status"));
  }

  @Test
  void aLinkWhoseClientIdDiffersFromTheRequestObjectIsRefusedAndNothingIsStored() {
    Learner learner = learner("mismatch@flow.example");
    JsonObject request = ask(formats().get(0).query(), "direct_post");
    String link = request.getString("authorization_request").replace("client_id=decentralized_identifier",
        "client_id=redirect_uri%3Ahttps%3A%2F%2Fevil.example%2Fcb%23x").replaceFirst("%23x[^&]*", "");
    long before = cairn.queryLong("SELECT count(*) FROM presentation_exchange");
    Response refused = learner.open(link);
    assertProblem(422, "authorization-request-invalid", refused);
    assertEquals(before, cairn.queryLong("SELECT count(*) FROM presentation_exchange"));
  }

  @Test
  void aLinkWithBrokenEncodingOrATwiceGivenParameterIsRefusedNotAnError() {
    Learner learner = learner("garbled@flow.example");
    assertProblem(422, "authorization-request-invalid",
        learner.open("openid4vp://?client_id=%E0%A4%A&request_uri=https%3A%2F%2Fverifier.example%2Fr"));
    assertProblem(422, "authorization-request-invalid",
        learner.open("openid4vp://?client_id=a&client_id=b&request_uri=https%3A%2F%2Fverifier.example%2Fr"));
  }

  @Test
  void aRequestOnAPrivateAddressIsRefusedWithoutTheAllowList() {
    JsonObject request = ask(formats().get(0).query(), "direct_post");
    try (CairnUnderTest strict = CairnUnderTest.start()) {
      String token = strict.api().signUp("strict@flow.example").getString("accessToken");
      Response refused = strict.api().post("/v1/presentation-requests", token,
          new JsonObject().put("request", request.getString("authorization_request")));
      assertProblem(422, "authorization-request-invalid", refused);
      assertTrue(refused.json().getString("detail").contains("127.0.0.1"), refused.body());
      assertEquals(0, strict.queryLong("SELECT count(*) FROM presentation_exchange"));
    }
  }
}
