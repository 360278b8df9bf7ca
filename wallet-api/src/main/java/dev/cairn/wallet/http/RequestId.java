package dev.cairn.wallet.http;

import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * First stage of every request: accept a sane {@code X-Request-Id} or make one, echo it, and keep it in the
 * request's Vert.x context so every log line written while serving the request carries it.
 */
public final class RequestId implements Handler<RoutingContext> {
  public static final String HEADER = "X-Request-Id";
  static final String CONTEXT_KEY = "cairn.requestId";
  private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
  private static final SecureRandom RANDOM = new SecureRandom();

  @Override
  public void handle(RoutingContext ctx) {
    String offered = ctx.request().getHeader(HEADER);
    String id = offered != null && SANE.matcher(offered).matches() ? offered : generate();
    ctx.put(CONTEXT_KEY, id);
    Context context = Vertx.currentContext();
    if (context != null) {
      context.putLocal(CONTEXT_KEY, id);
    }
    ctx.response().putHeader(HEADER, id);
    ctx.next();
  }

  public static String of(RoutingContext ctx) {
    String id = ctx.get(CONTEXT_KEY);
    return id == null ? "unknown" : id;
  }

  /** The id of the request being served on the calling thread, if any; read by the JSON log encoder. */
  public static Optional<String> current() {
    Context context = Vertx.currentContext();
    return context == null ? Optional.empty() : Optional.ofNullable(context.getLocal(CONTEXT_KEY));
  }

  private static String generate() {
    byte[] bytes = new byte[12];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
