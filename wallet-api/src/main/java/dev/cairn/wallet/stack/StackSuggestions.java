package dev.cairn.wallet.stack;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Stacks Cairn proposes: two or more credentials from the same issuer, sharing a skill, or aligned to the same
 * framework target (OB 3.0 Alignment, by targetUrl or else targetName). A suggestion that an existing stack
 * already holds exactly is left out; the biggest groups come first.
 */
public final class StackSuggestions {
  static final int MAX_SUGGESTIONS = 20;
  private static final String BY_ISSUER = """
      SELECT issuer_id AS key, max(issuer_name) AS label, array_agg(id ORDER BY sort_issued, id) AS ids
      FROM credential WHERE account_id = $1 GROUP BY issuer_id HAVING count(*) >= 2""";
  private static final String BY_SKILL = """
      SELECT lower(skill) AS key, min(skill) AS label, array_agg(DISTINCT id) AS ids
      FROM credential, jsonb_array_elements_text(coalesce(display -> 'skills', '[]'::jsonb)) AS skill
      WHERE account_id = $1 GROUP BY lower(skill) HAVING count(DISTINCT id) >= 2""";
  private static final String BY_ALIGNMENT = """
      SELECT coalesce(a ->> 'targetUrl', a ->> 'targetName') AS key, min(a ->> 'targetName') AS label,
             array_agg(DISTINCT id) AS ids
      FROM credential, jsonb_array_elements(coalesce(display -> 'alignments', '[]'::jsonb)) AS a
      WHERE account_id = $1 GROUP BY 1 HAVING count(DISTINCT id) >= 2""";
  private static final String EXISTING =
      "SELECT array_agg(sc.credential_id ORDER BY sc.credential_id) AS ids FROM stack s "
          + "JOIN stack_credential sc ON sc.stack_id = s.id WHERE s.account_id = $1 GROUP BY s.id";

  private final Pool pool;

  public StackSuggestions(Pool pool) {
    this.pool = pool;
  }

  public Future<JsonObject> suggest(UUID accountId) {
    Tuple learner = Tuple.of(accountId);
    return Future.all(pool.preparedQuery(BY_ISSUER).execute(learner), pool.preparedQuery(BY_SKILL).execute(learner),
            pool.preparedQuery(BY_ALIGNMENT).execute(learner), pool.preparedQuery(EXISTING).execute(learner))
        .map(all -> {
          Set<Set<UUID>> existing = new HashSet<>();
          all.<RowSet<Row>>resultAt(3).forEach(row -> existing.add(Set.of(row.getArrayOfUUIDs("ids"))));
          List<JsonObject> suggestions = new ArrayList<>();
          add(suggestions, existing, all.resultAt(0), "same-issuer", label -> "Credentials from " + label);
          add(suggestions, existing, all.resultAt(1), "shared-skill", label -> "Skill: " + label);
          add(suggestions, existing, all.resultAt(2), "shared-alignment", label -> "Aligned to " + label);
          suggestions.sort(Comparator.comparingInt((JsonObject s) -> -s.getJsonArray("credentialIds").size()));
          return new JsonObject().put("items", new JsonArray(suggestions.stream().limit(MAX_SUGGESTIONS).toList()));
        });
  }

  private static void add(List<JsonObject> suggestions, Set<Set<UUID>> existing, RowSet<Row> rows,
                          String reason, Function<String, String> name) {
    for (Row row : rows) {
      UUID[] ids = row.getArrayOfUUIDs("ids");
      if (existing.contains(Set.of(ids))) {
        continue;
      }
      String label = row.getString("label") != null ? row.getString("label") : row.getString("key");
      suggestions.add(new JsonObject().put("reason", reason).put("key", row.getString("key"))
          .put("name", name.apply(label))
          .put("credentialIds", new JsonArray(Arrays.stream(ids).map(UUID::toString).toList())));
    }
  }
}
