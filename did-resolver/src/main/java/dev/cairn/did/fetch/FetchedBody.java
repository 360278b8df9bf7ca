package dev.cairn.did.fetch;

import dev.cairn.did.internal.BoundedJson;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Optional;

/** A 200 answer that passed every check: its media type, its body, and the {@code max-age} it allows caching for. */
public record FetchedBody(String mediaType, Buffer body, Optional<Duration> maxAge) {

  /** The body as a JSON object, parsed with a nesting limit; empty when it is not one. */
  public Optional<JsonObject> jsonObject() {
    return BoundedJson.object(body.getBytes());
  }
}
