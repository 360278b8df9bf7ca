package dev.cairn.wallet.employer.pages;

import dev.cairn.wallet.http.ProblemException;
import dev.cairn.wallet.http.RequestId;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Failures under /employer/ become pages, never problem documents or stack traces: an ended session sends the
 * browser to sign in; a refusal is shown with its message; anything unexpected is logged and shown as a plain 500.
 */
final class PageFailures implements Handler<RoutingContext> {
  private static final Logger LOG = LoggerFactory.getLogger(PageFailures.class);

  @Override
  public void handle(RoutingContext ctx) {
    HttpServerResponse response = ctx.response();
    if (response.headWritten()) {
      response.reset();
      return;
    }
    Throwable failure = ctx.failure();
    if (failure instanceof ApiRefusal refusal && refusal.sessionOver()) {
      PageCookies.signedOut(ctx);
      response.setStatusCode(303).putHeader("Location", "/employer/sign-in").end();
      return;
    }
    int status;
    String message;
    if (failure instanceof ApiRefusal refusal) {
      status = refusal.status();
      message = refusal.getMessage();
    } else if (failure instanceof ProblemException problem) {
      status = problem.type().status();
      message = problem.detail();
    } else if (failure instanceof CsrfCheck.FormRefused || failure instanceof RequestPages.PageNotFound) {
      status = failure instanceof CsrfCheck.FormRefused ? 403 : 404;
      message = failure.getMessage();
    } else {
      status = failure instanceof HttpException http ? http.getStatusCode() : ctx.statusCode();
      message = switch (status) {
        case 404 -> "There is no page here.";
        case 413 -> "The form is larger than this page accepts.";
        case 400 -> "The form could not be read.";
        default -> "Something went wrong on our side; quote the request id when reporting it.";
      };
      if (status < 400 || status >= 500) {
        LOG.error("unhandled failure on {} {}", ctx.request().method(), ctx.request().path(), failure);
        status = 500;
      }
    }
    response.setStatusCode(status).putHeader("Content-Type", PageReply.HTML)
        .end(ErrorView.render(status, message, RequestId.of(ctx)));
  }
}
