package dev.cairn.issuer.reference;

import dev.cairn.credentials.status.StatusListDocuments;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The published status lists, public: Token Status List §8.1 (GET, {@code application/statuslist+jwt}, CORS
 * "SHOULD") and Bitstring Status List §4 (the list credential, here {@code application/vc+jwt}). Caches may keep
 * them as long as verifiers do: {@code max-age} is the lists' {@code ttl}.
 */
final class StatusListRoutes {
  private final IssuerEndpoints endpoints;
  private final StatusLists lists;

  StatusListRoutes(IssuerEndpoints endpoints, StatusLists lists) {
    this.endpoints = endpoints;
    this.lists = lists;
  }

  void mount(Router router) {
    router.get(endpoints.local(StatusLists.TOKEN_STATUS_LIST))
        .handler(context -> serve(context, StatusListDocuments.STATUS_LIST_JWT_MEDIA_TYPE, lists.statusListToken()));
    router.get(endpoints.local(StatusLists.REVOCATION_LIST))
        .handler(context -> serve(context, StatusLists.VC_JWT_MEDIA_TYPE, lists.revocationListCredential()));
  }

  private static void serve(RoutingContext context, String mediaType, Future<String> signed) {
    signed.onSuccess(body -> context.response().putHeader("Content-Type", mediaType)
            .putHeader("Cache-Control", "public, max-age=" + StatusLists.TTL.toSeconds())
            .putHeader("Access-Control-Allow-Origin", "*")
            .end(body))
        .onFailure(context::fail);
  }
}
