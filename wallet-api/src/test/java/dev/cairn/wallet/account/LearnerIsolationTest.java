package dev.cairn.wallet.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.wallet.testing.Api.Response;
import dev.cairn.wallet.testing.CairnUnderTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LearnerIsolationTest {
  @RegisterExtension
  static final CairnUnderTest cairn = CairnUnderTest.perClass();

  @Test
  void aLearnerCannotSeeOrEndAnotherLearnersSessionAndGetsNotFoundNotForbidden() {
    JsonObject alice = cairn.api().signUp("alice@example.org");
    JsonObject bob = cairn.api().signUp("bob@example.org");

    JsonArray aliceSessions = cairn.api().get("/v1/sessions", alice.getString("accessToken")).json().getJsonArray("sessions");
    assertEquals(1, aliceSessions.size());
    assertEquals(alice.getString("sessionId"), aliceSessions.getJsonObject(0).getString("id"));
    assertTrue(aliceSessions.getJsonObject(0).getBoolean("current"));

    var before = cairn.rowCounts();
    Response attempt = cairn.api().delete("/v1/sessions/" + bob.getString("sessionId"), alice.getString("accessToken"));
    assertEquals(404, attempt.status());
    assertEquals("not-found", attempt.problemCode());
    assertEquals(before, cairn.rowCounts());
    assertEquals(200, cairn.api().get("/v1/me", bob.getString("accessToken")).status(), "Bob is still signed in");
    assertEquals("bob@example.org", cairn.api().get("/v1/me", bob.getString("accessToken")).json().getString("email"));
  }

  @Test
  void aLearnerCanEndTheirOwnOtherSession() {
    cairn.api().signUp("carol@example.org");
    JsonObject laptop = cairn.api().post("/v1/sessions", null,
        dev.cairn.wallet.testing.Api.credentials("carol@example.org", "a long enough password")).json();
    JsonObject phone = cairn.api().post("/v1/sessions", null,
        dev.cairn.wallet.testing.Api.credentials("carol@example.org", "a long enough password")).json();

    assertEquals(204, cairn.api().delete("/v1/sessions/" + phone.getString("sessionId"), laptop.getString("accessToken")).status());
    assertEquals(401, cairn.api().get("/v1/me", phone.getString("accessToken")).status());
    assertEquals(200, cairn.api().get("/v1/me", laptop.getString("accessToken")).status());
  }
}
