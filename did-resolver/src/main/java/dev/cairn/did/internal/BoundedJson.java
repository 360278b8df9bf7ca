package dev.cairn.did.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * Parses JSON received from the network with a nesting limit, so a document nested 100,000 deep fails fast
 * with a clear reason instead of exhausting the stack. DID documents nest a handful of levels.
 */
public final class BoundedJson {
  public static final int MAX_DEPTH = 32;
  private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build()).build()).build();
  private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

  private BoundedJson() {}

  /** The JSON object in {@code bytes}, or empty when they are not one (malformed, too deep, another type). */
  public static Optional<JsonObject> object(byte[] bytes) {
    try {
      Map<String, Object> map = MAPPER.readValue(bytes, OBJECT);
      return map == null ? Optional.empty() : Optional.of(new JsonObject(map));
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
