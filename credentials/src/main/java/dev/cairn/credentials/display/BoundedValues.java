package dev.cairn.credentials.display;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Typed, capped reads of untrusted JSON values for display. A credential is signed by its issuer, not vetted by
 * us: any property may have the wrong JSON type, be enormous, or carry a link a page must not render. Each read
 * here answers a usable value or nothing — never an exception — so a hostile credential costs a bounded view.
 */
final class BoundedValues {
  /** Names, codes, single-line values. */
  static final int TEXT = 2_000;
  /** Descriptions and criteria narratives (Markdown in OB 3.0), which are legitimately longer. */
  static final int LONG_TEXT = 10_000;
  /** Entries kept per list (results, alignments, tags, skills). */
  static final int LIST = 100;
  /** Array elements looked at per list, so a huge array of unusable values is not walked to its end. */
  static final int SCAN = 1_000;
  /** A link is dropped, never cut: a truncated URL points somewhere else. */
  static final int URL = 2_000;
  /** Badge images are often embedded as data: URIs (OB 3.0 Image.id "URI or Data URI"); tens of KB is normal. */
  static final int IMAGE_DATA = 256 * 1024;

  /** BCP 47 shape (RFC 5646 §2.1), loosely: a 2–8 letter primary subtag, then alphanumeric subtags. */
  private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*");
  private static final Pattern IMAGE_DATA_URI =
      Pattern.compile("data:image/(png|jpeg|gif|webp|svg\\+xml)[;,].*", Pattern.DOTALL);

  private BoundedValues() {}

  /**
   * A string with control characters (other than line breaks and tabs) removed and blanks trimmed; longer than
   * {@code max} code points, it is cut and ends with an ellipsis.
   */
  static Optional<String> text(Object value, int max) {
    if (!(value instanceof String raw)) {
      return Optional.empty();
    }
    // Look at a bounded head only, so a megabyte string is never walked in full; never split a surrogate pair.
    int headLength = Math.min(raw.length(), 2 * max);
    if (headLength < raw.length() && Character.isHighSurrogate(raw.charAt(headLength - 1))) {
      headLength--;
    }
    StringBuilder clean = new StringBuilder(headLength);
    raw.substring(0, headLength).codePoints()
        .filter(c -> c == '\n' || c == '\t' || !Character.isISOControl(c))
        .forEach(clean::appendCodePoint);
    String trimmed = clean.toString().strip();
    if (trimmed.isEmpty()) {
      return Optional.empty();
    }
    int length = trimmed.codePointCount(0, trimmed.length());
    if (length <= max && headLength == raw.length()) {
      return Optional.of(trimmed);
    }
    return Optional.of(trimmed.substring(0, trimmed.offsetByCodePoints(0, Math.min(length, max - 1))) + "…");
  }

  static Optional<String> text(Object value) {
    return text(value, TEXT);
  }

  /** An http(s) URL a page may link to; anything else (javascript:, relative, over-long) is dropped. */
  static Optional<String> link(Object value) {
    if (!(value instanceof String url) || url.length() > URL) {
      return Optional.empty();
    }
    try {
      URI uri = new URI(url.strip());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null
          ? Optional.of(uri.toString()) : Optional.empty();
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  /** A link, or an embedded raster/SVG image as a data: URI (safe as an {@code <img>} source), within its cap. */
  static Optional<String> imageLink(Object value) {
    if (value instanceof String url && url.length() <= IMAGE_DATA && IMAGE_DATA_URI.matcher(url).matches()) {
      return Optional.of(url);
    }
    return link(value);
  }

  /** An OB 3.0 Image (§B.1 Image: {@code id} the URI or data: URI, {@code caption}) or a bare image URL. */
  static Optional<String> image(Object value) {
    return value instanceof JsonObject image ? imageLink(image.getValue("id")) : imageLink(value);
  }

  /** A BCP 47 language tag, or nothing. */
  static Optional<String> languageTag(Object value) {
    return value instanceof String tag && tag.length() <= 35 && LANGUAGE_TAG.matcher(tag).matches()
        ? Optional.of(tag) : Optional.empty();
  }

  static Optional<JsonObject> object(Object value) {
    return value instanceof JsonObject object ? Optional.of(object) : Optional.empty();
  }

  /**
   * The values of a set-valued property: an array's first {@link #SCAN} elements, or a single value standing
   * alone (JSON-LD allows a one-element set to be written without the array).
   */
  static List<Object> elements(Object value) {
    if (value instanceof JsonArray array) {
      List<Object> elements = new ArrayList<>();
      for (int i = 0; i < Math.min(array.size(), SCAN); i++) {
        elements.add(array.getValue(i));
      }
      return elements;
    }
    return value == null ? List.of() : List.of(value);
  }

  /** The objects among a set-valued property's values. */
  static List<JsonObject> objects(Object value) {
    List<JsonObject> objects = new ArrayList<>();
    for (Object element : elements(value)) {
      if (element instanceof JsonObject object) {
        objects.add(object);
      }
    }
    return objects;
  }

  /** Up to {@link #LIST} distinct non-blank strings among a set-valued property's values. */
  static List<String> strings(Object value) {
    List<String> strings = new ArrayList<>();
    for (Object element : elements(value)) {
      text(element).filter(s -> !strings.contains(s)).ifPresent(strings::add);
      if (strings.size() == LIST) {
        break;
      }
    }
    return strings;
  }

  /** A finite JSON number. */
  static Optional<Double> number(Object value) {
    return value instanceof Number number && Double.isFinite(number.doubleValue())
        ? Optional.of(number.doubleValue()) : Optional.empty();
  }

  /** An RFC 3339 date-time with offset (the VCDM dateTimeStamp), or nothing. */
  static Optional<Instant> instant(Object value) {
    if (!(value instanceof String text) || text.length() > 64) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(text).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
