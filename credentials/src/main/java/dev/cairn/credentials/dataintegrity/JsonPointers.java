package dev.cairn.credentials.dataintegrity;

import dev.cairn.credentials.ReasonCode;
import dev.cairn.credentials.VerificationException;
import java.util.ArrayList;
import java.util.List;

/** jsonPointerToPaths (VC DI ECDSA 1.0 §3.4.8): an RFC 6901 pointer as object keys and array indexes. */
final class JsonPointers {
  private JsonPointers() {}

  static List<Object> paths(String pointer) {
    if (!pointer.startsWith("/")) {
      throw new VerificationException(ReasonCode.MALFORMED, "a JSON pointer starts with '/': " + pointer);
    }
    List<Object> paths = new ArrayList<>();
    for (String segment : pointer.substring(1).split("/", -1)) {
      if (segment.contains("~")) {
        paths.add(segment.replace("~1", "/").replace("~0", "~")); // RFC 6901 §4: ~1 first, then ~0
      } else if (!segment.isEmpty() && segment.chars().allMatch(Character::isDigit)) {
        paths.add(Integer.parseInt(segment));
      } else {
        paths.add(segment);
      }
    }
    return paths;
  }
}
