package dev.cairn.credentials.display;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the wallet's stored view and the employer page show of a verified credential, the same whatever its format.
 * Every value is optional except the kind and the issuer's id: a credential that says little shows little. Built by
 * {@link CredentialDisplays#of}; the rules for each field are documented there and in docs/credentials.md.
 */
public record CredentialDisplay(Kind kind, Optional<String> title, Optional<String> description, IssuerDisplay issuer,
                                Optional<AchievementDisplay> achievement, List<ResultDisplay> results,
                                List<AlignmentDisplay> alignments, List<String> skills, Optional<Instant> issued,
                                Optional<Instant> validFrom, Optional<Instant> validUntil,
                                Optional<String> language) {

  /** What sort of credential it is, by its types. */
  public enum Kind {
    /** OB 3.0: type includes {@code OpenBadgeCredential} or its alias {@code AchievementCredential}. */
    OPEN_BADGE("open-badge"),
    /** OB 3.0 {@code EndorsementCredential}: a third party vouching for an issuer, achievement or credential. */
    ENDORSEMENT("endorsement"),
    OTHER("other");

    private final String code;

    Kind(String code) {
      this.code = code;
    }

    /** The stable value of {@code kind} in the JSON form. */
    public String code() {
      return code;
    }

    static Kind of(List<String> types) {
      if (types.contains("OpenBadgeCredential") || types.contains("AchievementCredential")) {
        return OPEN_BADGE;
      }
      return types.contains("EndorsementCredential") ? ENDORSEMENT : OTHER;
    }
  }

  public CredentialDisplay {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(issuer, "issuer");
    results = List.copyOf(results);
    alignments = List.copyOf(alignments);
    skills = List.copyOf(skills);
  }

  /** The JSON form: camelCase keys, instants as RFC 3339 strings; absent values and empty lists are left out. */
  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("kind", kind.code());
    title.ifPresent(value -> json.put("title", value));
    description.ifPresent(value -> json.put("description", value));
    json.put("issuer", issuer.toJson());
    achievement.ifPresent(value -> json.put("achievement", value.toJson()));
    putList(json, "results", results, ResultDisplay::toJson);
    putList(json, "alignments", alignments, AlignmentDisplay::toJson);
    putList(json, "skills", skills, skill -> skill);
    issued.ifPresent(value -> json.put("issued", value.toString()));
    validFrom.ifPresent(value -> json.put("validFrom", value.toString()));
    validUntil.ifPresent(value -> json.put("validUntil", value.toString()));
    language.ifPresent(value -> json.put("language", value));
    return json;
  }

  private static <T> void putList(JsonObject json, String key, List<T> values, Function<? super T, ?> toJson) {
    if (!values.isEmpty()) {
      json.put(key, new JsonArray(values.stream().<Object>map(toJson).toList()));
    }
  }
}
