package dev.cairn.wallet.share;

import dev.cairn.credentials.dcql.ClaimsPath;
import dev.cairn.credentials.dcql.DcqlException;
import dev.cairn.wallet.http.ProblemException;
import dev.cairn.wallet.http.ProblemType;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The body of {@code POST /v1/share-links}: which credentials the link shows and, per credential, which claims
 * (claims path pointers, rooted as for DCQL; absent: every claim the format shows), for how long, how many times.
 */
record NewShareLink(List<Shared> credentials, Duration expiresIn, Optional<Integer> maxViews, Optional<String> label) {
  /** One credential on the link; empty {@code claims}: the whole credential. */
  record Shared(UUID credentialId, Optional<List<ClaimsPath>> claims) {}

  static final Duration DEFAULT_EXPIRY = Duration.ofDays(7);
  static final Duration LONGEST_EXPIRY = Duration.ofDays(90);
  private static final int MOST_CREDENTIALS = 20;
  private static final Set<String> MEMBERS = Set.of("credentials", "expires_in", "max_views", "label");

  static NewShareLink read(JsonObject body) {
    for (String name : body.fieldNames()) {
      if (!MEMBERS.contains(name)) {
        throw invalid("Unknown field '" + name + "'");
      }
    }
    if (!(body.getValue("credentials") instanceof JsonArray entries) || entries.isEmpty()
        || entries.size() > MOST_CREDENTIALS) {
      throw invalid("Field 'credentials' must list 1–" + MOST_CREDENTIALS
          + " credentials: [{\"credential_id\": \"…\", \"claims\": [[\"…\"]]}]");
    }
    List<Shared> credentials = new ArrayList<>();
    Set<UUID> seen = new LinkedHashSet<>();
    for (Object entry : entries) {
      Shared shared = shared(entry);
      if (!seen.add(shared.credentialId())) {
        throw invalid("Credential " + shared.credentialId() + " is listed twice");
      }
      credentials.add(shared);
    }
    Duration expiresIn = DEFAULT_EXPIRY;
    if (body.containsKey("expires_in")) {
      if (!(body.getValue("expires_in") instanceof Integer seconds) || seconds < 60
          || seconds > LONGEST_EXPIRY.toSeconds()) {
        throw invalid("Field 'expires_in' must be a whole number of seconds from 60 to " + LONGEST_EXPIRY.toSeconds());
      }
      expiresIn = Duration.ofSeconds(seconds);
    }
    Optional<Integer> maxViews = Optional.empty();
    if (body.containsKey("max_views")) {
      if (!(body.getValue("max_views") instanceof Integer views) || views < 1 || views > 10_000) {
        throw invalid("Field 'max_views' must be a whole number from 1 to 10000");
      }
      maxViews = Optional.of(views);
    }
    Optional<String> label = Optional.empty();
    if (body.containsKey("label")) {
      if (!(body.getValue("label") instanceof String text) || text.isBlank() || text.strip().length() > 100) {
        throw invalid("Field 'label' must be 1–100 characters saying whom the link is for");
      }
      label = Optional.of(text.strip());
    }
    return new NewShareLink(credentials, expiresIn, maxViews, label);
  }

  private static Shared shared(Object entry) {
    if (!(entry instanceof JsonObject object) || !(object.getValue("credential_id") instanceof String id)
        || !Set.of("credential_id", "claims").containsAll(object.fieldNames())) {
      throw invalid("Each of 'credentials' is {\"credential_id\": \"…\", \"claims\": [[\"…\"]]}");
    }
    UUID credentialId;
    try {
      credentialId = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw invalid("'" + id + "' is not a credential id");
    }
    if (object.getValue("claims") == null) {
      return new Shared(credentialId, Optional.empty());
    }
    if (!(object.getValue("claims") instanceof JsonArray paths) || paths.isEmpty() || paths.size() > 100) {
      throw invalid("'claims' must be 1–100 claims paths such as [\"credentialSubject\", \"achievement\"]");
    }
    List<ClaimsPath> claims = new ArrayList<>();
    for (Object path : paths) {
      try {
        ClaimsPath parsed = path instanceof JsonArray components && !components.isEmpty()
            ? ClaimsPath.of(components.getList().toArray()) : null;
        if (parsed == null || !parsed.isConcrete()) {
          throw invalid("Each claims path names one claim with keys and indices, not " + path);
        }
        claims.add(parsed);
      } catch (DcqlException e) {
        throw invalid("A claims path is not valid: " + e.getMessage());
      }
    }
    return new Shared(credentialId, Optional.of(claims));
  }

  JsonArray toJson() {
    JsonArray stored = new JsonArray();
    for (Shared shared : credentials) {
      JsonObject entry = new JsonObject().put("credential_id", shared.credentialId().toString());
      shared.claims().ifPresent(paths -> entry.put("claims", new JsonArray(paths.stream().map(ClaimsPath::toJson).toList())));
      stored.add(entry);
    }
    return stored;
  }

  private static ProblemException invalid(String detail) {
    return new ProblemException(ProblemType.INVALID_REQUEST, detail);
  }
}
