package dev.cairn.credentials.internal;

import dev.cairn.credentials.ReasonCode;
import dev.cairn.credentials.VerificationException;
import io.vertx.core.json.JsonArray;
import java.util.ArrayList;
import java.util.List;

/**
 * A VCDM {@code type} value as a list. VCDM 2.0 §4.5: "one or more terms and/or absolute URL strings" (VCDM 1.1
 * §4.3: one or more URIs), so a type is one string or an array of strings; anything else is malformed. An absent
 * type reads as no types (the TYPE check then says which one is missing).
 */
public final class VcdmTypes {
  private VcdmTypes() {}

  public static List<String> of(Object type) {
    List<String> types = new ArrayList<>();
    if (type == null) {
      return types;
    }
    if (type instanceof String single) {
      types.add(single);
    } else if (type instanceof JsonArray array) {
      for (Object entry : array) {
        if (!(entry instanceof String name)) {
          throw malformed();
        }
        types.add(name);
      }
    } else {
      throw malformed();
    }
    return types;
  }

  private static VerificationException malformed() {
    return new VerificationException(ReasonCode.MALFORMED, "type must be a string or an array of strings (VCDM 2.0 §4.5)");
  }
}
