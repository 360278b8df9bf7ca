package dev.cairn.wallet.testing;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** A plain HTTP client for the server under test: real requests over loopback, nothing in-process. */
public final class Api {
  private final String base;
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public Api(String base) {
    this.base = base;
  }

  public String base() {
    return base;
  }

  public record Response(int status, Map<String, java.util.List<String>> headers, String body) {
    public JsonObject json() {
      return new JsonObject(body);
    }

    public Optional<String> header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
          .flatMap(e -> e.getValue().stream()).findFirst();
    }

    /** The problem type's code: the part after https://cairn.dev/problems/. */
    public String problemCode() {
      return json().getString("type").substring("https://cairn.dev/problems/".length());
    }
  }

  public Response get(String path, String token) {
    return send(request(path, token).GET().build());
  }

  public Response delete(String path, String token) {
    return send(request(path, token).DELETE().build());
  }

  public Response post(String path, String token, JsonObject body) {
    return postRaw(path, token, "application/json", body.encode().getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  public Response postRaw(String path, String token, String contentType, byte[] body) {
    HttpRequest.Builder builder = request(path, token).POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      builder.header("Content-Type", contentType);
    }
    return send(builder.build());
  }

  public Response send(String method, String path, String token, Map<String, String> headers, byte[] body) {
    HttpRequest.Builder builder = request(path, token)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(builder::header);
    return send(builder.build());
  }

  /** A GET whose body is binary (an image, an archive). */
  public byte[] getBytes(String path, String token) {
    try {
      HttpResponse<byte[]> response = client.send(request(path, token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
      }
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private HttpRequest.Builder request(String path, String token) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return builder;
  }

  private Response send(HttpRequest request) {
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.headers().map(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  // Conveniences for the account flow most tests start with.

  public static JsonObject credentials(String email, String password) {
    return new JsonObject().put("email", email).put("password", password);
  }

  /** Registers and signs in; returns the session tokens. */
  public JsonObject signUp(String email) {
    Response created = post("/v1/accounts", null, credentials(email, "a long enough password"));
    if (created.status() != 201) {
      throw new IllegalStateException("register failed: " + created.body());
    }
    Response login = post("/v1/sessions", null, credentials(email, "a long enough password"));
    if (login.status() != 201) {
      throw new IllegalStateException("login failed: " + login.body());
    }
    return login.json();
  }
}
