package dev.cairn.credentials.internal;

import io.vertx.core.json.JsonArray;
import java.util.ArrayList;
import java.util.List;

/** A VCDM {@code type} value (one string or an array of them) as a list; anything else reads as no types. */
public final class VcdmTypes {
  private VcdmTypes() {}

  public static List<String> of(Object type) {
    List<String> types = new ArrayList<>();
    if (type instanceof String single) {
      types.add(single);
    } else if (type instanceof JsonArray array) {
      array.forEach(entry -> types.add(String.valueOf(entry)));
    }
    return types;
  }
}
