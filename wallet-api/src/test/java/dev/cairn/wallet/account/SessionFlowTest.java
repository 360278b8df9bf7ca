package dev.cairn.wallet.account;

import static dev.cairn.wallet.testing.Api.credentials;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.wallet.testing.Api.Response;
import dev.cairn.wallet.testing.CairnUnderTest;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SessionFlowTest {
  @RegisterExtension
  static final CairnUnderTest cairn = CairnUnderTest.perClass();

  @Test
  void registerLoginRefreshReuseAndLogoutFollowTheSessionRules() {
    Response created = cairn.api().post("/v1/accounts", null, credentials("  Grace@Example.ORG ", "a long enough password"));
    assertEquals(201, created.status(), created.body());
    assertEquals("grace@example.org", created.json().getString("email"));
    assertEquals("/v1/me", created.header("Location").orElseThrow());

    Response login = cairn.api().post("/v1/sessions", null, credentials("grace@example.org", "a long enough password"));
    assertEquals(201, login.status(), login.body());
    JsonObject first = login.json();
    assertEquals("Bearer", first.getString("tokenType"));
    assertEquals(900, first.getInteger("expiresIn"));
    assertEquals(43, first.getString("refreshToken").length(), "256 bits, base64url without padding");

    Response me = cairn.api().get("/v1/me", first.getString("accessToken"));
    assertEquals(200, me.status());
    assertEquals(created.json().getString("id"), me.json().getString("id"));
    assertEquals(created.json().getString("createdAt"), me.json().getString("createdAt"));

    // Rotation: the refresh token is exchanged for new ones, in the same session.
    Response refreshed = cairn.api().post("/v1/sessions/refresh", null,
        new JsonObject().put("refreshToken", first.getString("refreshToken")));
    assertEquals(200, refreshed.status(), refreshed.body());
    JsonObject second = refreshed.json();
    assertNotEquals(first.getString("refreshToken"), second.getString("refreshToken"));
    assertEquals(first.getString("sessionId"), second.getString("sessionId"));
    assertEquals(200, cairn.api().get("/v1/me", second.getString("accessToken")).status());

    // Reuse of the old refresh token: rejected, and the whole family ends.
    Response reuse = cairn.api().post("/v1/sessions/refresh", null,
        new JsonObject().put("refreshToken", first.getString("refreshToken")));
    assertEquals(401, reuse.status());
    assertEquals("invalid-refresh-token", reuse.problemCode());
    Response newestRefresh = cairn.api().post("/v1/sessions/refresh", null,
        new JsonObject().put("refreshToken", second.getString("refreshToken")));
    assertEquals(401, newestRefresh.status(), "the token rotated after the leaked one dies with its family");
    Response afterRevocation = cairn.api().get("/v1/me", second.getString("accessToken"));
    assertEquals(401, afterRevocation.status());
    assertEquals("invalid-token", afterRevocation.problemCode());
    assertTrue(afterRevocation.header("WWW-Authenticate").orElseThrow().contains("error=\"invalid_token\""));

    // A new sign-in, then logout: its tokens stop working at once.
    JsonObject third = cairn.api().post("/v1/sessions", null, credentials("grace@example.org", "a long enough password")).json();
    assertEquals(204, cairn.api().delete("/v1/sessions/current", third.getString("accessToken")).status());
    assertEquals(401, cairn.api().get("/v1/me", third.getString("accessToken")).status());
    assertEquals(401, cairn.api().post("/v1/sessions/refresh", null,
        new JsonObject().put("refreshToken", third.getString("refreshToken"))).status());
  }

  @Test
  void accessTokenExpiresAfterFifteenMinutesButRefreshStillWorks() {
    JsonObject tokens = cairn.api().signUp("expiry@example.org");
    cairn.clock.advance(Duration.ofMinutes(14));
    assertEquals(200, cairn.api().get("/v1/me", tokens.getString("accessToken")).status());
    cairn.clock.advance(Duration.ofMinutes(2));
    Response expired = cairn.api().get("/v1/me", tokens.getString("accessToken"));
    assertEquals(401, expired.status());
    assertTrue(expired.json().getString("detail").contains("expired"), expired.body());
    Response refreshed = cairn.api().post("/v1/sessions/refresh", null,
        new JsonObject().put("refreshToken", tokens.getString("refreshToken")));
    assertEquals(200, refreshed.status());
    assertEquals(200, cairn.api().get("/v1/me", refreshed.json().getString("accessToken")).status());
  }

  @Test
  void registeringAnEmailTwiceIsAConflictThatCreatesNothing() {
    cairn.api().signUp("twice@example.org");
    var before = cairn.rowCounts();
    Response again = cairn.api().post("/v1/accounts", null, credentials("TWICE@example.org", "another long password"));
    assertEquals(409, again.status());
    assertEquals("account-exists", again.problemCode());
    assertEquals(before, cairn.rowCounts());
  }
}
