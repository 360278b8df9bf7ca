package dev.cairn.wallet.http;

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

  public static Reply noContent() {
    return new Reply(204, null, null, Map.of());
  }

  public static Reply text(int status, String body, String contentType) {
    return new Reply(status, body, contentType, Map.of());
  }
}
