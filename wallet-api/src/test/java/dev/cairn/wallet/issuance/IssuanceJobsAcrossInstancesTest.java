package dev.cairn.wallet.issuance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.issuer.oid4vci.OpenId4Vci;
import dev.cairn.issuer.reference.Notifications;
import dev.cairn.wallet.testing.Api.Response;
import dev.cairn.wallet.testing.CairnUnderTest;
import dev.cairn.wallet.testing.JobMetrics;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issuance's background work with two Cairn instances on one database, both ticking every 50 ms, against the
 * reference issuer on loopback: a deferred credential is asked for and stored once; a learner's deletion of a
 * received credential reaches the issuer once as {@code credential_deleted} (OpenID4VCI 1.0 §11.1), and only while
 * the Access Token it needs may still be valid.
 */
class IssuanceJobsAcrossInstancesTest {
  private static final IssuerOnLoopback ISSUER = new IssuerOnLoopback();
  @RegisterExtension
  static final CairnUnderTest first = CairnUnderTest.perClass(fastJobs());
  private static CairnUnderTest second;

  private static Map<String, String> fastJobs() {
    Map<String, String> env = new HashMap<>(ISSUER.cairnEnvironment());
    env.put("CAIRN_JOB_TICK_MS", "50");
    return env;
  }

  @BeforeAll
  static void aSecondInstanceAndTheIssuer() {
    second = CairnUnderTest.alongside(first);
    ISSUER.start(first.clock);
  }

  @AfterAll
  static void stop() {
    second.close();
    ISSUER.close();
  }

  @Test
  void eachDeferredCredentialIsCollectedOnceThoughTwoInstancesRunTheJob() throws InterruptedException {
    String token = first.api().signUp("deferred-once@issuance.example").getString("accessToken");
    int offers = 3;
    for (int i = 0; i < offers; i++) {
      CairnUnderTest through = i % 2 == 0 ? first : second;
      JsonObject created = ISSUER.offer(true, "MicroCredential_dc+sd-jwt");
      String offerId = through.api().post("/v1/offers", token, new JsonObject().put("offer",
          created.getString("offer_by_value"))).json().getString("id");
      Response accepted = through.api().post("/v1/offers/" + offerId + "/accept", token,
          new JsonObject().put("tx_code", created.getString("tx_code")));
      assertEquals(200, accepted.status(), accepted.body());
    }
    assertEquals(offers, first.queryLong("SELECT count(*) FROM pending_credential"));
    int asked = ISSUER.requestsTo("POST /deferred_credential");

    first.clock.advance(ISSUER.issuer().config().deferredInterval());
    second.clock.advance(ISSUER.issuer().config().deferredInterval());
    waitFor(() -> stored(token) == offers);
    Thread.sleep(1000); // twenty ticks of each instance, in which a second collection would show

    assertEquals(offers, ISSUER.requestsTo("POST /deferred_credential") - asked, "each deferral asked for once");
    assertEquals(offers, stored(token));
    assertEquals(0, first.queryLong("SELECT count(*) FROM pending_credential"));
    assertEquals(offers, JobMetrics.itemsDone("deferred-collection", first, second));
    List<String> kinds = first.api().get("/v1/activity", token).json().getJsonArray("items").stream()
        .map(entry -> ((JsonObject) entry).getString("kind")).toList();
    assertEquals(offers, kinds.stream().filter("credential-received"::equals).count(), kinds.toString());
    assertEquals(offers * 2, kinds.size(), "received and pending, nothing refused: " + kinds);
  }

  @Test
  void deletingAReceivedCredentialTellsTheIssuerOnceWithoutWaitingForIt() throws InterruptedException {
    String token = first.api().signUp("deleted@issuance.example").getString("accessToken");
    java.util.Set<String> known = acceptedIds();
    String credentialId = acceptOne(token);
    String notificationId = newlyAccepted(known);
    assertTrue(new String((byte[]) first.rows("SELECT sealed_handle FROM issuer_notification WHERE credential_id = '"
        + credentialId + "'").get(0).get("sealed_handle"), java.nio.charset.StandardCharsets.ISO_8859_1)
        .indexOf(notificationId) < 0, "the handle (its access token) is sealed");

    Response deleted = second.api().delete("/v1/credentials/" + credentialId, token);
    assertEquals(204, deleted.status(), deleted.body());
    waitFor(() -> deletedEvents(notificationId) == 1);
    Thread.sleep(500);

    assertEquals(1, ISSUER.requestsTo("POST /notification") - notificationsBefore, "sent once");
    assertEquals(1, first.queryLong("SELECT count(*) FROM issuer_notification WHERE credential_id = '" + credentialId
        + "' AND event = 'credential_deleted' AND delivered_at IS NOT NULL"));
    assertEquals(1, JobMetrics.itemsDone("credential-deleted", first, second));
  }

  @Test
  void aDeletionAfterTheAccessTokenMayHaveExpiredIsNotSent() throws InterruptedException {
    String token = first.api().signUp("deleted-late@issuance.example").getString("accessToken");
    java.util.Set<String> known = acceptedIds();
    String credentialId = acceptOne(token);
    String notificationId = newlyAccepted(known);
    Duration past = IssuerNotifications.TOKEN_WINDOW.plusSeconds(1);
    first.clock.advance(past);
    second.clock.advance(past);
    int sent = ISSUER.requestsTo("POST /notification");

    assertEquals(204, first.api().delete("/v1/credentials/" + credentialId, token).status());
    Thread.sleep(500);

    assertEquals(sent, ISSUER.requestsTo("POST /notification"), "nothing is sent with a token that has expired");
    assertEquals(0, deletedEvents(notificationId));
    assertEquals(0, first.queryLong("SELECT count(*) FROM issuer_notification WHERE credential_id = '" + credentialId
        + "'"), "the clean-up job removed the spent handle");
  }

  private static int notificationsBefore;

  /** A dc+sd-jwt offer accepted at once; answers the stored credential's id (credential_accepted already sent). */
  private static String acceptOne(String token) {
    JsonObject created = ISSUER.offer(false, "MicroCredential_dc+sd-jwt");
    String offerId = first.api().post("/v1/offers", token, new JsonObject().put("offer",
        created.getString("offer_by_value"))).json().getString("id");
    Response accepted = first.api().post("/v1/offers/" + offerId + "/accept", token,
        new JsonObject().put("tx_code", created.getString("tx_code")));
    assertEquals(200, accepted.status(), accepted.body());
    notificationsBefore = ISSUER.requestsTo("POST /notification");
    return accepted.json().getJsonArray("credentials").getJsonObject(0).getString("id");
  }

  private static java.util.Set<String> acceptedIds() {
    return ISSUER.issuer().notifications().reported().stream()
        .filter(event -> OpenId4Vci.CREDENTIAL_ACCEPTED.equals(event.event()))
        .map(Notifications.Event::notificationId).collect(java.util.stream.Collectors.toSet());
  }

  /** The notification_id of the one credential accepted since {@code known} was taken. */
  private static String newlyAccepted(java.util.Set<String> known) {
    java.util.Set<String> now = new java.util.HashSet<>(acceptedIds());
    now.removeAll(known);
    assertEquals(1, now.size(), now.toString());
    return now.iterator().next();
  }

  private static long deletedEvents(String notificationId) {
    return ISSUER.issuer().notifications().reported().stream()
        .filter(event -> event.notificationId().equals(notificationId))
        .filter(event -> OpenId4Vci.CREDENTIAL_DELETED.equals(event.event())).count();
  }

  private static int stored(String token) {
    return first.api().get("/v1/credentials", token).json().getJsonArray("items").size();
  }

  private static void waitFor(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < deadline, "not within 20 s");
      Thread.sleep(20);
    }
  }
}
