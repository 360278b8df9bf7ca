package dev.cairn.wallet.share;

import static dev.cairn.wallet.testing.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.wallet.testing.Api.Response;
import dev.cairn.wallet.testing.CairnUnderTest;
import dev.cairn.wallet.testing.Credentials;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Share links: chosen credentials and claims on a public page, verified at every view, limited and revocable. */
class ShareLinkTest {
  @RegisterExtension
  static final CairnUnderTest cairn = CairnUnderTest.perClass();
  private static final Credentials ISSUER = new Credentials();

  record Learner(String token, String sdJwtId, String badgeId) {}

  static Learner learnerWithTwoCredentials(String email, String title) {
    String token = cairn.api().signUp(email).getString("accessToken");
    JsonArray keys = cairn.api().get("/v1/holder-keys", token).json().getJsonArray("keys");
    String sdJwt = ISSUER.sdJwtBoundTo(ISSUER.claims(title, cairn.clock.instant().minus(Duration.ofDays(1))),
        keys.getJsonObject(0).getJsonObject("publicJwk"));
    String badge = ISSUER.dataIntegrity("Data Analytics 101", keys.getJsonObject(1).getString("didKey"),
        cairn.clock.instant().minus(Duration.ofDays(1))).encode();
    return new Learner(token, imported(token, "application/dc+sd-jwt", sdJwt), imported(token, "application/vc+ld+json", badge));
  }

  private static String imported(String token, String mediaType, String body) {
    Response created = cairn.api().postRaw("/v1/credentials", token, mediaType, body.getBytes(StandardCharsets.UTF_8));
    assertEquals(201, created.status(), created.body());
    return created.json().getString("id");
  }

  private static JsonObject link(Learner learner, JsonObject body) {
    Response created = cairn.api().post("/v1/share-links", learner.token(), body);
    assertEquals(201, created.status(), created.body());
    return created.json();
  }

  private static JsonObject descriptionAndBadge(Learner learner) {
    return new JsonObject().put("label", "Corner Cafe hiring").put("credentials", new JsonArray()
        .add(new JsonObject().put("credential_id", learner.sdJwtId())
            .put("claims", new JsonArray().add(new JsonArray().add("description"))))
        .add(new JsonObject().put("credential_id", learner.badgeId())));
  }

  private static Response open(JsonObject link, String accept) {
    return cairn.api().send("GET", URI.create(link.getString("url")).getPath(), null, Map.of("Accept", accept), null);
  }

  @Test
  void aLinkShowsTheChosenClaimsVerifiedAtViewTimeAndEveryViewIsInTheActivity() {
    Learner learner = learnerWithTwoCredentials("share@links.example", "Food Safety Level 2");
    JsonObject link = link(learner, descriptionAndBadge(learner));
    assertTrue(link.getString("url").matches("http://127\\.0\\.0\\.1:\\d+/s/[A-Za-z0-9_-]{43}"), link.encode());
    assertEquals("active", link.getString("state"));

    Response json = open(link, "application/json");
    assertEquals(200, json.status(), json.body());
    JsonObject first = json.json().getJsonArray("credentials").getJsonObject(0);
    assertTrue(first.getBoolean("valid"), first.encode());
    assertEquals("A short course: Food Safety Level 2", first.getJsonObject("claims").getString("description"));
    assertFalse(json.body().contains("Ada"), "given_name was not chosen: " + json.body());
    assertFalse(json.body().contains("hygiene"), "the skills were not chosen");
    JsonObject badge = json.json().getJsonArray("credentials").getJsonObject(1);
    assertEquals("Data Analytics 101", badge.getJsonObject("display").getJsonObject("achievement").getString("name"));

    Response html = open(link, "text/html");
    assertEquals("text/html; charset=utf-8", html.header("Content-Type").orElseThrow());
    assertTrue(html.header("Content-Security-Policy").orElseThrow().startsWith("default-src 'none'"));
    assertTrue(html.body().contains("Food Safety Level 2") && html.body().contains("Verified"), html.body());
    assertFalse(html.body().contains("Ada"));

    JsonArray activity = cairn.api().get("/v1/activity", learner.token()).json().getJsonArray("items");
    long views = activity.stream().map(JsonObject.class::cast)
        .filter(entry -> entry.getString("kind").equals("share-link-viewed")).count();
    assertEquals(2, views);
    assertEquals(2, cairn.api().get("/v1/share-links", learner.token()).json().getJsonArray("items")
        .getJsonObject(0).getInteger("views"));
  }

  @Test
  void aLinkClosesAtItsViewLimitWhenRevokedAndWhenExpired() {
    Learner learner = learnerWithTwoCredentials("limits@links.example", "Knife Skills");
    JsonObject once = link(learner, descriptionAndBadge(learner).put("max_views", 1));
    assertEquals(200, open(once, "application/json").status());
    assertProblem(410, "share-link-closed", open(once, "application/json"));

    JsonObject revoked = link(learner, descriptionAndBadge(learner));
    assertEquals(204, cairn.api().delete("/v1/share-links/" + revoked.getString("id"), learner.token()).status());
    assertProblem(410, "share-link-closed", open(revoked, "application/json"));

    JsonObject brief = link(learner, descriptionAndBadge(learner).put("expires_in", 60));
    cairn.clock.advance(Duration.ofSeconds(61));
    try {
      assertProblem(410, "share-link-closed", open(brief, "application/json"));
    } finally {
      cairn.clock.advance(Duration.ofSeconds(-61));
    }
    assertProblem(404, "not-found", cairn.api().get("/s/" + "A".repeat(43), null));
    assertProblem(404, "not-found", cairn.api().get("/s/not-a-token", null));
  }

  @Test
  void whatThePageShowsIsEscaped() {
    Learner learner = learnerWithTwoCredentials("escape@links.example", "<script>alert(1)</script>");
    Response html = open(link(learner, descriptionAndBadge(learner)), "text/html");
    assertFalse(html.body().contains("<script>"), html.body());
    assertTrue(html.body().contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html.body());
  }

  @Test
  void onlyTheLearnersOwnCredentialsCanBeSharedAndOnlyTheyManageTheirLinks() {
    Learner owner = learnerWithTwoCredentials("owner@links.example", "Barista Basics");
    Learner other = learnerWithTwoCredentials("other@links.example", "Latte Art");
    Map<String, Long> before = cairn.rowCounts();
    assertProblem(400, "invalid-request", cairn.api().post("/v1/share-links", other.token(), descriptionAndBadge(owner)));
    assertEquals(before, cairn.rowCounts(), "a refused link stores nothing");

    JsonObject link = link(owner, descriptionAndBadge(owner));
    assertProblem(404, "not-found", cairn.api().delete("/v1/share-links/" + link.getString("id"), other.token()));
    assertFalse(cairn.api().get("/v1/share-links", other.token()).body().contains(link.getString("id")));
    assertEquals(200, open(link, "application/json").status(), "still open: the other learner could not revoke it");
    assertEquals(0, cairn.queryLong("SELECT count(*) FROM share_link WHERE token_hash = '"
        + URI.create(link.getString("url")).getPath().substring(3) + "'"), "only the secret's hash is stored");
  }
}
