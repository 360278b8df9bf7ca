package dev.cairn.wallet.employer.pages;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

/**
 * The employer pages are a client of Cairn's own REST API, over loopback, with the employer's access token from the
 * session cookie as the bearer token. So a page can do and see exactly what the API lets that employer do and see:
 * the same authentication, role check, validation and problem codes, and nothing the OpenAPI contract does not cover.
 * A problem answer becomes a failed future carrying an {@link ApiRefusal}.
 */
final class VerifierApi {
  private final WebClient client;
  private final String host;
  private volatile int port;

  /** {@code listenHost} is where the server listens; a wildcard address is reached through loopback. */
  VerifierApi(Vertx vertx, String listenHost) {
    this.client = WebClient.create(vertx, new WebClientOptions().setConnectTimeout(5_000).setKeepAlive(true));
    this.host = switch (listenHost) {
      case "0.0.0.0", "" -> "127.0.0.1";
      case "::", "[::]" -> "::1";
      default -> listenHost;
    };
  }

  /** Called once the listener has its port. */
  void listening(int port) {
    this.port = port;
  }

  Future<JsonObject> me(String token) {
    return json(call(HttpMethod.GET, "/v1/me", token).send());
  }

  Future<JsonObject> requests(String token) {
    return json(call(HttpMethod.GET, "/v1/verifier/requests", token).send());
  }

  Future<JsonObject> request(String token, String id) {
    return json(call(HttpMethod.GET, "/v1/verifier/requests/" + id, token).send());
  }

  Future<JsonObject> create(String token, JsonObject body) {
    return json(call(HttpMethod.POST, "/v1/verifier/requests", token).sendJsonObject(body));
  }

  Future<String> qrSvg(String token, String id) {
    return call(HttpMethod.GET, "/v1/verifier/requests/" + id + "/qr.svg", token).send()
        .map(response -> ok(response).bodyAsString());
  }

  Future<Void> signOut(String token) {
    return call(HttpMethod.DELETE, "/v1/sessions/current", token).send().map(response -> {
      ok(response);
      return null;
    });
  }

  private HttpRequest<Buffer> call(HttpMethod method, String path, String token) {
    // Ids come from page paths: only a UUID's characters ever reach the API path.
    if (!path.matches("[A-Za-z0-9/._-]+")) {
      throw new IllegalArgumentException("unexpected API path " + path);
    }
    return client.request(method, port, host, path)
        .putHeader("Authorization", "Bearer " + token)
        .putHeader("Accept", "application/json")
        .timeout(30_000);
  }

  private static Future<JsonObject> json(Future<HttpResponse<Buffer>> answer) {
    return answer.map(response -> ok(response).bodyAsJsonObject());
  }

  private static HttpResponse<Buffer> ok(HttpResponse<Buffer> response) {
    if (response.statusCode() >= 200 && response.statusCode() < 300) {
      return response;
    }
    JsonObject problem;
    try {
      problem = response.bodyAsJsonObject();
    } catch (RuntimeException e) {
      problem = null;
    }
    throw new ApiRefusal(response.statusCode(), problem == null ? new JsonObject() : problem);
  }
}
