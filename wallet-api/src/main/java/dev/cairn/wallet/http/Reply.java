package dev.cairn.wallet.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * What an endpoint answers when it succeeds. A record or map body is written as JSON; a {@code String} body is
 * written as is with {@code contentType}.
 */
public record Reply(int status, Object body, String contentType, Map<String, String> headers) {
  public static final String JSON = "application/json";

  public static Reply ok(Object body) {
    return new Reply(200, body, JSON, Map.of());
  }

  public static Reply created(Object body, String location) {
    return new Reply(201, body, JSON, Map.of("Location", location));
  }

  /** A JSON document already built as a Vert.x {@code JsonObject} (views assembled from stored JSON). */
  public static Reply json(int status, JsonObject body, Map<String, String> headers) {
    return new Reply(status, body.encode(), JSON, headers);
  }

  /** Bytes as they are, such as an exported credential or an archive. */
  public static Reply bytes(int status, byte[] body, String contentType, Map<String, String> headers) {
    return new Reply(status, Buffer.buffer(body), contentType, headers);
  }

  public static Reply noContent() {
    return new Reply(204, null, null, Map.of());
  }

  public static Reply text(int status, String body, String contentType) {
    return new Reply(status, body, contentType, Map.of());
  }
}
