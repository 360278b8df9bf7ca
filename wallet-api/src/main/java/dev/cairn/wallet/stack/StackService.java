package dev.cairn.wallet.stack;

import dev.cairn.wallet.http.ProblemException;
import dev.cairn.wallet.http.ProblemType;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A learner's stacks: named, ordered groups of credentials toward a larger award, with progress toward an
 * optional target count. Membership is checked against the learner's own credentials; another learner's
 * stack or credential is "not found".
 */
public final class StackService {
  static final int MAX_STACKS = 500;
  /** A member counts toward the target while it is usable: neither revoked, suspended nor expired. */
  private static final String MEMBERS = """
      SELECT sc.stack_id, c.id, c.title, c.issuer_id, c.issuer_name, sc.position,
        (c.list_status NOT IN ('revoked', 'suspended') AND (c.valid_until IS NULL OR c.valid_until >= $2)) AS counts
      FROM stack_credential sc JOIN credential c ON c.id = sc.credential_id
      WHERE sc.stack_id = ANY($1) ORDER BY sc.stack_id, sc.position""";

  private final Pool pool;
  private final Clock clock;

  public StackService(Pool pool, Clock clock) {
    this.pool = pool;
    this.clock = clock;
  }

  public Future<JsonObject> create(UUID accountId, StackChanges changes) {
    UUID id = UUID.randomUUID();
    var now = clock.instant().atOffset(ZoneOffset.UTC);
    return pool.withTransaction(connection -> connection
            .preparedQuery("SELECT count(*) FROM stack WHERE account_id = $1").execute(Tuple.of(accountId))
            .compose(count -> count.iterator().next().getLong(0) >= MAX_STACKS
                ? Future.failedFuture(new ProblemException(ProblemType.INVALID_REQUEST,
                    "A wallet holds at most " + MAX_STACKS + " stacks"))
                : connection.preparedQuery("INSERT INTO stack (id, account_id, name, description, target_count, "
                        + "created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6)")
                    .execute(Tuple.of(id, accountId, changes.name().orElseThrow(),
                        changes.description().flatMap(d -> d).orElse(null),
                        changes.targetCount().flatMap(t -> t).orElse(null), now)))
            .compose(done -> setMembers(connection, accountId, id, changes)))
        .compose(done -> get(accountId, id));
  }

  public Future<JsonObject> update(UUID accountId, UUID id, StackChanges changes) {
    return pool.withTransaction(connection -> connection.preparedQuery("""
                UPDATE stack SET
                  name = coalesce($3, name),
                  description = CASE WHEN $4 THEN $5 ELSE description END,
                  target_count = CASE WHEN $6 THEN $7 ELSE target_count END,
                  updated_at = $8
                WHERE account_id = $1 AND id = $2""")
            .execute(Tuple.of(accountId, id, changes.name().orElse(null), changes.description().isPresent(),
                changes.description().flatMap(d -> d).orElse(null), changes.targetCount().isPresent())
                .addValue(changes.targetCount().flatMap(t -> t).orElse(null))
                .addOffsetDateTime(clock.instant().atOffset(ZoneOffset.UTC)))
            .compose(updated -> updated.rowCount() == 0 ? Future.failedFuture(notFound())
                : setMembers(connection, accountId, id, changes)))
        .compose(done -> get(accountId, id));
  }

  public Future<Void> delete(UUID accountId, UUID id) {
    return pool.preparedQuery("DELETE FROM stack WHERE account_id = $1 AND id = $2").execute(Tuple.of(accountId, id))
        .compose(deleted -> deleted.rowCount() == 0 ? Future.failedFuture(notFound()) : Future.succeededFuture());
  }

  public Future<JsonObject> get(UUID accountId, UUID id) {
    return stacks(accountId, "AND id = $2", Tuple.of(accountId, id))
        .compose(found -> found.isEmpty() ? Future.failedFuture(notFound()) : Future.succeededFuture(found.get(0)));
  }

  public Future<JsonObject> list(UUID accountId) {
    return stacks(accountId, "", Tuple.of(accountId))
        .map(found -> new JsonObject().put("items", new JsonArray(found)));
  }

  private Future<List<JsonObject>> stacks(UUID accountId, String condition, Tuple parameters) {
    return pool.preparedQuery("SELECT id, name, description, target_count, created_at, updated_at FROM stack "
            + "WHERE account_id = $1 " + condition + " ORDER BY created_at DESC, id DESC")
        .execute(parameters)
        .compose(rows -> {
          List<Row> stacks = new ArrayList<>();
          rows.forEach(stacks::add);
          if (stacks.isEmpty()) {
            return Future.succeededFuture(List.of());
          }
          UUID[] ids = stacks.stream().map(row -> row.getUUID("id")).toArray(UUID[]::new);
          Instant now = clock.instant();
          return pool.preparedQuery(MEMBERS).execute(Tuple.of(ids, now.atOffset(ZoneOffset.UTC))).map(members -> {
            Map<UUID, List<Row>> byStack = new HashMap<>();
            members.forEach(member -> byStack.computeIfAbsent(member.getUUID("stack_id"), k -> new ArrayList<>()).add(member));
            return stacks.stream().map(stack -> view(stack, byStack.getOrDefault(stack.getUUID("id"), List.of())))
                .collect(Collectors.toList());
          });
        });
  }

  /** Replaces the membership when the change names credentials; each must be one of the learner's. */
  private Future<Void> setMembers(SqlConnection connection, UUID accountId, UUID stackId, StackChanges changes) {
    if (changes.credentialIds().isEmpty()) {
      return Future.succeededFuture();
    }
    List<UUID> ids = changes.credentialIds().get();
    return connection.preparedQuery("SELECT id FROM credential WHERE account_id = $1 AND id = ANY($2)")
        .execute(Tuple.tuple().addUUID(accountId).addArrayOfUUID(ids.toArray(UUID[]::new)))
        .compose(found -> {
          Set<UUID> owned = new HashSet<>();
          found.forEach(row -> owned.add(row.getUUID("id")));
          for (int i = 0; i < ids.size(); i++) {
            if (!owned.contains(ids.get(i))) {
              return Future.failedFuture(new ProblemException(ProblemType.INVALID_REQUEST,
                  "Field 'credentialIds[" + i + "]' names no credential in this wallet"));
            }
          }
          List<Tuple> rows = new ArrayList<>();
          for (int i = 0; i < ids.size(); i++) {
            rows.add(Tuple.of(stackId, ids.get(i), i));
          }
          Future<?> cleared = connection.preparedQuery("DELETE FROM stack_credential WHERE stack_id = $1")
              .execute(Tuple.of(stackId));
          return rows.isEmpty() ? cleared.mapEmpty() : cleared.compose(done -> connection.preparedQuery(
              "INSERT INTO stack_credential (stack_id, credential_id, position) VALUES ($1, $2, $3)")
              .executeBatch(rows)).mapEmpty();
        });
  }

  private static JsonObject view(Row stack, List<Row> members) {
    JsonArray credentials = new JsonArray();
    long counting = 0;
    for (Row member : members) {
      JsonObject credential = new JsonObject().put("id", member.getUUID("id").toString())
          .put("title", member.getString("title")).put("issuerId", member.getString("issuer_id"))
          .put("counts", member.getBoolean("counts"));
      if (member.getString("issuer_name") != null) {
        credential.put("issuerName", member.getString("issuer_name"));
      }
      credentials.add(credential);
      counting += member.getBoolean("counts") ? 1 : 0;
    }
    JsonObject progress = new JsonObject().put("earned", counting);
    Integer target = stack.getInteger("target_count");
    if (target != null) {
      progress.put("target", target).put("complete", counting >= target)
          .put("text", counting + " of " + target);
    }
    JsonObject view = new JsonObject().put("id", stack.getUUID("id").toString()).put("name", stack.getString("name"));
    if (stack.getString("description") != null) {
      view.put("description", stack.getString("description"));
    }
    if (target != null) {
      view.put("targetCount", target);
    }
    return view.put("credentials", credentials).put("progress", progress)
        .put("createdAt", stack.getOffsetDateTime("created_at").toInstant().toString())
        .put("updatedAt", stack.getOffsetDateTime("updated_at").toInstant().toString());
  }

  static ProblemException notFound() {
    return new ProblemException(ProblemType.NOT_FOUND, "No such stack in this wallet");
  }
}
