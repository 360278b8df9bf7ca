package dev.cairn.wallet.issuance;

import dev.cairn.issuer.client.Display;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@link Display} entries to and from the JSON the wallet stores (§12.2.4's member names, as the issuer wrote them). */
final class DisplayJson {
  private DisplayJson() {}

  static JsonArray of(List<Display> entries) {
    JsonArray json = new JsonArray();
    entries.forEach(entry -> json.add(entry.json()));
    return json;
  }

  static List<Display> read(JsonArray json) {
    List<Display> entries = new ArrayList<>();
    for (Object value : json) {
      if (value instanceof JsonObject entry) {
        Optional<Display.Logo> logo = entry.getValue("logo") instanceof JsonObject object && object.getValue("uri") instanceof String uri
            ? Optional.of(new Display.Logo(uri, text(object, "alt_text"))) : Optional.empty();
        Optional<String> background = entry.getValue("background_image") instanceof JsonObject image
            ? text(image, "uri") : Optional.empty();
        entries.add(new Display(text(entry, "name"), text(entry, "locale"), logo, text(entry, "description"),
            text(entry, "background_color"), text(entry, "text_color"), background));
      }
    }
    return List.copyOf(entries);
  }

  private static Optional<String> text(JsonObject object, String name) {
    return object.getValue(name) instanceof String text ? Optional.of(text) : Optional.empty();
  }
}
