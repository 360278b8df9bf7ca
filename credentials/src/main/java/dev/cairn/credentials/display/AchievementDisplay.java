package dev.cairn.credentials.display;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;

/**
 * What was achieved: OB 3.0 §B.1 Achievement, read from {@code credentialSubject.achievement} (AchievementSubject).
 * {@code image} is a link or data: URI (from a URL or an Image); {@code achievementType} is the AchievementType
 * value as given (an enumeration term or an {@code ext:} extension); {@code tags} are Achievement.tag.
 */
public record AchievementDisplay(Optional<String> id, Optional<String> name, Optional<String> description,
                                 Optional<Criteria> criteria, Optional<String> image, Optional<String> achievementType,
                                 Optional<Double> creditsAvailable, Optional<String> fieldOfStudy,
                                 Optional<String> humanCode, List<String> tags) {

  public AchievementDisplay {
    tags = List.copyOf(tags);
  }

  /**
   * OB 3.0 §B.1 Criteria: how the achievement is earned, as a Markdown {@code narrative} and/or the {@code id} of a
   * page describing it (kept only when it is an http(s) link).
   */
  public record Criteria(Optional<String> id, Optional<String> narrative) {
    static Optional<Criteria> read(Object value) {
      if (!(value instanceof JsonObject criteria)) {
        return Optional.empty();
      }
      Criteria read = new Criteria(BoundedValues.link(criteria.getValue("id")),
          LocalizedText.read(criteria.getValue("narrative"), BoundedValues.LONG_TEXT).map(LocalizedText::text));
      return read.id.isPresent() || read.narrative.isPresent() ? Optional.of(read) : Optional.empty();
    }

    public JsonObject toJson() {
      JsonObject json = new JsonObject();
      id.ifPresent(value -> json.put("id", value));
      narrative.ifPresent(value -> json.put("narrative", value));
      return json;
    }
  }

  /** The Achievement, or nothing when not one of its displayed properties is usable. */
  static Optional<AchievementDisplay> read(JsonObject achievement) {
    AchievementDisplay read = new AchievementDisplay(
        BoundedValues.text(achievement.getValue("id")),
        LocalizedText.read(achievement.getValue("name")).map(LocalizedText::text),
        LocalizedText.read(achievement.getValue("description"), BoundedValues.LONG_TEXT).map(LocalizedText::text),
        Criteria.read(achievement.getValue("criteria")),
        BoundedValues.image(achievement.getValue("image")),
        BoundedValues.text(achievement.getValue("achievementType")),
        BoundedValues.number(achievement.getValue("creditsAvailable")),
        LocalizedText.read(achievement.getValue("fieldOfStudy")).map(LocalizedText::text),
        BoundedValues.text(achievement.getValue("humanCode")),
        BoundedValues.strings(achievement.getValue("tag")));
    return read.toJson().isEmpty() ? Optional.empty() : Optional.of(read);
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    id.ifPresent(value -> json.put("id", value));
    name.ifPresent(value -> json.put("name", value));
    description.ifPresent(value -> json.put("description", value));
    criteria.ifPresent(value -> json.put("criteria", value.toJson()));
    image.ifPresent(value -> json.put("image", value));
    achievementType.ifPresent(value -> json.put("achievementType", value));
    creditsAvailable.ifPresent(value -> json.put("creditsAvailable", value));
    fieldOfStudy.ifPresent(value -> json.put("fieldOfStudy", value));
    humanCode.ifPresent(value -> json.put("humanCode", value));
    if (!tags.isEmpty()) {
      json.put("tags", new JsonArray(tags));
    }
    return json;
  }
}
