package dev.cairn.issuer.client;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One {@code display} entry (§12.2.4): of the Credential Issuer (name, locale, logo) or of a Credential
 * Configuration (also description, colours, background image). Each entry is for one locale; unknown members are
 * ignored, as the specification asks.
 */
public record Display(Optional<String> name, Optional<String> locale, Optional<Logo> logo, Optional<String> description,
                      Optional<String> backgroundColor, Optional<String> textColor, Optional<String> backgroundImage) {
  private static final int MAX_ENTRIES = 32;
  private static final int MAX_TEXT = 1_000;

  /** A logo: where to get it ({@code https:} or {@code data:}) and its alternative text. */
  public record Logo(String uri, Optional<String> altText) {}

  static List<Display> list(Object value) {
    List<Display> entries = new ArrayList<>();
    if (value instanceof JsonArray array) {
      for (int i = 0; i < array.size() && i < MAX_ENTRIES; i++) {
        if (array.getValue(i) instanceof JsonObject entry) {
          entries.add(read(entry));
        }
      }
    }
    return List.copyOf(entries);
  }

  static Display read(JsonObject entry) {
    Optional<Logo> logo = entry.getValue("logo") instanceof JsonObject object && text(object, "uri").isPresent()
        ? Optional.of(new Logo(text(object, "uri").get(), text(object, "alt_text"))) : Optional.empty();
    Optional<String> background = entry.getValue("background_image") instanceof JsonObject image ? text(image, "uri")
        : Optional.empty();
    return new Display(text(entry, "name"), text(entry, "locale"), logo, text(entry, "description"),
        text(entry, "background_color"), text(entry, "text_color"), background);
  }

  /** This entry as JSON, in the specification's member names, for the wallet to store beside the credential. */
  public JsonObject json() {
    JsonObject json = new JsonObject();
    name.ifPresent(value -> json.put("name", value));
    locale.ifPresent(value -> json.put("locale", value));
    logo.ifPresent(value -> {
      JsonObject logoJson = new JsonObject().put("uri", value.uri());
      value.altText().ifPresent(alt -> logoJson.put("alt_text", alt));
      json.put("logo", logoJson);
    });
    description.ifPresent(value -> json.put("description", value));
    backgroundColor.ifPresent(value -> json.put("background_color", value));
    textColor.ifPresent(value -> json.put("text_color", value));
    backgroundImage.ifPresent(value -> json.put("background_image", new JsonObject().put("uri", value)));
    return json;
  }

  private static Optional<String> text(JsonObject object, String name) {
    return object.getValue(name) instanceof String text && !text.isBlank() && text.length() <= MAX_TEXT
        ? Optional.of(text) : Optional.empty();
  }
}
