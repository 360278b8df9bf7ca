package dev.cairn.credentials.display;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One OB 3.0 §B.1 Result of the AchievementSubject: a score, grade or status. In the credential,
 * {@code resultDescription} and {@code achievedLevel} are references (the ids of a ResultDescription of the
 * achievement and of one of its RubricCriterionLevels); here they are the referenced objects' {@code name}s when
 * the achievement carries them, since an id means nothing to a reader, and the references as given otherwise.
 * {@code status} is the ResultStatusType value (Completed, Enrolled, Failed, …).
 */
public record ResultDisplay(Optional<String> resultDescription, Optional<String> value, Optional<String> status,
                            Optional<String> achievedLevel) {

  /** The results of an AchievementSubject's {@code result} property, at most {@link BoundedValues#LIST}. */
  static List<ResultDisplay> read(Object results, Optional<JsonObject> achievement) {
    List<JsonObject> descriptions = achievement
        .map(definition -> BoundedValues.objects(definition.getValue("resultDescription"))).orElse(List.of());
    List<ResultDisplay> read = new ArrayList<>();
    for (JsonObject result : BoundedValues.objects(results)) {
      Optional<String> descriptionId = BoundedValues.text(result.getValue("resultDescription"));
      Optional<JsonObject> description = descriptionId.flatMap(id -> byId(descriptions, id));
      Optional<String> levelId = BoundedValues.text(result.getValue("achievedLevel"));
      Optional<JsonObject> level = levelId.flatMap(id -> description
          .flatMap(found -> byId(BoundedValues.objects(found.getValue("rubricCriterionLevel")), id)));
      ResultDisplay display = new ResultDisplay(nameOf(description).or(() -> descriptionId),
          BoundedValues.text(result.getValue("value")), BoundedValues.text(result.getValue("status")),
          nameOf(level).or(() -> levelId));
      if (display.resultDescription.isPresent() || display.value.isPresent() || display.status.isPresent()
          || display.achievedLevel.isPresent()) {
        read.add(display);
      }
      if (read.size() == BoundedValues.LIST) {
        break;
      }
    }
    return read;
  }

  private static Optional<JsonObject> byId(List<JsonObject> candidates, String id) {
    return candidates.stream().filter(candidate -> id.equals(candidate.getValue("id"))).findFirst();
  }

  private static Optional<String> nameOf(Optional<JsonObject> object) {
    return object.flatMap(found -> LocalizedText.read(found.getValue("name"))).map(LocalizedText::text);
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    resultDescription.ifPresent(text -> json.put("resultDescription", text));
    value.ifPresent(text -> json.put("value", text));
    status.ifPresent(text -> json.put("status", text));
    achievedLevel.ifPresent(text -> json.put("achievedLevel", text));
    return json;
  }
}
