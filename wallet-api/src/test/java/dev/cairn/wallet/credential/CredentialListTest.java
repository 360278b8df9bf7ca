package dev.cairn.wallet.credential;

import static dev.cairn.wallet.testing.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.wallet.testing.Api.Response;
import dev.cairn.wallet.testing.CairnUnderTest;
import dev.cairn.wallet.testing.Credentials;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code GET /v1/credentials}: keyset pages, filters, sort orders and full-text search over a real wallet. */
class CredentialListTest {
  @RegisterExtension
  static final CairnUnderTest cairn = CairnUnderTest.perClass();
  private static final Credentials UNIVERSITY = new Credentials();
  private static final Credentials TRAINER = new Credentials();
  private static final String[] COURSES = {"Data Analytics Foundations", "Food Safety Level 2", "Forklift Operation",
      "Intro to Python", "Statistics for Analysts", "First Aid at Work", "Project Management Basics",
      "Machine Learning Primer", "Allergen Awareness", "Excel for Data Analysis", "Public Speaking",
      "Cyber Security Essentials"};
  private static String token;

  @BeforeAll
  static void fillTheWallet() {
    token = cairn.api().signUp("lister@example.org").getString("accessToken");
    Instant now = cairn.clock.instant();
    for (int i = 0; i < COURSES.length; i++) {
      Credentials issuer = i % 3 == 0 ? UNIVERSITY : TRAINER;
      String credential = issuer.sdJwt(issuer.claims(COURSES[i], now.minus(Duration.ofDays(10L * (i + 1)))));
      Response created = cairn.api().postRaw("/v1/credentials", token, "application/dc+sd-jwt",
          credential.getBytes(StandardCharsets.UTF_8));
      assertEquals(201, created.status(), created.body());
      if (COURSES[i].contains("Data") || COURSES[i].contains("Analy")) {
        patch(created.json().getString("id"), "{\"tags\": [\"data\"]}");
      }
    }
  }

  private static void patch(String id, String body) {
    assertEquals(200, cairn.api().send("PATCH", "/v1/credentials/" + id, token, Map.of("Content-Type", "application/json"),
        body.getBytes(StandardCharsets.UTF_8)).status());
  }

  private static JsonObject page(String query) {
    Response response = cairn.api().get("/v1/credentials" + query, token);
    assertEquals(200, response.status(), response.body());
    return response.json();
  }

  private static List<String> titles(JsonObject page) {
    List<String> titles = new ArrayList<>();
    page.getJsonArray("items").forEach(item -> titles.add(((JsonObject) item).getString("title")));
    return titles;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @Test
  void pagesWalkTheWholeWalletNewestFirstWithoutGapsOrRepeats() {
    List<String> seen = new ArrayList<>();
    String cursor = null;
    do {
      JsonObject page = page("?limit=5" + (cursor == null ? "" : "&cursor=" + encode(cursor)));
      seen.addAll(titles(page));
      cursor = page.getString("nextCursor");
    } while (cursor != null);
    assertEquals(List.of(COURSES), seen, "issued newest first: the order they were made in");
  }

  @Test
  void aListedCredentialIsTheSameDocumentAsItsOwnViewWithoutChecksAndClaims() {
    for (Object item : page("?limit=3").getJsonArray("items")) {
      JsonObject listed = (JsonObject) item;
      JsonObject full = cairn.api().get("/v1/credentials/" + listed.getString("id"), token).json();
      full.remove("checks");
      full.remove("claims");
      assertEquals(full, listed);
    }
  }

  @Test
  void aPageBoundaryStaysExactWhileCredentialsArriveBetweenRequests() {
    String learner = cairn.api().signUp("stable@example.org").getString("accessToken");
    Instant now = cairn.clock.instant();
    for (int i = 0; i < 6; i++) {
      cairn.api().postRaw("/v1/credentials", learner, "application/dc+sd-jwt", TRAINER.sdJwt(TRAINER.claims("Old " + i,
          now.minus(Duration.ofDays(100 + i)))).getBytes(StandardCharsets.UTF_8));
    }
    JsonObject first = cairn.api().get("/v1/credentials?limit=3", learner).json();
    // A newer credential arrives, and one already seen is deleted: the next page is still the next three.
    cairn.api().postRaw("/v1/credentials", learner, "application/dc+sd-jwt", TRAINER.sdJwt(TRAINER.claims("New",
        now.minus(Duration.ofDays(1)))).getBytes(StandardCharsets.UTF_8));
    cairn.api().delete("/v1/credentials/" + first.getJsonArray("items").getJsonObject(0).getString("id"), learner);
    JsonObject second = cairn.api().get("/v1/credentials?limit=3&cursor=" + encode(first.getString("nextCursor")),
        learner).json();
    assertEquals(List.of("Old 0", "Old 1", "Old 2"), titles(first));
    assertEquals(List.of("Old 3", "Old 4", "Old 5"), titles(second));
    assertFalse(second.containsKey("nextCursor"));
  }

  @Test
  void filtersNarrowTheListing() {
    assertEquals(4, page("?issuer=" + encode(UNIVERSITY.issuerDid())).getJsonArray("items").size());
    assertEquals(List.of("Data Analytics Foundations", "Statistics for Analysts", "Excel for Data Analysis"),
        titles(page("?tag=data&sort=-issued")));
    assertEquals(0, page("?tag=data&tag=nothing").getJsonArray("items").size(), "every tag must match");
    assertEquals(COURSES.length, page("?type=" + encode("https://credentials.example/micro-credential") + "&limit=100")
        .getJsonArray("items").size());
    assertEquals(COURSES.length, page("?format=dc%2Bsd-jwt&status=valid&limit=100").getJsonArray("items").size());
    assertEquals(0, page("?format=ldp_vc").getJsonArray("items").size());
    Instant now = cairn.clock.instant();
    assertEquals(List.of("Food Safety Level 2", "Forklift Operation"), titles(page("?issuedFrom="
        + now.minus(Duration.ofDays(30)) + "&issuedTo=" + now.minus(Duration.ofDays(15)))));
  }

  @Test
  void titlesSortAlphabeticallyBothWays() {
    List<String> sorted = new ArrayList<>(List.of(COURSES));
    sorted.sort(String.CASE_INSENSITIVE_ORDER);
    List<String> seen = new ArrayList<>();
    String cursor = null;
    do {
      JsonObject page = page("?sort=title&limit=4" + (cursor == null ? "" : "&cursor=" + encode(cursor)));
      seen.addAll(titles(page));
      cursor = page.getString("nextCursor");
    } while (cursor != null);
    assertEquals(sorted, seen);
    assertEquals(sorted.get(sorted.size() - 1), titles(page("?sort=-title&limit=1")).get(0));
  }

  @Test
  void fullTextSearchFindsStemmedWordsAcrossTitleDescriptionAndSkillsRankedByRelevance() {
    List<String> analysis = titles(page("?q=analysis"));
    // English stemming: analysis, analysts, analytics share no stem with each other but "analysis" matches exactly.
    assertTrue(analysis.contains("Excel for Data Analysis"), analysis.toString());
    List<String> data = titles(page("?q=data"));
    assertEquals(Set.of("Data Analytics Foundations", "Excel for Data Analysis"), new LinkedHashSet<>(data));
    assertEquals(COURSES.length, titles(page("?q=allergens&limit=100")).size(), "skills are searched");
    assertEquals(List.of("Food Safety Level 2"), titles(page("?q=" + encode("\"food safety\""))));
    assertEquals(0, titles(page("?q=astronomy")).size());
    JsonObject first = page("?q=allergens&limit=5");
    JsonObject next = page("?q=allergens&limit=5&cursor=" + encode(first.getString("nextCursor")));
    Set<String> both = new LinkedHashSet<>(titles(first));
    both.addAll(titles(next));
    assertEquals(10, both.size(), "relevance pages do not repeat");
  }

  @Test
  void aTamperedOrForeignCursorAndBadParametersAreRefused() {
    String cursor = page("?limit=2").getString("nextCursor");
    char last = cursor.charAt(cursor.length() - 1);
    String padBits = cursor.substring(0, cursor.length() - 1) + (last == 'A' ? 'B' : 'A');
    assertProblem(400, "invalid-cursor", cairn.api().get("/v1/credentials?limit=2&cursor=" + encode(padBits), token));
    // The payload names the position: move it to another id and the signature no longer fits.
    String payload = new String(java.util.Base64.getUrlDecoder().decode(cursor.substring(0, cursor.indexOf('.'))),
        StandardCharsets.UTF_8);
    String moved = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
        payload.replace("2026", "2027").getBytes(StandardCharsets.UTF_8)) + cursor.substring(cursor.indexOf('.'));
    assertProblem(400, "invalid-cursor", cairn.api().get("/v1/credentials?limit=2&cursor=" + encode(moved), token));
    assertProblem(400, "invalid-cursor", cairn.api().get("/v1/credentials?limit=3&cursor=" + encode(cursor), token));
    assertProblem(400, "invalid-cursor", cairn.api().get("/v1/credentials?limit=2&sort=title&cursor=" + encode(cursor), token));
    String other = cairn.api().signUp("cursor-thief@example.org").getString("accessToken");
    assertProblem(400, "invalid-cursor", cairn.api().get("/v1/credentials?limit=2&cursor=" + encode(cursor), other));
    assertProblem(400, "invalid-request", cairn.api().get("/v1/credentials?limit=0", token));
    assertProblem(400, "invalid-request", cairn.api().get("/v1/credentials?sort=colour", token));
    assertProblem(400, "invalid-request", cairn.api().get("/v1/credentials?status=lost", token));
    assertProblem(400, "invalid-request", cairn.api().get("/v1/credentials?issuedFrom=yesterday", token));
    assertProblem(400, "invalid-request", cairn.api().get("/v1/credentials?colour=red", token));
    assertProblem(400, "invalid-request", cairn.api().get("/v1/credentials?sort=relevance", token));
    assertProblem(404, "not-found", cairn.api().get("/v1/credentials?stack=" + java.util.UUID.randomUUID(), token));
  }

  @Test
  void theActivityLogPagesNewestFirst() {
    JsonObject first = cairn.api().get("/v1/activity?limit=5", token).json();
    JsonObject second = cairn.api().get("/v1/activity?limit=5&cursor=" + encode(first.getString("nextCursor")), token).json();
    JsonArray both = first.getJsonArray("items").copy().addAll(second.getJsonArray("items"));
    long previous = Long.MAX_VALUE;
    for (Object entry : both) {
      long id = Long.parseLong(((JsonObject) entry).getString("id"));
      assertTrue(id < previous);
      previous = id;
    }
    assertProblem(400, "invalid-cursor", cairn.api().get("/v1/activity?cursor=abc.def", token));
  }
}
