package dev.cairn.wallet.http;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.util.stream.Collectors;

/**
 * Reads a request body into a request record, turning every way JSON can be wrong into a 400 problem whose
 * detail names the field (or the position) without echoing the caller's data back.
 */
public final class JsonBody {
  private final ApiJson json;
  private final int maxDepth;

  public JsonBody(ApiJson json, int maxDepth) {
    this.json = json;
    this.maxDepth = maxDepth;
  }

  public <T> T read(Buffer body, Class<T> type) {
    if (body == null || body.length() == 0) {
      throw new ProblemException(ProblemType.MALFORMED_JSON, "The request body is empty; a JSON object is expected");
    }
    // Two steps, so that syntax (including depth and encoding) is judged on the whole document before its shape.
    JsonNode tree = parse(body.getBytes());
    try {
      return json.mapper().treeToValue(tree, type);
    } catch (UnrecognizedPropertyException e) {
      throw new ProblemException(ProblemType.INVALID_REQUEST, "Unknown field '" + path(e) + "'");
    } catch (InvalidNullException e) {
      throw new ProblemException(ProblemType.INVALID_REQUEST, "Field '" + path(e) + "' must not be null");
    } catch (MismatchedInputException e) {
      throw mismatch(e);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new ProblemException(ProblemType.INVALID_REQUEST, "The request body does not match the expected shape");
    }
  }

  /** The body as a JSON tree, with the same syntax, depth and encoding rules as {@link #read}. */
  public JsonNode tree(byte[] bytes) {
    return parse(bytes);
  }

  /** The body as a Vert.x JSON object, with the same rules as {@link #read}; anything but an object is refused. */
  @SuppressWarnings("unchecked")
  public io.vertx.core.json.JsonObject object(Buffer body) {
    if (body == null || body.length() == 0) {
      throw new ProblemException(ProblemType.MALFORMED_JSON, "The request body is empty; a JSON object is expected");
    }
    JsonNode tree = parse(body.getBytes());
    if (!tree.isObject()) {
      throw new ProblemException(ProblemType.INVALID_REQUEST, "The request body must be a JSON object");
    }
    return new io.vertx.core.json.JsonObject(json.mapper().convertValue(tree, java.util.Map.class));
  }

  public com.fasterxml.jackson.databind.ObjectMapper mapper() {
    return json.mapper();
  }

  private JsonNode parse(byte[] bytes) {
    try {
      return json.mapper().readTree(bytes);
    } catch (StreamConstraintsException e) {
      throw new ProblemException(ProblemType.MALFORMED_JSON, "The JSON is nested deeper than " + maxDepth + " levels");
    } catch (JsonParseException e) {
      throw new ProblemException(ProblemType.MALFORMED_JSON, "Malformed JSON at line "
          + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": " + reason(e));
    } catch (IOException e) {
      throw new ProblemException(ProblemType.MALFORMED_JSON, "The request body is not a single JSON document");
    }
  }

  private static ProblemException mismatch(MismatchedInputException e) {
    String field = path(e);
    String message = e.getOriginalMessage();
    if (field.isEmpty()) {
      return new ProblemException(ProblemType.INVALID_REQUEST, "The request body must be a JSON object");
    }
    if (message != null && message.startsWith("Missing required creator property")) {
      return new ProblemException(ProblemType.INVALID_REQUEST, "Missing required field '" + field + "'");
    }
    if (message != null && message.startsWith("Null value for creator property")) {
      return new ProblemException(ProblemType.INVALID_REQUEST, "Missing required field '" + field + "'");
    }
    return new ProblemException(ProblemType.INVALID_REQUEST,
        "Field '" + field + "' must be " + describe(e.getTargetType()));
  }

  private static String describe(Class<?> target) {
    if (target == null) {
      return "of another type";
    }
    if (target == String.class) {
      return "a string";
    }
    if (target == Boolean.class || target == boolean.class) {
      return "true or false";
    }
    if (Number.class.isAssignableFrom(target) || target.isPrimitive()) {
      return "a number";
    }
    if (target.isArray() || java.util.Collection.class.isAssignableFrom(target)) {
      return "an array";
    }
    return "an object";
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining("."));
  }

  /** Jackson's own first sentence, which describes the token problem but quotes no more than a character. */
  private static String reason(JsonParseException e) {
    String original = e.getOriginalMessage();
    if (original == null) {
      return "unexpected input";
    }
    int end = original.indexOf('\n');
    String first = end < 0 ? original : original.substring(0, end);
    return first.length() > 160 ? first.substring(0, 160) + "…" : first;
  }
}
