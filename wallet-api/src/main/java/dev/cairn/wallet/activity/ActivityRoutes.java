package dev.cairn.wallet.activity;

import dev.cairn.wallet.auth.Principal;
import dev.cairn.wallet.http.QueryParameters;
import dev.cairn.wallet.http.Access;
import dev.cairn.wallet.http.ProblemException;
import dev.cairn.wallet.http.ProblemType;
import dev.cairn.wallet.http.Reply;
import dev.cairn.wallet.http.RouteTable;
import dev.cairn.wallet.paging.Cursors;
import dev.cairn.wallet.paging.PageLimit;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** {@code GET /v1/activity}: the learner's wallet history, newest first, in keyset pages over the row id. */
public final class ActivityRoutes {
  private static final Set<String> PARAMETERS = Set.of("limit", "cursor");
  private static final String PAGE = """
      SELECT id, occurred_at, kind, credential_id, stack_id, reason, summary FROM activity
      WHERE account_id = $1 AND id < $2 ORDER BY id DESC LIMIT $3""";

  private final Pool pool;
  private final Cursors cursors;

  public ActivityRoutes(Pool pool, Cursors cursors) {
    this.pool = pool;
    this.cursors = cursors;
  }

  public void register(RouteTable routes) {
    routes.get("/v1/activity", Access.AUTHENTICATED, this::list);
  }

  private Future<Reply> list(RoutingContext ctx) {
    UUID accountId = Principal.of(ctx).accountId();
    QueryParameters.only(ctx.queryParams(), PARAMETERS);
    int limit = PageLimit.parse(ctx.queryParams().get("limit"));
    String listing = "activity\u0001" + accountId + "\u0001" + limit;
    long before = Long.MAX_VALUE;
    String cursor = ctx.queryParams().get("cursor");
    if (cursor != null) {
      try {
        before = Long.parseLong(cursors.decode(cursor, listing).id());
      } catch (NumberFormatException e) {
        throw new ProblemException(ProblemType.INVALID_CURSOR, "The cursor does not fit this listing");
      }
    }
    return pool.preparedQuery(PAGE).execute(Tuple.of(accountId, before, limit + 1)).map(rows -> {
      JsonArray items = new JsonArray();
      Row last = null;
      int count = 0;
      for (Row row : rows) {
        if (count++ == limit) {
          break;
        }
        items.add(view(row));
        last = row;
      }
      JsonObject page = new JsonObject().put("items", items);
      if (rows.size() > limit && last != null) {
        page.put("nextCursor", cursors.encode(new Cursors.Position("", Long.toString(last.getLong("id"))), listing));
      }
      return Reply.json(200, page, Map.of());
    });
  }

  private static JsonObject view(Row row) {
    JsonObject view = new JsonObject()
        .put("id", Long.toString(row.getLong("id")))
        .put("occurredAt", row.getOffsetDateTime("occurred_at").toInstant().toString())
        .put("kind", row.getString("kind"));
    if (row.getUUID("credential_id") != null) {
      view.put("credentialId", row.getUUID("credential_id").toString());
    }
    if (row.getUUID("stack_id") != null) {
      view.put("stackId", row.getUUID("stack_id").toString());
    }
    if (row.getString("reason") != null) {
      view.put("reason", row.getString("reason"));
    }
    if (row.getJsonObject("summary") != null) {
      view.put("summary", row.getJsonObject("summary"));
    }
    return view;
  }
}
