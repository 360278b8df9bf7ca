package dev.cairn.wallet.credential;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.wallet.http.ProblemException;
import dev.cairn.wallet.http.ProblemType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code PATCH /v1/credentials/{id}}: each field present is replaced; an absent field is left alone; {@code
 * "note": null} clears the note. Tags are trimmed, lower-cased, de-duplicated and limited so that a filter by
 * tag means one thing.
 */
record CredentialChanges(Optional<List<String>> tags, Optional<Optional<String>> note, Optional<Boolean> pinned) {
  static final int MAX_TAGS = 32;
  static final int MAX_TAG_LENGTH = 64;
  static final int MAX_NOTE_LENGTH = 4_000;
  private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} _.:/+-]*");

  /** Reads the body strictly: only these three fields, each of its own type. */
  static CredentialChanges parse(JsonNode body) {
    if (!body.isObject()) {
      throw invalid("The request body must be a JSON object");
    }
    body.fieldNames().forEachRemaining(name -> {
      if (!List.of("tags", "note", "pinned").contains(name)) {
        throw invalid("Unknown field '" + name + "'");
      }
    });
    if (body.isEmpty()) {
      throw invalid("Nothing to change: send one or more of 'tags', 'note', 'pinned'");
    }
    Optional<List<String>> tags = Optional.empty();
    if (body.has("tags")) {
      JsonNode given = body.get("tags");
      if (!given.isArray()) {
        throw invalid("Field 'tags' must be an array");
      }
      List<String> raw = new ArrayList<>();
      for (JsonNode tag : given) {
        if (!tag.isTextual()) {
          throw invalid("Field 'tags' must contain strings only");
        }
        raw.add(tag.textValue());
      }
      tags = Optional.of(normalisedTags(raw));
    }
    Optional<Optional<String>> note = Optional.empty();
    if (body.has("note")) {
      JsonNode given = body.get("note");
      if (!given.isNull() && !given.isTextual()) {
        throw invalid("Field 'note' must be a string or null");
      }
      note = Optional.of(given.isNull() ? Optional.empty() : Optional.of(validNote(given.textValue())));
    }
    Optional<Boolean> pinned = Optional.empty();
    if (body.has("pinned")) {
      if (!body.get("pinned").isBoolean()) {
        throw invalid("Field 'pinned' must be true or false");
      }
      pinned = Optional.of(body.get("pinned").booleanValue());
    }
    return new CredentialChanges(tags, note, pinned);
  }

  static List<String> normalisedTags(List<String> given) {
    if (given.size() > MAX_TAGS) {
      throw invalid("At most " + MAX_TAGS + " tags per credential");
    }
    LinkedHashSet<String> tags = new LinkedHashSet<>();
    for (String raw : given) {
      if (raw == null) {
        throw invalid("Field 'tags' must not contain null");
      }
      String tag = raw.strip().toLowerCase(Locale.ROOT);
      if (tag.isEmpty() || tag.length() > MAX_TAG_LENGTH || !TAG.matcher(tag).matches()) {
        throw invalid("Tag '" + abbreviate(raw) + "' is not valid: 1–" + MAX_TAG_LENGTH
            + " letters, digits, spaces or _ . : / + -, starting with a letter or digit");
      }
      tags.add(tag);
    }
    return List.copyOf(tags);
  }

  static String validNote(String note) {
    if (note.length() > MAX_NOTE_LENGTH) {
      throw invalid("Field 'note' is longer than " + MAX_NOTE_LENGTH + " characters");
    }
    return note;
  }

  private static ProblemException invalid(String detail) {
    return new ProblemException(ProblemType.INVALID_REQUEST, detail);
  }

  private static String abbreviate(String value) {
    return value.length() <= 40 ? value : value.substring(0, 40) + "…";
  }
}
