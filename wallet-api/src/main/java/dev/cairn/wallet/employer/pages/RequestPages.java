package dev.cairn.wallet.employer.pages;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.UUID;

/**
 * The signed-in employer's pages: the list of recent requests, the "new request" form, creating a request from a
 * template, one request's page, and its status for the page's poll. Every one reads through {@link VerifierApi} with
 * the session cookie's token; without a cookie the browser is sent to sign in.
 */
final class RequestPages {
  private final VerifierApi api;
  private final CsrfTokens csrf;

  RequestPages(VerifierApi api, CsrfTokens csrf) {
    this.api = api;
    this.csrf = csrf;
  }

  Future<PageReply> list(RoutingContext ctx) {
    return signedIn(ctx, token -> api.me(token).compose(me -> api.requests(token).map(found ->
        PageReply.ok(RequestListView.render(me, found.getJsonArray("items"), csrf.token(token))))));
  }

  Future<PageReply> newRequest(RoutingContext ctx) {
    return signedIn(ctx, token -> Future.succeededFuture(
        PageReply.ok(NewRequestView.render(NewRequestForm.empty(), csrf.token(token), null))));
  }

  Future<PageReply> create(RoutingContext ctx) {
    NewRequestForm form = NewRequestForm.read(ctx.request().formAttributes());
    return signedIn(ctx, token -> {
      Optional<String> problem = form.problem();
      if (problem.isPresent()) {
        return Future.succeededFuture(formAgain(form, token, problem.get()));
      }
      return api.create(token, form.apiRequest())
          .map(created -> PageReply.seeOther("/employer/requests/" + created.getString("id")))
          .recover(failure -> failure instanceof ApiRefusal refusal && refusal.status() >= 400
                  && refusal.status() < 500 && !refusal.sessionOver()
              ? Future.succeededFuture(formAgain(form, token, refusal.getMessage()))
              : Future.failedFuture(failure));
    });
  }

  Future<PageReply> show(RoutingContext ctx) {
    String id = requestId(ctx);
    return signedIn(ctx, token -> api.request(token, id).compose(request -> qrCode(token, request)
        .map(svg -> PageReply.ok(RequestView.render(request, svg)))));
  }

  /** What {@code request.js} polls: only the status, so the poll carries no claims. */
  Future<PageReply> status(RoutingContext ctx) {
    String id = requestId(ctx);
    return signedIn(ctx, token -> api.request(token, id).map(request ->
        PageReply.json(new JsonObject().put("status", request.getString("status")).encode())));
  }

  private Future<Optional<String>> qrCode(String token, JsonObject request) {
    if (!"pending".equals(request.getString("status"))) {
      return Future.succeededFuture(Optional.empty());
    }
    return api.qrSvg(token, request.getString("id")).map(InlineSvg::of);
  }

  private PageReply formAgain(NewRequestForm form, String token, String problem) {
    return PageReply.html(422, NewRequestView.render(form, csrf.token(token), problem));
  }

  private static Future<PageReply> signedIn(RoutingContext ctx,
                                            java.util.function.Function<String, Future<PageReply>> page) {
    Optional<String> token = PageCookies.accessToken(ctx);
    return token.isEmpty() ? Future.succeededFuture(PageReply.seeOther("/employer/sign-in")) : page.apply(token.get());
  }

  /** A page path's id, checked to be a UUID before it is put into an API path. */
  private static String requestId(RoutingContext ctx) {
    try {
      return UUID.fromString(ctx.pathParam("requestId")).toString();
    } catch (IllegalArgumentException e) {
      throw new PageNotFound();
    }
  }

  /** A path under /employer/ that names nothing. */
  static final class PageNotFound extends RuntimeException {
    PageNotFound() {
      super("There is no page here.", null, false, false);
    }
  }
}
