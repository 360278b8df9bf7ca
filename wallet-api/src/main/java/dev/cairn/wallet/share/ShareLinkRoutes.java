package dev.cairn.wallet.share;

import dev.cairn.wallet.auth.Principal;
import dev.cairn.wallet.http.Access;
import dev.cairn.wallet.http.JsonBody;
import dev.cairn.wallet.http.PathIds;
import dev.cairn.wallet.http.Reply;
import dev.cairn.wallet.http.RouteTable;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** The learner's share links, and the public page each one opens. */
public final class ShareLinkRoutes {
  private final ShareLinks links;
  private final JsonBody json;

  public ShareLinkRoutes(ShareLinks links, JsonBody json) {
    this.links = links;
    this.json = json;
  }

  public void register(RouteTable routes) {
    routes.post("/v1/share-links", Access.AUTHENTICATED, this::create);
    routes.get("/v1/share-links", Access.AUTHENTICATED, this::list);
    routes.delete("/v1/share-links/:linkId", Access.AUTHENTICATED, this::revoke);
    routes.get("/s/:token", Access.PUBLIC, this::view);
  }

  private Future<Reply> create(RoutingContext ctx) {
    UUID learner = learner(ctx);
    NewShareLink asked = NewShareLink.read(json.object(ctx.body().buffer()));
    return links.create(learner, asked).map(view -> Reply.json(201, view,
        Map.of("Location", "/v1/share-links/" + view.getString("id"), "Cache-Control", "no-store")));
  }

  private Future<Reply> list(RoutingContext ctx) {
    return links.list(learner(ctx)).map(view -> Reply.json(200, view, Map.of()));
  }

  private Future<Reply> revoke(RoutingContext ctx) {
    UUID learner = learner(ctx);
    return links.revoke(learner, PathIds.uuid(ctx, "linkId", ShareLinks::notFound)).map(done -> Reply.noContent());
  }

  /** HTML for a browser, JSON for {@code Accept: application/json}; the same verified content either way. */
  private Future<Reply> view(RoutingContext ctx) {
    String token = ctx.pathParam("token");
    if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
      throw ShareLinks.notFound();
    }
    boolean json = String.valueOf(ctx.request().getHeader("Accept")).contains("application/json");
    return links.view(token).map(view -> {
      Map<String, String> headers = new HashMap<>(SharePage.HEADERS);
      headers.put("Vary", "Accept");
      return json
          ? Reply.json(200, view, headers)
          : new Reply(200, SharePage.render(view), "text/html; charset=utf-8", headers);
    });
  }

  private static UUID learner(RoutingContext ctx) {
    return Principal.learner(ctx, "Share links are made from a learner's wallet");
  }
}
