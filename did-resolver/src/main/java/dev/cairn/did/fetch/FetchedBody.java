package dev.cairn.did.fetch;

import dev.cairn.did.internal.BoundedJson;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Optional;

/**
 * An answer that passed every check: its status (one the request accepts: 200 for a plain GET), its media type
 * (empty when it has no body), its body, and the {@code max-age} it allows caching for.
 */
public record FetchedBody(int status, String mediaType, Buffer body, Optional<Duration> maxAge) {

  /** The body as a JSON object, parsed with a nesting limit; empty when it is not one. */
  public Optional<JsonObject> jsonObject() {
    return BoundedJson.object(body.getBytes());
  }
}
