package dev.cairn.credentials.dcql;

import static dev.cairn.credentials.dcql.DcqlException.Reason.EMPTY_ARRAY;
import static dev.cairn.credentials.dcql.DcqlException.Reason.INVALID_ID;
import static dev.cairn.credentials.dcql.DcqlException.Reason.MISSING_MEMBER;
import static dev.cairn.credentials.dcql.DcqlException.Reason.WRONG_TYPE;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads the members of a DCQL query with exact messages: each check names the member by its path from the query's
 * root, so every parser reports a broken rule the same way. A member present with the JSON value {@code null} has
 * the wrong type (no check accepts {@code null}); only an absent member takes its default.
 */
final class JsonMembers {
  /** §6.1, §6.3: "a non-empty string consisting of alphanumeric, underscore (_), or hyphen (-) characters". */
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]+");

  private JsonMembers() {}

  static String member(String parent, String name) {
    return parent.isEmpty() ? name : parent + "." + name;
  }

  static String element(String parent, int index) {
    return parent + "[" + index + "]";
  }

  static Object required(JsonObject json, String name, String parent) {
    if (!json.containsKey(name)) {
      throw new DcqlException(MISSING_MEMBER, member(parent, name), "is required");
    }
    return json.getValue(name);
  }

  static JsonObject object(Object value, String member) {
    if (value instanceof JsonObject object) {
      return object;
    }
    throw new DcqlException(WRONG_TYPE, member, "must be an object");
  }

  static String string(Object value, String member) {
    if (value instanceof String string) {
      return string;
    }
    throw new DcqlException(WRONG_TYPE, member, "must be a string");
  }

  static String nonEmptyString(Object value, String member) {
    String string = string(value, member);
    if (string.isEmpty()) {
      throw new DcqlException(WRONG_TYPE, member, "must be a non-empty string");
    }
    return string;
  }

  static boolean bool(Object value, String member) {
    if (value instanceof Boolean bool) {
      return bool;
    }
    throw new DcqlException(WRONG_TYPE, member, "must be a boolean");
  }

  static String id(Object value, String member) {
    String id = string(value, member);
    if (!ID.matcher(id).matches()) {
      throw new DcqlException(INVALID_ID, member,
          "must be a non-empty string of alphanumeric, underscore (_) or hyphen (-) characters");
    }
    return id;
  }

  static JsonArray nonEmptyArray(Object value, String member) {
    if (!(value instanceof JsonArray array)) {
      throw new DcqlException(WRONG_TYPE, member, "must be a non-empty array");
    }
    if (array.isEmpty()) {
      throw new DcqlException(EMPTY_ARRAY, member, "must be a non-empty array");
    }
    return array;
  }

  static List<String> nonEmptyStrings(Object value, String member) {
    return strings(nonEmptyArray(value, member), member);
  }

  /** An array of strings that may be empty. */
  static List<String> strings(Object value, String member) {
    if (!(value instanceof JsonArray array)) {
      throw new DcqlException(WRONG_TYPE, member, "must be an array of strings");
    }
    List<String> strings = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      strings.add(string(array.getValue(i), element(member, i)));
    }
    return List.copyOf(strings);
  }
}
