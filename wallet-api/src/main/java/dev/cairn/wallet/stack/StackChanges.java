package dev.cairn.wallet.stack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.wallet.http.ProblemException;
import dev.cairn.wallet.http.ProblemType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The body of {@code POST /v1/stacks} (name required) and {@code PATCH /v1/stacks/{id}} (any field): a stack's
 * name, an optional target description and target count ("4 micro-credentials make the certificate"), and its
 * credentials in order. {@code null} clears an optional field; {@code credentialIds} replaces the membership.
 */
public record StackChanges(Optional<String> name, Optional<Optional<String>> description,
                    Optional<Optional<Integer>> targetCount, Optional<List<UUID>> credentialIds) {
  static final int MAX_NAME = 200;
  static final int MAX_DESCRIPTION = 2_000;
  static final int MAX_CREDENTIALS = 1_000;
  private static final Set<String> FIELDS = Set.of("name", "description", "targetCount", "credentialIds");

  /** A new stack as a wallet archive describes it; the archive's manifest was read leniently, so check it too. */
  public static StackChanges of(String name, String description, Integer targetCount, List<UUID> credentialIds) {
    if (name == null || name.isBlank() || name.length() > MAX_NAME) {
      throw invalid("A stack in the archive has no usable name");
    }
    return new StackChanges(Optional.of(name.strip()), Optional.of(Optional.ofNullable(description)
        .map(d -> d.length() > MAX_DESCRIPTION ? d.substring(0, MAX_DESCRIPTION) : d)),
        Optional.of(Optional.ofNullable(targetCount).filter(t -> t >= 1 && t <= MAX_CREDENTIALS)),
        Optional.of(List.copyOf(new LinkedHashSet<>(credentialIds))));
  }

  static StackChanges parse(JsonNode body, boolean creating) {
    if (!body.isObject()) {
      throw invalid("The request body must be a JSON object");
    }
    body.fieldNames().forEachRemaining(field -> {
      if (!FIELDS.contains(field)) {
        throw invalid("Unknown field '" + field + "'");
      }
    });
    if (creating && !body.hasNonNull("name")) {
      throw invalid("Missing required field 'name'");
    }
    if (!creating && body.isEmpty()) {
      throw invalid("Nothing to change: send one or more of 'name', 'description', 'targetCount', 'credentialIds'");
    }
    Optional<String> name = Optional.empty();
    if (body.has("name")) {
      JsonNode given = body.get("name");
      if (!given.isTextual() || given.textValue().isBlank() || given.textValue().length() > MAX_NAME) {
        throw invalid("Field 'name' must be a non-empty string of at most " + MAX_NAME + " characters");
      }
      name = Optional.of(given.textValue().strip());
    }
    Optional<Optional<String>> description = Optional.empty();
    if (body.has("description")) {
      JsonNode given = body.get("description");
      if (!given.isNull() && (!given.isTextual() || given.textValue().length() > MAX_DESCRIPTION)) {
        throw invalid("Field 'description' must be a string of at most " + MAX_DESCRIPTION + " characters, or null");
      }
      description = Optional.of(given.isNull() ? Optional.empty() : Optional.of(given.textValue()));
    }
    Optional<Optional<Integer>> targetCount = Optional.empty();
    if (body.has("targetCount")) {
      JsonNode given = body.get("targetCount");
      if (!given.isNull() && (!given.isInt() || given.intValue() < 1 || given.intValue() > MAX_CREDENTIALS)) {
        throw invalid("Field 'targetCount' must be a whole number from 1 to " + MAX_CREDENTIALS + ", or null");
      }
      targetCount = Optional.of(given.isNull() ? Optional.empty() : Optional.of(given.intValue()));
    }
    Optional<List<UUID>> credentialIds = Optional.empty();
    if (body.has("credentialIds")) {
      credentialIds = Optional.of(ids(body.get("credentialIds")));
    }
    return new StackChanges(name, description, targetCount, credentialIds);
  }

  private static List<UUID> ids(JsonNode given) {
    if (!given.isArray() || given.size() > MAX_CREDENTIALS) {
      throw invalid("Field 'credentialIds' must be an array of at most " + MAX_CREDENTIALS + " credential ids");
    }
    LinkedHashSet<UUID> ids = new LinkedHashSet<>();
    for (int i = 0; i < given.size(); i++) {
      JsonNode id = given.get(i);
      try {
        if (!id.isTextual() || !ids.add(UUID.fromString(id.textValue()))) {
          throw invalid("Field 'credentialIds[" + i + "]' is not a credential id, or repeats one");
        }
      } catch (IllegalArgumentException e) {
        throw invalid("Field 'credentialIds[" + i + "]' is not a credential id");
      }
    }
    return new ArrayList<>(ids);
  }

  private static ProblemException invalid(String detail) {
    return new ProblemException(ProblemType.INVALID_REQUEST, detail);
  }
}
