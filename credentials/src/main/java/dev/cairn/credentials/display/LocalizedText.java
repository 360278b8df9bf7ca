package dev.cairn.credentials.display;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One text chosen from a value that may be localised. VCDM 2.0 §11.1 (Language and Base Direction) and OB 3.0 let
 * {@code name}, {@code description} and similar properties be:
 * <ul>
 *   <li>a plain string;</li>
 *   <li>a value object {@code {"@value": "…", "@language": "fr"}} (JSON-LD 1.1 §4.2.4 String Internationalization);</li>
 *   <li>an array of those, one per language;</li>
 *   <li>a language map {@code {"en": "…", "fr": "…"}}, which the OB 3.0 JSON-LD schema adaptation accepts.</li>
 * </ul>
 * When several are given, English ({@code en}, {@code en-*}) wins, else the first usable one. Anything else reads
 * as nothing.
 */
record LocalizedText(String text, Optional<String> language) {
  /** Keys of a language map: a lowercase primary subtag, so that objects such as an Image are not mistaken for one. */
  private static final Pattern MAP_KEY = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");

  static Optional<LocalizedText> read(Object value, int max) {
    List<LocalizedText> candidates = new ArrayList<>();
    if (value instanceof JsonArray) {
      for (Object element : BoundedValues.elements(value)) {
        single(element, max).ifPresent(candidates::add);
      }
    } else if (value instanceof JsonObject object && !object.containsKey("@value")) {
      candidates.addAll(languageMap(object, max));
    } else {
      single(value, max).ifPresent(candidates::add);
    }
    return candidates.stream().filter(LocalizedText::english).findFirst()
        .or(() -> candidates.stream().findFirst());
  }

  static Optional<LocalizedText> read(Object value) {
    return read(value, BoundedValues.TEXT);
  }

  private static Optional<LocalizedText> single(Object value, int max) {
    if (value instanceof JsonObject valueObject) {
      return BoundedValues.text(valueObject.getValue("@value"), max)
          .map(text -> new LocalizedText(text, BoundedValues.languageTag(valueObject.getValue("@language"))));
    }
    return BoundedValues.text(value, max).map(text -> new LocalizedText(text, Optional.empty()));
  }

  /** Every entry, or none when any key is not a language tag (then the object is something else). */
  private static List<LocalizedText> languageMap(JsonObject map, int max) {
    if (map.isEmpty() || map.size() > BoundedValues.SCAN) {
      return List.of();
    }
    List<LocalizedText> entries = new ArrayList<>();
    for (String key : map.fieldNames()) {
      if (!MAP_KEY.matcher(key).matches()) {
        return List.of();
      }
      BoundedValues.text(map.getValue(key), max).ifPresent(text -> entries.add(new LocalizedText(text, Optional.of(key))));
    }
    return entries;
  }

  private boolean english() {
    return language.map(tag -> tag.toLowerCase(Locale.ROOT))
        .filter(tag -> tag.equals("en") || tag.startsWith("en-")).isPresent();
  }
}
