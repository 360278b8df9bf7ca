package dev.cairn.wallet.http;

import io.vertx.ext.web.RoutingContext;
import java.util.UUID;
import java.util.function.Supplier;

/** Ids in paths: one that is not a UUID names nothing, and is answered like any unknown id (404). */
public final class PathIds {
  private PathIds() {}

  /** The UUID in path parameter {@code parameter}, or {@code notFound}'s problem (the same as for an unknown id). */
  public static UUID uuid(RoutingContext ctx, String parameter, Supplier<ProblemException> notFound) {
    try {
      return UUID.fromString(ctx.pathParam(parameter));
    } catch (IllegalArgumentException e) {
      throw notFound.get();
    }
  }
}
