package dev.cairn.did.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.did.fetch.FetchException.Reason;
import dev.cairn.did.testing.Await;
import dev.cairn.did.testing.TestHttpsServer;
import io.vertx.core.Vertx;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HardenedFetchTest {
  private static final Set<String> JSON = Set.of("application/json");
  private static Vertx vertx;
  private static TestHttpsServer server;
  private static Path trust;

  @BeforeAll
  static void start(@TempDir Path directory) {
    vertx = Vertx.vertx();
    server = new TestHttpsServer(vertx);
    trust = server.certificate.writeCertificate(directory);
  }

  @AfterAll
  static void stop() {
    server.close();
    vertx.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://10.0.0.1/did.json", "https://169.254.169.254/latest/meta-data/",
      "https://[::1]/did.json", "https://0x7f000001/did.json", "https://2130706433/did.json",
      "https://017700000001/did.json", "https://127.1/did.json", "https://[::ffff:127.0.0.1]/did.json",
      "https://localhost/did.json", "https://192.168.0.10:8443/x"})
  void refusesLoopbackPrivateAndDisguisedAddressesWithoutConnecting(String url) {
    HardenedFetch fetch = new HardenedFetch(vertx, FetchPolicy.defaults());
    long started = System.nanoTime();
    FetchException refused = assertInstanceOf(FetchException.class, Await.failure(fetch.get(URI.create(url), JSON)));
    assertEquals(Reason.ADDRESS_NOT_ALLOWED, refused.reason(), refused.getMessage());
    assertTrue(System.nanoTime() - started < 2_000_000_000L, "refused before any connection attempt");
  }

  @Test
  void refusesPlainHttpForHostsNotAllowListed() {
    HardenedFetch fetch = new HardenedFetch(vertx, FetchPolicy.defaults());
    FetchException refused = assertInstanceOf(FetchException.class,
        Await.failure(fetch.get(URI.create("http://example.org/did.json"), JSON)));
    assertEquals(Reason.SCHEME_NOT_ALLOWED, refused.reason());
  }

  @Test
  void fetchesFromAnAllowListedHostWithTheExtraTrustAnchor() {
    server.serveJson("/ok.json", "{\"ok\":true}", "max-age=600");
    FetchedBody body = Await.result(allowing().get(url("/ok.json"), Set.of("application/did+json")));
    assertEquals("{\"ok\":true}", body.body().toString());
    assertEquals(Duration.ofSeconds(600), body.maxAge().orElseThrow());
  }

  @Test
  void aServerCertificateNotTrustedIsRefused() {
    server.serveJson("/untrusted.json", "{}", null);
    HardenedFetch noExtraTrust = new HardenedFetch(vertx, FetchPolicy.defaults().allowingPrivateHosts(Set.of("localhost")));
    FetchException refused = assertInstanceOf(FetchException.class,
        Await.failure(noExtraTrust.get(url("/untrusted.json"), Set.of("application/did+json"))));
    assertEquals(Reason.CONNECT_FAILED, refused.reason());
  }

  @Test
  void theCertificateMustNameTheHostEvenThoughTheVettedAddressIsDialled() {
    server.serveJson("/by-ip.json", "{}", null);
    HardenedFetch fetch = new HardenedFetch(vertx, FetchPolicy.defaults().allowingPrivateHosts(Set.of("127.0.0.1"))
        .trusting(trust));
    FetchException refused = assertInstanceOf(FetchException.class, Await.failure(
        fetch.get(URI.create("https://127.0.0.1:" + server.port() + "/by-ip.json"), Set.of("application/did+json"))));
    assertEquals(Reason.CONNECT_FAILED, refused.reason(), "certificate is for localhost, not 127.0.0.1");
  }

  @Test
  void vettingAUrlAppliesTheFetchsAddressRulesWithoutConnecting() {
    FetchException refused = assertInstanceOf(FetchException.class,
        Await.failure(new HardenedFetch(vertx, FetchPolicy.defaults()).vet(URI.create("https://10.0.0.1/response"))));
    assertEquals(Reason.ADDRESS_NOT_ALLOWED, refused.reason());
    int hits = server.hits("/never-called");
    Await.result(allowing().vet(url("/never-called")));
    assertEquals(hits, server.hits("/never-called"), "vetting does not connect");
  }

  @Test
  void postsAFormAndReadsTheAnswer() {
    server.on("/response", request -> request.body().onSuccess(body -> request.response()
        .putHeader("Content-Type", "application/json")
        .end(new io.vertx.core.json.JsonObject().put("method", request.method().name())
            .put("contentType", request.getHeader("Content-Type")).put("received", body.toString()).encode())));
    OutboundRequest post = OutboundRequest.post(url("/response"), "application/x-www-form-urlencoded",
        io.vertx.core.buffer.Buffer.buffer("vp_token=%7B%7D&state=s1"), JSON);
    FetchedBody answer = Await.result(allowing().send(post));
    assertEquals(200, answer.status());
    var json = answer.jsonObject().orElseThrow();
    assertEquals("POST", json.getString("method"));
    assertEquals("application/x-www-form-urlencoded", json.getString("contentType"));
    assertEquals("vp_token=%7B%7D&state=s1", json.getString("received"));
  }

  @Test
  void anErrorStatusIsReadOnlyWhenTheCallerListsIt() {
    server.on("/token", request -> request.response().setStatusCode(400)
        .putHeader("Content-Type", "application/json").end("{\"error\":\"invalid_grant\"}"));
    OutboundRequest post = OutboundRequest.post(url("/token"), "application/x-www-form-urlencoded",
        io.vertx.core.buffer.Buffer.buffer("grant_type=x"), JSON);
    FetchException refused = assertInstanceOf(FetchException.class, Await.failure(allowing().send(post)));
    assertEquals(Reason.HTTP_STATUS, refused.reason());
    FetchedBody error = Await.result(allowing().send(post.acceptingStatuses(400)));
    assertEquals(400, error.status());
    assertEquals("invalid_grant", error.jsonObject().orElseThrow().getString("error"));
  }

  @Test
  void aNoContentAnswerNeedsNoMediaType() {
    server.on("/notification", request -> request.response().setStatusCode(204).end());
    OutboundRequest post = OutboundRequest.post(url("/notification"), "application/json",
        io.vertx.core.buffer.Buffer.buffer("{}"), JSON).acceptingStatuses(204).withHeader("Authorization", "Bearer t");
    FetchedBody answer = Await.result(allowing().send(post));
    assertEquals(204, answer.status());
    assertEquals(0, answer.body().length());
  }

  @Test
  void redirectsAreNotFollowed() {
    server.on("/moved", request -> request.response().setStatusCode(302)
        .putHeader("Location", "https://169.254.169.254/").end());
    assertReason(Reason.REDIRECT, "/moved", JSON);
  }

  @Test
  void aTenMegabyteBodyIsCutOffAtTheCap() {
    server.on("/big", request -> request.response().putHeader("Content-Type", "application/json")
        .end("[" + "1,".repeat(5 * 1024 * 1024) + "1]"));
    server.on("/big-chunked", request -> {
      var response = request.response().setChunked(true).putHeader("Content-Type", "application/json");
      for (int i = 0; i < 160; i++) {
        response.write("x".repeat(64 * 1024));
      }
      response.end();
    });
    assertReason(Reason.TOO_LARGE, "/big", JSON);
    assertReason(Reason.TOO_LARGE, "/big-chunked", JSON);
  }

  @Test
  void aServerThatDripsOneBytePerSecondHitsTheDeadline() {
    server.on("/drip", request -> {
      var response = request.response().setChunked(true).putHeader("Content-Type", "application/json");
      response.write("[");
      long timer = vertx.setPeriodic(1000, t -> response.write(" "));
      request.connection().closeHandler(closed -> vertx.cancelTimer(timer));
    });
    HardenedFetch fetch = new HardenedFetch(vertx, policy().withDeadline(Duration.ofMillis(1500)));
    long started = System.nanoTime();
    FetchException refused = assertInstanceOf(FetchException.class, Await.failure(fetch.get(url("/drip"), JSON)));
    long elapsedMs = (System.nanoTime() - started) / 1_000_000;
    assertEquals(Reason.TIMEOUT, refused.reason());
    assertTrue(elapsedMs >= 1400 && elapsedMs < 3000, "failed at the deadline, after " + elapsedMs + " ms");
  }

  @Test
  void aBodyOfAnotherMediaTypeIsRefused() {
    server.on("/html", request -> request.response().putHeader("Content-Type", "text/html").end("<html/>"));
    assertReason(Reason.CONTENT_TYPE, "/html", JSON);
  }

  @Test
  void anErrorStatusIsReported() {
    assertReason(Reason.HTTP_STATUS, "/nothing-here", JSON);
  }

  @Test
  void noMoreThanTheConcurrencyLimitRunAtOnce() {
    AtomicInteger concurrent = new AtomicInteger();
    AtomicInteger peak = new AtomicInteger();
    server.on("/slow", request -> {
      peak.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
      vertx.setTimer(200, t -> {
        concurrent.decrementAndGet();
        request.response().putHeader("Content-Type", "application/json").end("{}");
      });
    });
    HardenedFetch fetch = new HardenedFetch(vertx, new FetchPolicy(Duration.ofSeconds(10), 1024, 2,
        Set.of("localhost"), java.util.Optional.of(trust)));
    List<io.vertx.core.Future<FetchedBody>> all = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      all.add(fetch.get(url("/slow"), JSON));
    }
    all.forEach(Await::result);
    assertEquals(2, peak.get());
  }

  private static void assertReason(Reason reason, String path, Set<String> mediaTypes) {
    FetchException refused = assertInstanceOf(FetchException.class, Await.failure(allowing().get(url(path), mediaTypes)));
    assertEquals(reason, refused.reason(), refused.getMessage());
  }

  private static HardenedFetch allowing() {
    return new HardenedFetch(vertx, policy());
  }

  private static FetchPolicy policy() {
    return FetchPolicy.defaults().allowingPrivateHosts(Set.of("localhost")).trusting(trust);
  }

  private static URI url(String path) {
    return URI.create("https://localhost:" + server.port() + path);
  }
}
