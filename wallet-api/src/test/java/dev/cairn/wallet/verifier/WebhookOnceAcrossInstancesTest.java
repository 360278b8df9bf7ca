package dev.cairn.wallet.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.did.testing.TestHttpsServer;
import dev.cairn.wallet.testing.Api.Response;
import dev.cairn.wallet.testing.CairnUnderTest;
import dev.cairn.wallet.testing.JobMetrics;
import dev.cairn.wallet.testing.LoopbackHttps;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import com.nimbusds.jose.util.Base64URL;
import org.junit.jupiter.api.Test;

/**
 * Two instances on one database both run the webhook delivery job every 100 ms: each queued notice reaches the
 * employer's receiver once, whichever instance's runner took it (issue 10: a job's work is done once).
 */
class WebhookOnceAcrossInstancesTest {
  private static final int NOTICES = 6;

  @Test
  void eachQueuedNoticeIsDeliveredOnceThoughTwoInstancesRunTheJob() throws Exception {
    try (LoopbackHttps https = new LoopbackHttps();
         CairnUnderTest first = CairnUnderTest.start(https.cairnEnvironment(Map.of("CAIRN_JOB_TICK_MS", "50")));
         CairnUnderTest second = CairnUnderTest.alongside(first)) {
      TestHttpsServer receiver = https.server;
      AtomicInteger refused = new AtomicInteger();
      Map<String, AtomicInteger> taken = new ConcurrentHashMap<>();
      Set<String> open = ConcurrentHashMap.newKeySet();
      // Closed at first: each notice's attempt right after its request ends fails, so all of them are queued.
      receiver.on("/hook", request -> request.body().onSuccess(body -> {
        if (open.isEmpty()) {
          refused.incrementAndGet();
          request.response().setStatusCode(503).end();
        } else {
          taken.computeIfAbsent(body.toString(), notice -> new AtomicInteger()).incrementAndGet();
          request.response().setStatusCode(204).end();
        }
      }));
      String employer = PresentationRequestTest.signUpEmployer(first.api(), "hr@once.example", "Once Ltd");
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < NOTICES; i++) {
        JsonObject request = (i % 2 == 0 ? first : second).api().post("/v1/verifier/requests", employer, new JsonObject()
            .put("dcql_query", PresentationRequestTest.nameAndDescription()).put("purpose", "Checking")
            .put("response_mode", "direct_post").put("webhook_url", https.url("/hook"))).json();
        decline(i % 2 == 0 ? second : first, request);
        ids.add(request.getString("id"));
      }
      waitFor(() -> refused.get() == NOTICES);
      // The receiver answers before Cairn records the failed attempt: wait for the record, not just the answer.
      waitFor(() -> first.queryLong("SELECT count(*) FROM webhook_delivery WHERE attempts = 1 "
          + "AND delivered_at IS NULL") == NOTICES);

      open.add("open");
      first.clock.advance(Duration.ofSeconds(31));
      second.clock.advance(Duration.ofSeconds(31));
      waitFor(() -> taken.size() == NOTICES);
      Thread.sleep(1500); // some thirty ticks of each instance, in which a second delivery would show

      assertEquals(NOTICES, refused.get(), "no retry of a refused notice before its backoff");
      taken.forEach((notice, count) -> assertEquals(1, count.get(), "delivered more than once: " + notice));
      assertEquals(NOTICES, first.queryLong("SELECT count(*) FROM webhook_delivery WHERE delivered_at IS NOT NULL "
          + "AND attempts = 2"));
      assertEquals(NOTICES, JobMetrics.itemsDone("webhook-delivery", first, second),
          "the runners of both instances delivered each notice once between them");
      assertTrue(ids.stream().allMatch(id -> first.queryLong(
          "SELECT count(*) FROM webhook_delivery WHERE request_id = '" + id + "'") == 1));
    }
  }

  /** The learner declines, through the given instance: the request ends and its notice is queued. */
  private static void decline(CairnUnderTest through, JsonObject request) {
    String jwt = through.api().get(URI.create(request.getString("request_uri")).getPath(), null).body();
    JsonObject claims = new JsonObject(new String(Base64URL.from(jwt.split("\\.")[1]).decode(), StandardCharsets.UTF_8));
    Response declined = through.api().send("POST", URI.create(claims.getString("response_uri")).getPath(), null,
        Map.of("Content-Type", "application/x-www-form-urlencoded"),
        ("error=access_denied&state=" + claims.getString("state")).getBytes(StandardCharsets.UTF_8));
    assertEquals(200, declined.status(), declined.body());
  }

  private static void waitFor(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < deadline, "not within 20 s");
      Thread.sleep(20);
    }
  }
}
