package dev.cairn.wallet.http;

import dev.cairn.wallet.db.DatabaseUnavailable;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last stage of every request that failed: a {@link ProblemException} becomes its problem document,
 * a router status (404, 405, 413, 415) becomes the matching problem, the database being unreachable is 503
 * ({@link DatabaseUnavailable}), and anything else is logged with its
 * stack trace and answered 500 with no internals in the body.
 */
public final class FailureHandler implements Handler<RoutingContext> {
  private static final Logger LOG = LoggerFactory.getLogger(FailureHandler.class);
  /** About what a PostgreSQL restart or a CloudNativePG failover takes. */
  private static final String DATABASE_RETRY_AFTER_SECONDS = "5";

  @Override
  public void handle(RoutingContext ctx) {
    Problems.send(ctx, toProblem(ctx));
  }

  private ProblemException toProblem(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    if (failure instanceof ProblemException problem) {
      return problem;
    }
    if (failure != null && DatabaseUnavailable.causedBy(failure)) {
      LOG.warn("database unavailable on {} {}: {}", ctx.request().method(), ctx.request().path(), failure.toString());
      return new ProblemException(ProblemType.UNAVAILABLE, "The database is not reachable; retry shortly",
          Map.of("Retry-After", DATABASE_RETRY_AFTER_SECONDS));
    }
    int status = failure instanceof HttpException http ? http.getStatusCode() : ctx.statusCode();
    return switch (status) {
      case 404 -> new ProblemException(ProblemType.NOT_FOUND,
          "No resource at " + ctx.request().method() + " " + ctx.request().path());
      case 405 -> new ProblemException(ProblemType.METHOD_NOT_ALLOWED,
          "The resource at " + ctx.request().path() + " does not accept " + ctx.request().method());
      case 413 -> new ProblemException(ProblemType.PAYLOAD_TOO_LARGE,
          "The request body exceeds the limit of this endpoint");
      case 415 -> new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE, unsupportedMediaDetail(ctx));
      case 400 -> new ProblemException(ProblemType.INVALID_REQUEST, "The request could not be read");
      default -> {
        LOG.error("unhandled failure on {} {}", ctx.request().method(), ctx.request().path(), failure);
        yield new ProblemException(ProblemType.INTERNAL_ERROR,
            "An unexpected error occurred; quote the request id when reporting it");
      }
    };
  }

  private static String unsupportedMediaDetail(RoutingContext ctx) {
    String given = ctx.request().getHeader("Content-Type");
    java.util.List<String> accepted = ctx.get(RouteTable.ACCEPTED_MEDIA_TYPES_KEY);
    String takes = accepted == null || accepted.isEmpty() ? "application/json" : String.join(", ", accepted);
    return given == null
        ? "The request has no Content-Type; this endpoint accepts " + takes
        : "Content-Type '" + abbreviate(given) + "' is not accepted here; this endpoint accepts " + takes;
  }

  private static String abbreviate(String value) {
    return value.length() <= 100 ? value : value.substring(0, 100) + "…";
  }
}
