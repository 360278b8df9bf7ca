package dev.cairn.wallet.http;

import io.vertx.core.MultiMap;
import java.util.Set;

/** Query strings are as strict as bodies: a parameter the route does not know is the caller's mistake. */
public final class QueryParameters {
  private QueryParameters() {}

  public static void only(MultiMap params, Set<String> known) {
    for (String name : params.names()) {
      if (!known.contains(name)) {
        throw new ProblemException(ProblemType.INVALID_REQUEST, "Unknown query parameter '" + name + "'");
      }
    }
  }
}
