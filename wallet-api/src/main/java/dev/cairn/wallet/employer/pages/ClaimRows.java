package dev.cairn.wallet.employer.pages;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A credential's disclosed claims as rows of (path, value) for a table: nested objects and arrays are flattened to
 * dotted paths. Members that are machinery rather than facts about the learner (the holder's key, SD-JWT digests,
 * JSON-LD contexts, proofs) are left out; the verification checks already speak for them.
 */
final class ClaimRows {
  record Row(String path, String value) {}

  static final int MAX_ROWS = 200;
  private static final Set<String> MACHINERY = Set.of("cnf", "_sd", "_sd_alg", "@context", "proof", "status");

  private ClaimRows() {}

  static List<Row> of(JsonObject claims) {
    List<Row> rows = new ArrayList<>();
    walk("", claims, rows);
    return rows;
  }

  private static void walk(String path, Object value, List<Row> rows) {
    if (rows.size() >= MAX_ROWS) {
      return;
    }
    if (value instanceof JsonObject object) {
      for (String name : object.fieldNames()) {
        if (!(path.isEmpty() && MACHINERY.contains(name))) {
          walk(path.isEmpty() ? name : path + "." + name, object.getValue(name), rows);
        }
      }
    } else if (value instanceof JsonArray array) {
      for (int i = 0; i < array.size(); i++) {
        walk(path + "[" + i + "]", array.getValue(i), rows);
      }
    } else {
      rows.add(new Row(path, String.valueOf(value)));
    }
  }
}
