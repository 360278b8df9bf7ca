package dev.cairn.credentials.display;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * OB 3.0 §B.1 Alignment: a node of an external framework (a CASE item, a CTDL competency, …) that the achievement
 * is aligned to. {@code targetType} is the AlignmentTargetType value as given ({@code ceasn:Competency},
 * {@code CFItem}, {@code CTDL}, … or an {@code ext:} extension). An alignment without a {@code targetName} has
 * nothing to show and is left out.
 */
public record AlignmentDisplay(String targetName, Optional<String> targetUrl, Optional<String> targetDescription,
                               Optional<String> targetCode, Optional<String> targetFramework,
                               Optional<String> targetType) {

  public AlignmentDisplay {
    Objects.requireNonNull(targetName, "targetName");
  }

  /** The alignments of an Achievement's {@code alignment} property, at most {@link BoundedValues#LIST}. */
  static List<AlignmentDisplay> read(Object alignments) {
    List<AlignmentDisplay> read = new ArrayList<>();
    for (JsonObject alignment : BoundedValues.objects(alignments)) {
      LocalizedText.read(alignment.getValue("targetName")).ifPresent(name -> read.add(new AlignmentDisplay(name.text(),
          BoundedValues.link(alignment.getValue("targetUrl")),
          LocalizedText.read(alignment.getValue("targetDescription"), BoundedValues.LONG_TEXT).map(LocalizedText::text),
          BoundedValues.text(alignment.getValue("targetCode")),
          LocalizedText.read(alignment.getValue("targetFramework")).map(LocalizedText::text),
          BoundedValues.text(alignment.getValue("targetType")))));
      if (read.size() == BoundedValues.LIST) {
        break;
      }
    }
    return read;
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("targetName", targetName);
    targetUrl.ifPresent(value -> json.put("targetUrl", value));
    targetDescription.ifPresent(value -> json.put("targetDescription", value));
    targetCode.ifPresent(value -> json.put("targetCode", value));
    targetFramework.ifPresent(value -> json.put("targetFramework", value));
    targetType.ifPresent(value -> json.put("targetType", value));
    return json;
  }
}
