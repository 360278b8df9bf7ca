package dev.cairn.wallet.credential;

import static dev.cairn.wallet.testing.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.wallet.testing.Api.Response;
import dev.cairn.wallet.testing.CairnUnderTest;
import dev.cairn.wallet.testing.Credentials;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code POST /v1/credentials} and the single-credential routes, against a real server and real signatures. */
class CredentialImportTest {
  @RegisterExtension
  static final CairnUnderTest cairn = CairnUnderTest.perClass();
  private static final Credentials ISSUER = new Credentials();

  private static String signUp(String email) {
    return cairn.api().signUp(email).getString("accessToken");
  }

  /** A fresh access token, issued at the test clock's current time. */
  private static String login(String email) {
    return cairn.api().post("/v1/sessions", null, dev.cairn.wallet.testing.Api.credentials(email, "a long enough password"))
        .json().getString("accessToken");
  }

  private static Response importRaw(String token, String mediaType, String body) {
    return cairn.api().postRaw("/v1/credentials", token, mediaType, body.getBytes(StandardCharsets.UTF_8));
  }

  private static Instant now() {
    return cairn.clock.instant();
  }

  @Test
  void anSdJwtVcBoundToTheLearnersKeyIsVerifiedStoredAndShown() {
    String token = signUp("import@example.org");
    JsonObject p256 = cairn.api().get("/v1/holder-keys", token).json().getJsonArray("keys").getJsonObject(0);
    String credential = ISSUER.sdJwtBoundTo(ISSUER.claims("Food Safety Level 2", now().minus(Duration.ofDays(3))),
        p256.getJsonObject("publicJwk"));

    Response created = importRaw(token, "application/dc+sd-jwt", credential);
    assertEquals(201, created.status(), created.body());
    JsonObject view = created.json();
    assertEquals("/v1/credentials/" + view.getString("id"), created.header("Location").orElseThrow());
    assertEquals("dc+sd-jwt", view.getString("format"));
    assertEquals("application/dc+sd-jwt", view.getString("mediaType"));
    assertEquals(ISSUER.issuerDid(), view.getJsonObject("issuer").getString("id"));
    assertEquals("Food Safety Level 2", view.getString("title"));
    assertEquals("A short course: Food Safety Level 2", view.getString("description"));
    assertEquals("valid", view.getString("status"));
    assertEquals(now().minus(Duration.ofDays(3)).toString(), view.getString("issued"));
    assertEquals(new JsonObject().put("state", "bound").put("holderKeyId", p256.getString("id")).put("presentable", true),
        view.getJsonObject("holderBinding"));
    assertEquals("Ada", view.getJsonObject("claims").getString("given_name"), "every disclosure is revealed to the owner");
    assertEquals(new JsonArray().add("hygiene").add("allergens"), view.getJsonObject("claims").getJsonArray("skills"));
    JsonArray checks = view.getJsonArray("checks");
    assertEquals(7, checks.size());
    assertEquals("signature", checks.getJsonObject(1).getString("check"));
    assertEquals("passed", checks.getJsonObject(1).getString("outcome"));
    assertEquals(new JsonArray(), view.getJsonArray("warnings"));

    Response exported = cairn.api().get("/v1/credentials/" + view.getString("id") + "/export", token);
    assertEquals(200, exported.status());
    assertEquals("application/dc+sd-jwt", exported.header("Content-Type").orElseThrow());
    assertEquals(credential, exported.body(), "the original bytes, exactly");
    Response raw = cairn.api().get("/v1/credentials/" + view.getString("id") + "?include=raw", token);
    assertEquals(credential, raw.json().getString("raw"));

    JsonArray activity = cairn.api().get("/v1/activity", token).json().getJsonArray("items");
    assertEquals("credential-exported", activity.getJsonObject(0).getString("kind"));
    assertEquals("credential-imported", activity.getJsonObject(1).getString("kind"));
    assertEquals("Food Safety Level 2", activity.getJsonObject(1).getJsonObject("summary").getString("title"));
  }

  @Test
  void theSameCredentialImportedTwiceAnswers200WithTheStoredOne() {
    String token = signUp("twice@example.org");
    String credential = ISSUER.sdJwt(ISSUER.claims("Twice", now()));
    Response first = importRaw(token, "application/dc+sd-jwt", credential);
    Response second = cairn.api().post("/v1/credentials", token, new JsonObject().put("credential", credential));
    assertEquals(201, first.status(), first.body());
    assertEquals(200, second.status(), second.body());
    assertEquals(first.json().getString("id"), second.json().getString("id"));
    assertEquals(1, cairn.queryLong("SELECT count(*) FROM credential WHERE title = 'Twice'"));
    assertEquals(new JsonObject().put("state", "unbound").put("presentable", false),
        second.json().getJsonObject("holderBinding"));
  }

  @Test
  void aDataIntegrityCredentialWhoseSubjectIsTheLearnersDidKeyIsBound() {
    String token = signUp("ldp@example.org");
    JsonObject ed25519 = cairn.api().get("/v1/holder-keys", token).json().getJsonArray("keys").getJsonObject(1);
    JsonObject credential = ISSUER.dataIntegrity("Data Analytics 101", ed25519.getString("didKey"),
        now().minus(Duration.ofDays(10)));
    Response created = importRaw(token, "application/vc+ld+json", credential.encode());
    assertEquals(201, created.status(), created.body());
    assertEquals("ldp_vc", created.json().getString("format"));
    assertEquals("Data Analytics 101", created.json().getString("title"));
    assertEquals(ed25519.getString("id"), created.json().getJsonObject("holderBinding").getString("holderKeyId"));
    assertEquals(credential.encode(), cairn.api().get("/v1/credentials/" + created.json().getString("id") + "/export",
        token).body());
  }

  @Test
  void aCredentialBoundToSomeoneElsesKeyIsKeptButNotPresentable() {
    String token = signUp("other-key@example.org");
    JsonObject credential = ISSUER.dataIntegrity("Borrowed", "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp",
        now().minus(Duration.ofDays(1)));
    Response created = importRaw(token, "application/vc+ld+json", credential.encode());
    assertEquals(201, created.status(), created.body());
    assertEquals("other-key", created.json().getJsonObject("holderBinding").getString("state"));
    assertEquals("bound-to-another-key", created.json().getJsonArray("warnings").getJsonObject(0).getString("code"));
    Response again = cairn.api().send("POST", "/v1/credentials/" + created.json().getString("id") + "/verify", token,
        Map.of(), null);
    assertEquals("other-key", again.json().getJsonObject("holderBinding").getString("state"), "a re-check keeps it");
  }

  @Test
  void aCredentialWhoseStatusCannotBeCheckedIsStoredAsUnknownWithAWarning() {
    String token = signUp("status@example.org");
    JsonObject claims = ISSUER.claims("Unknown status", now()).put("status", new JsonObject().put("status_list",
        new JsonObject().put("idx", 3).put("uri", "https://127.0.0.1:9/statuslists/1")));
    Response created = importRaw(token, "application/dc+sd-jwt", ISSUER.sdJwt(claims));
    assertEquals(201, created.status(), created.body());
    assertEquals("unknown", created.json().getString("status"));
    assertEquals("status-unknown", created.json().getJsonArray("warnings").getJsonObject(0).getString("code"));
  }

  @Test
  void aForgedCredentialIsRefusedNotStoredAndTheAttemptIsLoggedWithoutContent() {
    String token = signUp("forged@example.org");
    String credential = ISSUER.sdJwt(ISSUER.claims("Forged", now()));
    String[] parts = credential.split("\\.", 3);
    String forged = parts[0] + "." + parts[1] + "." + (parts[2].charAt(0) == 'A' ? 'B' : 'A') + parts[2].substring(1);
    Map<String, Long> before = cairn.rowCounts();

    Response refused = importRaw(token, "application/dc+sd-jwt", forged);
    assertEquals(422, refused.status(), refused.body());
    assertEquals("credential-signature", refused.problemCode());
    assertEquals("signature-invalid", refused.json().getString("reason"));
    assertEquals(7, refused.json().getJsonArray("checks").size());

    Map<String, Long> after = cairn.rowCounts();
    assertEquals(before.get("credential"), after.get("credential"));
    assertEquals(before.get("activity") + 1, after.get("activity"));
    JsonObject logged = cairn.api().get("/v1/activity", token).json().getJsonArray("items").getJsonObject(0);
    assertEquals("credential-import-refused", logged.getString("kind"));
    assertEquals("signature-invalid", logged.getString("reason"));
    assertFalse(logged.encode().contains("Forged"), "no content of the refused credential");
  }

  @Test
  void anExpiredCredentialIsRefusedAsInvalidAtThisTime() {
    String token = signUp("expired@example.org");
    Response refused = importRaw(token, "application/dc+sd-jwt",
        ISSUER.sdJwt(ISSUER.claims("Old", now().minus(Duration.ofDays(800)))));
    assertEquals(422, refused.status(), refused.body());
    assertEquals("credential-validity", refused.problemCode());
    assertEquals("expired", refused.json().getString("reason"));
  }

  @Test
  void badInputGetsASpecificProblemAndChangesNothing() {
    String token = signUp("bad@example.org");
    String good = ISSUER.sdJwt(ISSUER.claims("Good", now()));
    Map<String, Long> before = cairn.rowCounts();
    assertProblem(415, "unsupported-media-type", importRaw(token, "text/plain", good));
    assertProblem(415, "media-type-mismatch", importRaw(token, "application/dc+sd-jwt", "{\"a\":1}"));
    assertProblem(415, "media-type-mismatch", importRaw(token, "application/vc+ld+json", good));
    assertProblem(400, "invalid-request", importRaw(token, "application/dc+sd-jwt", ""));
    assertProblem(400, "malformed-json", importRaw(token, "application/json", "{\"credential\": "));
    assertProblem(400, "invalid-request", cairn.api().post("/v1/credentials", token, new JsonObject().put("credential", 42)));
    assertProblem(413, "payload-too-large", importRaw(token, "application/dc+sd-jwt", good + "x".repeat(300 * 1024)));
    assertProblem(400, "invalid-request", cairn.api().send("POST", "/v1/credentials", token,
        Map.of("Content-Type", "application/dc+sd-jwt", "Idempotency-Key", "bad key with spaces"),
        good.getBytes(StandardCharsets.UTF_8)));
    assertEquals(before, cairn.rowCounts());

    // Refused by verification: stored nowhere, only the attempt is logged.
    assertProblem(422, "credential-syntax", importRaw(token, "application/dc+sd-jwt", good.substring(0, good.indexOf('.') + 5)));
    assertProblem(422, "credential-syntax", importRaw(token, "application/dc+sd-jwt", good + "not-base64url!~"));
    assertProblem(422, "credential-syntax", importRaw(token, "application/jwt", "hello"));
    assertProblem(422, "credential-format-unsupported", importRaw(token, "application/ld+json", new JsonObject()
        .put("@context", new JsonArray().add("https://www.w3.org/ns/credentials/v2"))
        .put("type", new JsonArray().add("VerifiablePresentation"))
        .put("proof", new JsonObject().put("type", "DataIntegrityProof")).encode()));
    Map<String, Long> after = cairn.rowCounts();
    assertEquals(before.get("credential"), after.get("credential"));
    assertEquals(before.get("activity") + 4, after.get("activity"));
  }

  @Test
  void anIdempotencyKeyReplaysTheFirstAnswerAndRefusesAnotherBody() {
    String token = signUp("idem@example.org");
    byte[] first = ISSUER.sdJwt(ISSUER.claims("Idempotent", now())).getBytes(StandardCharsets.UTF_8);
    Map<String, String> headers = Map.of("Content-Type", "application/dc+sd-jwt", "Idempotency-Key", "k-1");
    Response created = cairn.api().send("POST", "/v1/credentials", token, headers, first);
    Response replayed = cairn.api().send("POST", "/v1/credentials", token, headers, first);
    assertEquals(201, created.status(), created.body());
    assertEquals(201, replayed.status(), "the first answer, not 200 for a duplicate");
    assertEquals("true", replayed.header("Idempotent-Replayed").orElseThrow());
    assertEquals(created.json(), replayed.json());
    assertEquals(created.header("Location"), replayed.header("Location"));

    byte[] other = ISSUER.sdJwt(ISSUER.claims("Another", now())).getBytes(StandardCharsets.UTF_8);
    Response reused = cairn.api().send("POST", "/v1/credentials", token, headers, other);
    assertProblem(422, "idempotency-key-reused", reused);
    assertEquals(0, cairn.queryLong("SELECT count(*) FROM credential WHERE title = 'Another'"));

    cairn.clock.advance(Duration.ofHours(25));
    try {
      Response afterRetention = cairn.api().send("POST", "/v1/credentials", login("idem@example.org"), headers, first);
      assertEquals(200, afterRetention.status(), "after 24 h the key is forgotten: an ordinary duplicate import");
    } finally {
      cairn.clock.advance(Duration.ofHours(-25));
    }
  }

  @Test
  void tagsNotesAndPinsChangeAndBadChangesAreRefused() {
    String token = signUp("tags@example.org");
    String id = importRaw(token, "application/dc+sd-jwt", ISSUER.sdJwt(ISSUER.claims("Taggable", now())))
        .json().getString("id");
    Response patched = cairn.api().send("PATCH", "/v1/credentials/" + id, token, Map.of("Content-Type", "application/json"),
        new JsonObject().put("tags", new JsonArray().add(" Food ").add("food").add("level-2")).put("note", "for the job")
            .put("pinned", true).encode().getBytes(StandardCharsets.UTF_8));
    assertEquals(200, patched.status(), patched.body());
    assertEquals(new JsonArray().add("food").add("level-2"), patched.json().getJsonArray("tags"));
    assertEquals("for the job", patched.json().getString("note"));
    assertTrue(patched.json().getBoolean("pinned"));

    Response cleared = cairn.api().send("PATCH", "/v1/credentials/" + id, token, Map.of("Content-Type", "application/json"),
        "{\"note\": null}".getBytes(StandardCharsets.UTF_8));
    assertNull(cleared.json().getString("note"));
    assertEquals(new JsonArray().add("food").add("level-2"), cleared.json().getJsonArray("tags"), "absent fields stay");

    Map<String, Long> before = cairn.rowCounts();
    for (String bad : new String[] {"{}", "{\"tags\": \"food\"}", "{\"tags\": [\"\"]}", "{\"pinned\": \"yes\"}",
        "{\"colour\": \"red\"}"}) {
      Response refused = cairn.api().send("PATCH", "/v1/credentials/" + id, token,
          Map.of("Content-Type", "application/json"), bad.getBytes(StandardCharsets.UTF_8));
      assertProblem(400, "invalid-request", refused);
    }
    assertEquals(before, cairn.rowCounts());
  }

  @Test
  void deletionRemovesTheCredentialAndErasesItsActivitySummaries() {
    String token = signUp("delete@example.org");
    String id = importRaw(token, "application/dc+sd-jwt", ISSUER.sdJwt(ISSUER.claims("Short-lived", now())))
        .json().getString("id");
    assertEquals(204, cairn.api().delete("/v1/credentials/" + id, token).status());
    assertProblem(404, "not-found", cairn.api().get("/v1/credentials/" + id, token));
    assertProblem(404, "not-found", cairn.api().delete("/v1/credentials/" + id, token));
    assertEquals(0, cairn.queryLong("SELECT count(*) FROM credential WHERE id = '" + id + "'"));
    JsonArray activity = cairn.api().get("/v1/activity", token).json().getJsonArray("items");
    assertEquals("credential-deleted", activity.getJsonObject(0).getString("kind"));
    assertEquals("credential-imported", activity.getJsonObject(1).getString("kind"));
    assertFalse(activity.encode().contains("Short-lived"), "the summary went with the credential");
  }

  @Test
  void anotherLearnersCredentialIsNotFoundOnEveryRoute() {
    String owner = signUp("owner@example.org");
    String intruder = signUp("intruder@example.org");
    String id = importRaw(owner, "application/dc+sd-jwt", ISSUER.sdJwt(ISSUER.claims("Private", now())))
        .json().getString("id");
    Map<String, Long> before = cairn.rowCounts();
    assertProblem(404, "not-found", cairn.api().get("/v1/credentials/" + id, intruder));
    assertProblem(404, "not-found", cairn.api().get("/v1/credentials/" + id + "/export", intruder));
    assertProblem(404, "not-found", cairn.api().send("POST", "/v1/credentials/" + id + "/verify", intruder, Map.of(), null));
    assertProblem(404, "not-found", cairn.api().send("PATCH", "/v1/credentials/" + id, intruder,
        Map.of("Content-Type", "application/json"), "{\"pinned\":true}".getBytes(StandardCharsets.UTF_8)));
    assertProblem(404, "not-found", cairn.api().delete("/v1/credentials/" + id, intruder));
    assertEquals(0, cairn.api().get("/v1/credentials", intruder).json().getJsonArray("items").size());
    assertEquals(before, cairn.rowCounts());
    assertEquals(200, cairn.api().get("/v1/credentials/" + id, owner).status());
  }

  @Test
  void verifyingAgainRecordsTheFreshChecks() {
    String token = signUp("again@example.org");
    String id = importRaw(token, "application/dc+sd-jwt", ISSUER.sdJwt(ISSUER.claims("Again", now())))
        .json().getString("id");
    cairn.clock.advance(Duration.ofDays(400));
    try {
      token = login("again@example.org");
      Response verified = cairn.api().send("POST", "/v1/credentials/" + id + "/verify", token, Map.of(), null);
      assertEquals(200, verified.status(), verified.body());
      assertEquals("expired", verified.json().getString("status"));
      assertEquals(cairn.clock.instant().toString(), verified.json().getString("statusCheckedAt"));
      JsonObject changed = cairn.api().get("/v1/activity", token).json().getJsonArray("items").getJsonObject(0);
      assertEquals("credential-status-changed", changed.getString("kind"));
      assertEquals("expired", changed.getString("reason"));
    } finally {
      cairn.clock.advance(Duration.ofDays(-400));
    }
  }


}
