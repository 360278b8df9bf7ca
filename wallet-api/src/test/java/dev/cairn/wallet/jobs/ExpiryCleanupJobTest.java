package dev.cairn.wallet.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.wallet.testing.Api;
import dev.cairn.wallet.testing.Api.Response;
import dev.cairn.wallet.testing.CairnUnderTest;
import dev.cairn.wallet.testing.Credentials;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * The expiry clean-up job, moved through time with the test clock: what has ended goes once its retention has
 * passed, what is still inside it stays, and a learner's credentials and activity log are never touched.
 */
class ExpiryCleanupJobTest {
  private static final Credentials ISSUER = new Credentials();

  @Test
  void rowsPastTheirExpiryAndRetentionGoWhileLiveRowsAndTheWalletStay() throws Exception {
    // Status re-checks off: this test watches the clean-up alone.
    try (CairnUnderTest cairn = CairnUnderTest.start(Map.of("CAIRN_JOB_TICK_MS", "50",
        "CAIRN_STATUS_RECHECK_SECONDS", "0", "CAIRN_HTTP_ALLOW_PRIVATE_HOSTS", "127.0.0.1"))) {
      String learner = cairn.api().signUp("keeper@cleanup.example").getString("accessToken");
      String sdJwt = ISSUER.sdJwt(ISSUER.claims("Food Safety Level 2", cairn.clock.instant()));
      Response imported = cairn.api().send("POST", "/v1/credentials", learner,
          Map.of("Content-Type", "application/dc+sd-jwt", "Idempotency-Key", "cleanup-1"),
          sdJwt.getBytes(StandardCharsets.UTF_8));
      assertEquals(201, imported.status(), imported.body());
      String credentialId = imported.json().getString("id");
      Response link = cairn.api().post("/v1/share-links", learner, new JsonObject().put("expires_in", 3600)
          .put("credentials", new JsonArray().add(new JsonObject().put("credential_id", credentialId)
              .put("claims", new JsonArray().add(new JsonArray().add("description"))))));
      assertEquals(201, link.status(), link.body());

      Response employer = cairn.api().post("/v1/employers", null, new JsonObject().put("email", "hr@cleanup.example")
          .put("password", "a long enough password").put("organisation", "Tidy Ltd"));
      assertEquals(201, employer.status(), employer.body());
      String employerToken = cairn.api().post("/v1/sessions", null,
          Api.credentials("hr@cleanup.example", "a long enough password")).json().getString("accessToken");
      JsonObject query = new JsonObject().put("credentials", new JsonArray().add(new JsonObject().put("id", "proof")
          .put("format", "dc+sd-jwt")
          .put("meta", new JsonObject().put("vct_values", new JsonArray().add("https://credentials.example/micro-credential")))
          .put("claims", new JsonArray().add(new JsonObject().put("path", new JsonArray().add("name"))))));
      JsonObject request = cairn.api().post("/v1/verifier/requests", employerToken, new JsonObject()
          .put("dcql_query", query).put("purpose", "Tidy").put("response_mode", "direct_post.jwt")).json();
      String requestId = request.getString("id");
      JsonObject exchange = cairn.api().post("/v1/presentation-requests", learner,
          new JsonObject().put("request", request.getString("authorization_request"))).json();
      String exchangeId = exchange.getString("id");
      // As if the instance had died between claiming the exchange and recording how it ended.
      cairn.queryLong("UPDATE presentation_exchange SET status = 'sending' WHERE id = '" + exchangeId + "' RETURNING 1");
      cairn.queryLong("INSERT INTO webhook_delivery (id, request_id, url, payload, attempts, next_attempt_at, delivered_at, "
          + "created_at) VALUES (gen_random_uuid(), '" + requestId + "', 'https://hooks.example/x', 'notice', 1, now(), "
          + "'" + cairn.clock.instant() + "', '" + cairn.clock.instant() + "') RETURNING 1");

      String account = cairn.rows("SELECT id FROM account WHERE email = 'keeper@cleanup.example'").get(0).get("id")
          .toString();
      for (String state : new String[] {"offered", "accepted"}) {
        cairn.queryLong("INSERT INTO credential_offer (id, account_id, credential_issuer, issuer_display, credentials, "
            + "kek_id, sealed_offer, state, created_at, expires_at, grants) VALUES (gen_random_uuid(), '" + account
            + "', 'https://issuer.example', '[]', '[]', 'k', '\\x00', '" + state + "', '" + cairn.clock.instant()
            + "', '" + cairn.clock.instant().plus(Duration.ofDays(1)) + "', '[]') RETURNING 1");
      }
      // A started Authorization Code Flow whose browser step never came back (it lasts ten minutes).
      cairn.queryLong("INSERT INTO offer_authorization (id, account_id, offer_id, state_digest, kek_id, "
          + "sealed_authorization, expires_at, created_at) SELECT gen_random_uuid(), account_id, id, '\\x01', 'k', "
          + "'\\x00', '" + cairn.clock.instant().plus(Duration.ofMinutes(10)) + "', '" + cairn.clock.instant()
          + "' FROM credential_offer WHERE state = 'offered' RETURNING 1");
      assertEquals(401, cairn.api().post("/v1/sessions", null,
          Api.credentials("keeper@cleanup.example", "not the password at all")).status());
      assertTrue(cairn.queryLong("SELECT count(*) FROM login_throttle") >= 1);

      long credentials = cairn.queryLong("SELECT count(*) FROM credential");
      long activity = cairn.queryLong("SELECT count(*) FROM activity");
      long lastActivity = cairn.queryLong("SELECT max(id) FROM activity");
      assertTrue(cairn.queryLong("SELECT count(*) FROM refresh_token") >= 2);
      assertEquals(1, cairn.queryLong("SELECT count(*) FROM idempotency_record"));

      // An hour on: the request and the exchange have expired, the share link too; retention keeps them.
      advance(cairn, Duration.ofHours(1));
      waitFor(() -> cairn.queryLong("SELECT count(*) FROM presentation_exchange WHERE status = 'failed'") == 1);
      assertEquals(0, cairn.queryLong("SELECT count(*) FROM presentation_request WHERE response_key_sealed IS NOT NULL"),
          "an expired request's response key is gone");
      assertEquals(1, cairn.queryLong("SELECT count(*) FROM presentation_request"), "the request itself stays");
      assertEquals(1, cairn.queryLong("SELECT count(*) FROM presentation_exchange WHERE id = '" + exchangeId
          + "' AND outcome ->> 'reason' = 'interrupted' AND completed_at IS NOT NULL"), "the learner sees why");
      assertEquals(1, cairn.queryLong("SELECT count(*) FROM share_link"));
      assertEquals(1, cairn.queryLong("SELECT count(*) FROM idempotency_record"), "inside its 24 hours");
      assertEquals(1, cairn.queryLong("SELECT count(*) FROM webhook_delivery"), "inside its 7 days");
      assertEquals(0, cairn.queryLong("SELECT count(*) FROM login_throttle"), "its 15-minute window is over");
      assertEquals(2, cairn.queryLong("SELECT count(*) FROM credential_offer"), "the offer is still open for a day");
      waitFor(() -> cairn.queryLong("SELECT count(*) FROM offer_authorization") == 0);

      // Two days on: past the idempotency window only.
      advance(cairn, Duration.ofDays(2));
      waitFor(() -> cairn.queryLong("SELECT count(*) FROM idempotency_record") == 0);
      assertEquals(1, cairn.queryLong("SELECT count(*) FROM share_link"));
      assertEquals(1, cairn.queryLong("SELECT count(*) FROM presentation_exchange"));
      assertTrue(cairn.queryLong("SELECT count(*) FROM auth_session") >= 2);

      // A hundred days on: every retention has passed.
      advance(cairn, Duration.ofDays(100));
      waitFor(() -> cairn.queryLong("SELECT count(*) FROM presentation_request") == 0);
      waitFor(() -> cairn.queryLong("SELECT count(*) FROM auth_session") == 0);
      for (String table : new String[] {"webhook_delivery", "presentation_exchange", "share_link", "refresh_token",
          "idempotency_record"}) {
        waitFor(() -> cairn.queryLong("SELECT count(*) FROM " + table) == 0);
      }

      waitFor(() -> cairn.queryLong("SELECT count(*) FROM credential_offer WHERE state = 'offered'") == 0);
      assertEquals(1, cairn.queryLong("SELECT count(*) FROM credential_offer WHERE state = 'accepted'"),
          "an accepted offer is the learner's record of where credentials came from");
      assertEquals(credentials, cairn.queryLong("SELECT count(*) FROM credential"), "the learner's credentials stay");
      assertEquals(1, cairn.queryLong("SELECT count(*) FROM credential WHERE id = '" + credentialId + "'"));
      assertEquals(activity, cairn.queryLong("SELECT count(*) FROM activity WHERE id <= " + lastActivity),
          "the activity log stays");
    }
  }

  private static void advance(CairnUnderTest cairn, Duration by) {
    cairn.clock.advance(by);
  }

  private static void waitFor(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < deadline, "the clean-up did not happen within 20 s");
      Thread.sleep(20);
    }
  }
}
