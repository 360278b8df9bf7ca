package dev.cairn.wallet.stack;

import dev.cairn.wallet.auth.Principal;
import dev.cairn.wallet.http.PathIds;
import dev.cairn.wallet.http.Access;
import dev.cairn.wallet.http.JsonBody;
import dev.cairn.wallet.http.Reply;
import dev.cairn.wallet.http.RouteTable;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.UUID;

/** CRUD under {@code /v1/stacks}, and the stacks Cairn suggests. */
public final class StackRoutes {
  private final StackService stacks;
  private final StackSuggestions suggestions;
  private final JsonBody json;

  public StackRoutes(StackService stacks, StackSuggestions suggestions, JsonBody json) {
    this.stacks = stacks;
    this.suggestions = suggestions;
    this.json = json;
  }

  public void register(RouteTable routes) {
    routes.post("/v1/stacks", Access.AUTHENTICATED, this::create);
    routes.get("/v1/stacks", Access.AUTHENTICATED, this::list);
    // Before /:stackId, which would otherwise take "suggestions" for an id.
    routes.get("/v1/stacks/suggestions", Access.AUTHENTICATED, this::suggest);
    routes.get("/v1/stacks/:stackId", Access.AUTHENTICATED, this::get);
    routes.patch("/v1/stacks/:stackId", Access.AUTHENTICATED, this::update);
    routes.delete("/v1/stacks/:stackId", Access.AUTHENTICATED, this::delete);
  }

  private Future<Reply> create(RoutingContext ctx) {
    StackChanges changes = StackChanges.parse(json.tree(ctx.body().buffer().getBytes()), true);
    return stacks.create(Principal.of(ctx).accountId(), changes)
        .map(view -> Reply.json(201, view, Map.of("Location", "/v1/stacks/" + view.getString("id"))));
  }

  private Future<Reply> list(RoutingContext ctx) {
    return stacks.list(Principal.of(ctx).accountId()).map(view -> Reply.json(200, view, Map.of()));
  }

  private Future<Reply> suggest(RoutingContext ctx) {
    return suggestions.suggest(Principal.of(ctx).accountId()).map(view -> Reply.json(200, view, Map.of()));
  }

  private Future<Reply> get(RoutingContext ctx) {
    return stacks.get(Principal.of(ctx).accountId(), stackId(ctx)).map(view -> Reply.json(200, view, Map.of()));
  }

  private Future<Reply> update(RoutingContext ctx) {
    UUID id = stackId(ctx);
    StackChanges changes = StackChanges.parse(json.tree(ctx.body().buffer().getBytes()), false);
    return stacks.update(Principal.of(ctx).accountId(), id, changes).map(view -> Reply.json(200, view, Map.of()));
  }

  private Future<Reply> delete(RoutingContext ctx) {
    return stacks.delete(Principal.of(ctx).accountId(), stackId(ctx)).map(done -> Reply.noContent());
  }

  private static UUID stackId(RoutingContext ctx) {
    return PathIds.uuid(ctx, "stackId", StackService::notFound);
  }
}
