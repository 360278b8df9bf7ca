package dev.cairn.wallet.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Writes RFC 9457 problem documents: {@code type}, {@code title}, {@code status}, {@code detail}, {@code instance}. */
public final class Problems {
  public static final String MEDIA_TYPE = "application/problem+json";

  private Problems() {}

  public static void send(RoutingContext ctx, ProblemException problem) {
    HttpServerResponse response = ctx.response();
    if (response.headWritten()) {
      response.reset();
      return;
    }
    problem.headers().forEach(response::putHeader);
    ProblemType type = problem.type();
    if (type.status() == 401 && !response.headers().contains("WWW-Authenticate")) {
      // RFC 9110 §15.5.2: every 401 carries a challenge.
      response.putHeader("WWW-Authenticate", "Bearer realm=\"cairn\"");
    }
    JsonObject body = new JsonObject()
        .put("type", type.uri().toString())
        .put("title", type.title())
        .put("status", type.status())
        .put("detail", problem.detail())
        .put("instance", RequestId.of(ctx));
    problem.extensions().forEach(body::put);
    response.setStatusCode(type.status())
        .putHeader("Content-Type", MEDIA_TYPE)
        .putHeader("Cache-Control", "no-store")
        .end(Buffer.buffer(body.encode()));
  }
}
