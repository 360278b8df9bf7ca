package dev.cairn.wallet.holder;

import dev.cairn.wallet.auth.Principal;
import dev.cairn.wallet.http.Access;
import dev.cairn.wallet.http.Reply;
import dev.cairn.wallet.http.RouteTable;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** {@code GET /v1/holder-keys}: the public forms of the learner's holder keys. */
public final class HolderKeyRoutes {
  private final HolderKeys keys;

  public HolderKeyRoutes(HolderKeys keys) {
    this.keys = keys;
  }

  /** One key as the learner's app sees it; the verification method ids are what a credential binds to. */
  public record HolderKeyView(UUID id, String algorithm, Map<String, Object> publicJwk, String didJwk,
                              String didKey, String didKeyVerificationMethod, Instant createdAt) {
    static HolderKeyView of(HolderKey key) {
      return new HolderKeyView(key.id(), key.algorithm(), key.publicJwk().toJSONObject(), key.didJwk(), key.didKey(),
          key.didKey() + "#" + key.didKey().substring("did:key:".length()), key.createdAt());
    }
  }

  public record HolderKeyList(List<HolderKeyView> keys) {}

  public void register(RouteTable routes) {
    routes.get("/v1/holder-keys", Access.AUTHENTICATED, this::list);
  }

  private Future<Reply> list(RoutingContext ctx) {
    return keys.of(Principal.of(ctx).accountId())
        .map(found -> Reply.ok(new HolderKeyList(found.stream().map(HolderKeyView::of).toList())));
  }
}
