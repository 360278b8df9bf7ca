package dev.cairn.wallet.employer.pages;

import dev.cairn.wallet.account.SessionService;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.function.Function;

/**
 * The employer pages under {@code /employer/} (docs/employer-pages.md): server-rendered HTML over Cairn's own REST
 * API, with no front-end build. Each page's stages, in order: security headers → (form POSTs: body limit → CSRF
 * check) → handler; a failure anywhere becomes an error page. The pages are public routes; what they show needs the
 * employer's session cookie.
 */
public final class EmployerPages {
  private static final long MAX_FORM_BYTES = 16 * 1024;
  private static final String FORM = "application/x-www-form-urlencoded";

  private final VerifierApi api;
  private final SignInPages signIn;
  private final RequestPages requests;
  private final CsrfTokens csrf;
  private final Assets assets = new Assets();

  /** {@code csrfKey}: a secret for the pages' CSRF tokens, derived from the key ring at start-up. */
  public EmployerPages(Vertx vertx, SessionService sessions, byte[] csrfKey, String listenHost) {
    this.api = new VerifierApi(vertx, listenHost);
    this.csrf = new CsrfTokens(csrfKey);
    this.signIn = new SignInPages(sessions, api, csrf);
    this.requests = new RequestPages(api, csrf);
  }

  public void register(Router router) {
    router.route("/employer/*").handler(new PageHeaders()).failureHandler(new PageFailures());
    router.get("/employer").handler(this::withSlash);
    page(router, HttpMethod.GET, "/employer/", requests::list);
    page(router, HttpMethod.GET, "/employer/sign-in", signIn::form);
    form(router, "/employer/sign-in", signIn::signIn);
    form(router, "/employer/sign-out", signIn::signOut);
    page(router, HttpMethod.GET, "/employer/requests/new", requests::newRequest);
    form(router, "/employer/requests", requests::create);
    page(router, HttpMethod.GET, "/employer/requests/:requestId", requests::show);
    page(router, HttpMethod.GET, "/employer/requests/:requestId/status", requests::status);
    router.get("/employer/assets/:name").handler(this::asset);
    router.route("/employer/*").handler(ctx -> ctx.fail(404));
  }

  /** Called once the listener has its port: the pages reach the API there. */
  public void listening(int port) {
    api.listening(port);
  }

  private void page(Router router, HttpMethod method, String path, Function<RoutingContext, Future<PageReply>> handler) {
    router.route(method, path).handler(ctx -> run(ctx, handler));
  }

  private void form(Router router, String path, Function<RoutingContext, Future<PageReply>> handler) {
    Route route = router.post(path).consumes(FORM);
    route.handler(BodyHandler.create(false).setBodyLimit(MAX_FORM_BYTES))
        .handler(new CsrfCheck(csrf))
        .handler(ctx -> run(ctx, handler));
  }

  private static void run(RoutingContext ctx, Function<RoutingContext, Future<PageReply>> handler) {
    try {
      handler.apply(ctx).onComplete(done -> {
        if (done.succeeded()) {
          write(ctx.response(), done.result());
        } else {
          ctx.fail(done.cause());
        }
      });
    } catch (RuntimeException e) {
      ctx.fail(e);
    }
  }

  private static void write(HttpServerResponse response, PageReply reply) {
    if (response.ended()) {
      return;
    }
    response.setStatusCode(reply.status());
    if (reply.location() != null) {
      response.putHeader("Location", reply.location());
    }
    if (reply.body() == null) {
      response.end();
    } else {
      response.putHeader("Content-Type", reply.contentType()).end(reply.body());
    }
  }

  /** Vert.x matches {@code /employer} and {@code /employer/} alike; only the first is sent on to the second. */
  private void withSlash(RoutingContext ctx) {
    if (ctx.request().path().equals("/employer")) {
      write(ctx.response(), PageReply.seeOther("/employer/"));
    } else {
      ctx.next();
    }
  }

  private void asset(RoutingContext ctx) {
    assets.named(ctx.pathParam("name")).ifPresentOrElse(
        asset -> ctx.response().putHeader("Content-Type", asset.contentType()).end(Buffer.buffer(asset.bytes())),
        () -> ctx.fail(404));
  }
}
