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

  @Test
  void aLearnersWalletIsInvisibleToAnotherOnEveryWalletRoute() {
    String alice = cairn.api().signUp("alice-wallet@example.org").getString("accessToken");
    String bob = cairn.api().signUp("bob-wallet@example.org").getString("accessToken");
    dev.cairn.wallet.testing.Credentials issuer = new dev.cairn.wallet.testing.Credentials();
    String credentialId = null;
    for (String title : new String[] {"Alice's First", "Alice's Second"}) {
      credentialId = cairn.api().postRaw("/v1/credentials", alice, "application/dc+sd-jwt",
          issuer.sdJwt(issuer.claims(title, cairn.clock.instant())).getBytes(java.nio.charset.StandardCharsets.UTF_8))
          .json().getString("id");
    }
    String stackId = cairn.api().post("/v1/stacks", alice, new JsonObject().put("name", "Alice's stack")
        .put("credentialIds", new JsonArray().add(credentialId))).json().getString("id");

    var before = cairn.rowCounts();
    JsonArray aliceKeys = cairn.api().get("/v1/holder-keys", alice).json().getJsonArray("keys");
    JsonArray bobKeys = cairn.api().get("/v1/holder-keys", bob).json().getJsonArray("keys");
    for (Object key : bobKeys) {
      assertTrue(aliceKeys.stream().noneMatch(other -> ((JsonObject) other).getString("id")
          .equals(((JsonObject) key).getString("id"))), "each learner sees only their own keys");
    }
    assertEquals(0, cairn.api().get("/v1/credentials", bob).json().getJsonArray("items").size());
    assertEquals(0, cairn.api().get("/v1/credentials?q=Alice", bob).json().getJsonArray("items").size());
    assertEquals(0, cairn.api().get("/v1/activity", bob).json().getJsonArray("items").size());
    assertEquals(0, cairn.api().get("/v1/stacks", bob).json().getJsonArray("items").size());
    assertEquals(0, cairn.api().get("/v1/stacks/suggestions", bob).json().getJsonArray("items").size());
    assertEquals(404, cairn.api().get("/v1/credentials?stack=" + stackId, bob).status());
    assertEquals(404, cairn.api().post("/v1/exports", bob, new JsonObject().put("stackId", stackId)).status());
    Response bobsArchive = cairn.api().post("/v1/exports", bob, new JsonObject());
    assertEquals(200, bobsArchive.status());
    JsonObject exported = cairn.api().get("/v1/activity", bob).json().getJsonArray("items").getJsonObject(0);
    assertEquals("wallet-exported", exported.getString("kind"));
    assertEquals(0, exported.getJsonObject("summary").getInteger("credentials"), "Bob's archive holds nothing of Alice's");
    assertEquals(before.get("credential"), cairn.rowCounts().get("credential"));
    assertEquals(before.get("stack"), cairn.rowCounts().get("stack"));
    assertEquals(2, cairn.api().get("/v1/credentials", alice).json().getJsonArray("items").size());
  }
}
