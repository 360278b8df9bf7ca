package dev.cairn.benchmarks.load;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The parts of Cairn's REST API the load generator drives, as requests built once and sent many times. Bodies
 * are read as bytes and decoded only when someone looks at them, so the client spends its CPU on sending.
 */
final class WalletClient {
  static final String SD_JWT_MEDIA_TYPE = "application/dc+sd-jwt";
  static final int PAGE_SIZE = 20;
  /** Long enough that only a stuck server trips it; a timed-out request is counted as an error, not dropped. */
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  /** One answer: its status and body bytes. */
  record Response(int status, byte[] body) {
    boolean successful() {
      return status >= 200 && status < 300;
    }

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private final List<URI> bases;
  private final AtomicInteger turn = new AtomicInteger();
  // HTTP/1.1 only: the JDK client would otherwise try an h2c upgrade on every new connection.
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  WalletClient(List<URI> bases) {
    this.bases = List.copyOf(bases);
  }

  /** Registers a learner (201) and signs in (201); answers the access token. */
  String register(String email, String password) throws IOException, InterruptedException {
    expect(201, send(post("/v1/accounts", email, password)), "POST /v1/accounts");
    return signIn(email, password);
  }

  String signIn(String email, String password) throws IOException, InterruptedException {
    Response session = expect(201, send(post("/v1/sessions", email, password)), "POST /v1/sessions");
    return new JsonObject(session.text()).getString("accessToken");
  }

  HttpRequest importing(String accessToken, String credential) {
    return authorized(accessToken, "/v1/credentials").header("Content-Type", SD_JWT_MEDIA_TYPE)
        .POST(BodyPublishers.ofString(credential, StandardCharsets.US_ASCII)).build();
  }

  HttpRequest firstPage(String accessToken) {
    return authorized(accessToken, "/v1/credentials?limit=" + PAGE_SIZE).GET().build();
  }

  HttpRequest credential(String accessToken, String id) {
    return authorized(accessToken, "/v1/credentials/" + id).GET().build();
  }

  HttpRequest search(String accessToken, String words) {
    return authorized(accessToken, "/v1/credentials?q=" + URLEncoder.encode(words, StandardCharsets.UTF_8)
        + "&limit=" + PAGE_SIZE).GET().build();
  }

  /** Registers an employer organisation (201) and signs in; answers the access token. */
  String registerEmployer(String email, String password, String organisation) throws IOException, InterruptedException {
    String body = new JsonObject().put("email", email).put("password", password).put("organisation", organisation).encode();
    expect(201, send(HttpRequest.newBuilder(at("/v1/employers")).timeout(REQUEST_TIMEOUT)
        .header("Content-Type", "application/json").POST(BodyPublishers.ofString(body)).build()), "POST /v1/employers");
    return signIn(email, password);
  }

  HttpRequest createRequest(String accessToken, JsonObject body) {
    return authorized(accessToken, "/v1/verifier/requests").header("Content-Type", "application/json")
        .POST(BodyPublishers.ofString(body.encode())).build();
  }

  HttpRequest get(URI uri) {
    return HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET().build();
  }

  Response send(HttpRequest request) throws IOException, InterruptedException {
    var response = http.send(request, BodyHandlers.ofByteArray());
    return new Response(response.statusCode(), response.body());
  }

  /** Setup calls must succeed: a failure here says which call and what the server answered. */
  static Response expect(int status, Response response, String call) {
    if (response.status() != status) {
      throw new IllegalStateException(call + " answered " + response.status() + " instead of " + status + ": "
          + Report.excerpt(response.text()));
    }
    return response;
  }

  /** The next instance in turn: each request may land on any of them, which is what statelessness promises. */
  private URI at(String pathAndQuery) {
    return URI.create(bases.get(Math.floorMod(turn.getAndIncrement(), bases.size())) + pathAndQuery);
  }

  private HttpRequest post(String path, String email, String password) {
    String body = new JsonObject().put("email", email).put("password", password).encode();
    return HttpRequest.newBuilder(at(path)).timeout(REQUEST_TIMEOUT)
        .header("Content-Type", "application/json").POST(BodyPublishers.ofString(body)).build();
  }

  private HttpRequest.Builder authorized(String accessToken, String pathAndQuery) {
    return HttpRequest.newBuilder(at(pathAndQuery)).timeout(REQUEST_TIMEOUT)
        .header("Authorization", "Bearer " + accessToken);
  }
}
