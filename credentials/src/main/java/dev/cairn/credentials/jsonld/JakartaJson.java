package dev.cairn.credentials.jsonld;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;

/**
 * Vert.x JSON (what the rest of Cairn reads) to Jakarta JSON (what titanium-json-ld processes), walking the tree
 * once instead of printing and re-parsing it.
 */
public final class JakartaJson {
  private static final JsonProvider PROVIDER = JsonProvider.provider();

  private JakartaJson() {}

  public static jakarta.json.JsonObject of(JsonObject object) {
    JsonObjectBuilder builder = PROVIDER.createObjectBuilder();
    for (Map.Entry<String, Object> entry : object) {
      builder.add(entry.getKey(), value(entry.getValue()));
    }
    return builder.build();
  }

  public static jakarta.json.JsonArray of(JsonArray array) {
    JsonArrayBuilder builder = PROVIDER.createArrayBuilder();
    for (Object entry : array) {
      builder.add(value(entry));
    }
    return builder.build();
  }

  public static JsonValue value(Object value) {
    if (value == null) {
      return JsonValue.NULL;
    }
    if (value instanceof String string) {
      return PROVIDER.createValue(string);
    }
    if (value instanceof Boolean bool) {
      return bool ? JsonValue.TRUE : JsonValue.FALSE;
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      return PROVIDER.createValue(((Number) value).longValue());
    }
    if (value instanceof BigInteger big) {
      return PROVIDER.createValue(big);
    }
    if (value instanceof BigDecimal decimal) {
      return PROVIDER.createValue(decimal);
    }
    if (value instanceof Number number) {
      return PROVIDER.createValue(number.doubleValue());
    }
    if (value instanceof JsonObject object) {
      return of(object);
    }
    if (value instanceof JsonArray array) {
      return of(array);
    }
    if (value instanceof Map<?, ?> map) {
      return of(new JsonObject(castMap(map)));
    }
    if (value instanceof java.util.List<?> list) {
      return of(new JsonArray(list));
    }
    throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> castMap(Map<?, ?> map) {
    return (Map<String, Object>) map;
  }

  /** Jakarta JSON back to Vert.x, for documents titanium produced (a compacted or framed result). */
  public static JsonObject toVertx(jakarta.json.JsonObject object) {
    return new JsonObject(object.toString());
  }
}
