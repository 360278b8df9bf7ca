package dev.cairn.wallet.stack;

import static dev.cairn.wallet.testing.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.wallet.testing.Api.Response;
import dev.cairn.wallet.testing.CairnUnderTest;
import dev.cairn.wallet.testing.Credentials;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Stacks toward a larger award: CRUD, order, progress, isolation, and the stacks Cairn suggests. */
class StackTest {
  @RegisterExtension
  static final CairnUnderTest cairn = CairnUnderTest.perClass();
  private static final Credentials UNIVERSITY = new Credentials();
  private static final Credentials TRAINER = new Credentials();

  private static String importOne(String token, Credentials issuer, String title) {
    Response created = cairn.api().postRaw("/v1/credentials", token, "application/dc+sd-jwt",
        issuer.sdJwt(issuer.claims(title, cairn.clock.instant().minus(Duration.ofDays(2))))
            .getBytes(StandardCharsets.UTF_8));
    assertEquals(201, created.status(), created.body());
    return created.json().getString("id");
  }

  private static Response send(String method, String path, String token, String body) {
    return cairn.api().send(method, path, token, Map.of("Content-Type", "application/json"),
        body.getBytes(StandardCharsets.UTF_8));
  }

  private static List<String> memberIds(JsonObject stack) {
    List<String> ids = new ArrayList<>();
    stack.getJsonArray("credentials").forEach(member -> ids.add(((JsonObject) member).getString("id")));
    return ids;
  }

  @Test
  void aStackKeepsItsOrderAndShowsProgressTowardItsTarget() {
    String token = cairn.api().signUp("stacker@example.org").getString("accessToken");
    String a = importOne(token, UNIVERSITY, "SQL Basics");
    String b = importOne(token, UNIVERSITY, "Dashboards");
    String c = importOne(token, UNIVERSITY, "Statistics");
    Response created = send("POST", "/v1/stacks", token, new JsonObject().put("name", "Data Analytics Certificate")
        .put("description", "Four micro-credentials make the certificate").put("targetCount", 4)
        .put("credentialIds", new JsonArray().add(c).add(a).add(b)).encode());
    assertEquals(201, created.status(), created.body());
    JsonObject stack = created.json();
    assertEquals("/v1/stacks/" + stack.getString("id"), created.header("Location").orElseThrow());
    assertEquals(List.of(c, a, b), memberIds(stack));
    assertEquals(new JsonObject().put("earned", 3).put("target", 4).put("complete", false).put("text", "3 of 4"),
        stack.getJsonObject("progress"));

    String d = importOne(token, UNIVERSITY, "Data Storytelling");
    Response reordered = send("PATCH", "/v1/stacks/" + stack.getString("id"), token,
        new JsonObject().put("credentialIds", new JsonArray().add(a).add(b).add(c).add(d)).encode());
    assertEquals(200, reordered.status(), reordered.body());
    assertEquals(List.of(a, b, c, d), memberIds(reordered.json()));
    assertTrue(reordered.json().getJsonObject("progress").getBoolean("complete"));
    assertEquals("Data Analytics Certificate", reordered.json().getString("name"), "absent fields stay");

    JsonArray inStack = cairn.api().get("/v1/credentials?stack=" + stack.getString("id"), token).json().getJsonArray("items");
    assertEquals(4, inStack.size());
    assertEquals(1, cairn.api().get("/v1/stacks", token).json().getJsonArray("items").size());

    // Deleting a credential takes it out of the stack; deleting the stack keeps the credentials.
    assertEquals(204, cairn.api().delete("/v1/credentials/" + d, token).status());
    assertEquals(List.of(a, b, c), memberIds(cairn.api().get("/v1/stacks/" + stack.getString("id"), token).json()));
    assertEquals(204, cairn.api().delete("/v1/stacks/" + stack.getString("id"), token).status());
    assertProblem(404, "not-found", cairn.api().get("/v1/stacks/" + stack.getString("id"), token));
    assertEquals(3, cairn.api().get("/v1/credentials", token).json().getJsonArray("items").size());
  }

  @Test
  void aStackCannotHoldAnotherLearnersCredentialAndIsInvisibleToThem() {
    String owner = cairn.api().signUp("stack-owner@example.org").getString("accessToken");
    String other = cairn.api().signUp("stack-other@example.org").getString("accessToken");
    String mine = importOne(owner, TRAINER, "Mine");
    String theirs = importOne(other, TRAINER, "Theirs");
    Map<String, Long> before = cairn.rowCounts();
    assertProblem(400, "invalid-request", send("POST", "/v1/stacks", owner,
        new JsonObject().put("name", "Sneaky").put("credentialIds", new JsonArray().add(mine).add(theirs)).encode()));
    assertEquals(before, cairn.rowCounts(), "the refused stack left nothing behind");

    String stackId = send("POST", "/v1/stacks", owner, new JsonObject().put("name", "Private")
        .put("credentialIds", new JsonArray().add(mine)).encode()).json().getString("id");
    before = cairn.rowCounts();
    assertProblem(404, "not-found", cairn.api().get("/v1/stacks/" + stackId, other));
    assertProblem(404, "not-found", send("PATCH", "/v1/stacks/" + stackId, other, "{\"name\":\"Mine now\"}"));
    assertProblem(404, "not-found", cairn.api().delete("/v1/stacks/" + stackId, other));
    assertProblem(404, "not-found", cairn.api().get("/v1/credentials?stack=" + stackId, other));
    assertEquals(0, cairn.api().get("/v1/stacks", other).json().getJsonArray("items").size());
    assertEquals(before, cairn.rowCounts());
  }

  @Test
  void badStackBodiesAreRefusedByField() {
    String token = cairn.api().signUp("stack-bad@example.org").getString("accessToken");
    Map<String, Long> before = cairn.rowCounts();
    for (String bad : new String[] {"{}", "{\"name\": \"\"}", "{\"name\": 3}", "{\"name\": \"x\", \"targetCount\": 0}",
        "{\"name\": \"x\", \"credentialIds\": [\"nope\"]}", "{\"name\": \"x\", \"colour\": 1}",
        "{\"name\": \"x\", \"credentialIds\": [\"" + java.util.UUID.randomUUID() + "\"]}"}) {
      assertProblem(400, "invalid-request", send("POST", "/v1/stacks", token, bad));
    }
    assertProblem(404, "not-found", cairn.api().get("/v1/stacks/not-a-uuid", token));
    assertEquals(before, cairn.rowCounts());
  }

  @Test
  void cairnSuggestsStacksBySharedIssuerAndSkillButNotOnesThatExist() {
    String token = cairn.api().signUp("suggest@example.org").getString("accessToken");
    String u1 = importOne(token, UNIVERSITY, "Algebra");
    String u2 = importOne(token, UNIVERSITY, "Geometry");
    String t1 = importOne(token, TRAINER, "Welding");
    JsonArray suggestions = cairn.api().get("/v1/stacks/suggestions", token).json().getJsonArray("items");
    JsonObject bySkill = find(suggestions, "shared-skill", "hygiene");
    assertEquals(3, bySkill.getJsonArray("credentialIds").size(), "every fixture lists the skill 'hygiene'");
    JsonObject byIssuer = find(suggestions, "same-issuer", UNIVERSITY.issuerDid());
    assertEquals(java.util.Set.of(u1, u2), java.util.Set.copyOf(byIssuer.getJsonArray("credentialIds").stream().map(String::valueOf).toList()));
    assertFalse(suggestions.encode().contains("\"key\":\"" + TRAINER.issuerDid() + "\""), "one credential is no stack");

    send("POST", "/v1/stacks", token, new JsonObject().put("name", "Maths")
        .put("credentialIds", new JsonArray().add(u2).add(u1)).encode());
    JsonArray after = cairn.api().get("/v1/stacks/suggestions", token).json().getJsonArray("items");
    assertFalse(after.stream().anyMatch(s -> ((JsonObject) s).getString("reason").equals("same-issuer")),
        "a stack already holding exactly these credentials is not suggested again");
  }

  private static JsonObject find(JsonArray suggestions, String reason, String key) {
    return suggestions.stream().map(JsonObject.class::cast)
        .filter(s -> s.getString("reason").equals(reason) && s.getString("key").equals(key))
        .findFirst().orElseThrow(() -> new AssertionError(reason + " " + key + " in " + suggestions.encode()));
  }
}
