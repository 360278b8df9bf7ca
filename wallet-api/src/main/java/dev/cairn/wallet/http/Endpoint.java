package dev.cairn.wallet.http;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

/**
 * A route's handler: read the request, call a service, say what to answer. A failed future (or a thrown
 * {@link ProblemException}) becomes a problem response; the endpoint never writes the response itself.
 */
@FunctionalInterface
public interface Endpoint {
  Future<Reply> handle(RoutingContext ctx);
}
