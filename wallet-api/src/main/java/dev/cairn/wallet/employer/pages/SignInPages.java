package dev.cairn.wallet.employer.pages;

import dev.cairn.wallet.account.AccountApi.Credentials;
import dev.cairn.wallet.account.AccountApi.SessionTokens;
import dev.cairn.wallet.account.SessionService;
import dev.cairn.wallet.http.ProblemException;
import dev.cairn.wallet.http.ProblemType;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;

/**
 * Signing in and out on the pages. Sign-in goes through {@link SessionService} itself, not through the API over
 * loopback, so the login throttle sees the browser's address rather than the server's own; the resulting access
 * token becomes the session cookie. Sign-out revokes that sign-in session through the API.
 */
final class SignInPages {
  private final SessionService sessions;
  private final VerifierApi api;
  private final CsrfTokens csrf;

  SignInPages(SessionService sessions, VerifierApi api, CsrfTokens csrf) {
    this.sessions = sessions;
    this.api = api;
    this.csrf = csrf;
  }

  Future<PageReply> form(RoutingContext ctx) {
    if (PageCookies.accessToken(ctx).isPresent()) {
      return Future.succeededFuture(PageReply.seeOther("/employer/"));
    }
    return Future.succeededFuture(PageReply.ok(SignInView.render(csrf.token(PageCookies.signInBinding(ctx)), "", null)));
  }

  Future<PageReply> signIn(RoutingContext ctx) {
    MultiMap form = ctx.request().formAttributes();
    String email = form.get("email") == null ? "" : form.get("email").strip();
    String password = form.get("password") == null ? "" : form.get("password");
    return sessions.login(new Credentials(email, password), clientAddress(ctx), ctx.request().getHeader("User-Agent"))
        .compose(tokens -> employerOnly(tokens))
        .map(tokens -> {
          PageCookies.signedIn(ctx, tokens.accessToken(), tokens.expiresIn());
          return PageReply.seeOther("/employer/");
        })
        .recover(failure -> failure instanceof ProblemException problem
            ? Future.succeededFuture(refused(ctx, email, problem))
            : Future.failedFuture(failure));
  }

  Future<PageReply> signOut(RoutingContext ctx) {
    String token = PageCookies.accessToken(ctx).orElse("");
    Future<Void> revoked = token.isEmpty() ? Future.succeededFuture() : api.signOut(token);
    return revoked.recover(ended -> ended instanceof ApiRefusal refusal && refusal.sessionOver()
            ? Future.succeededFuture() : Future.failedFuture(ended))
        .map(done -> {
          PageCookies.signedOut(ctx);
          return PageReply.seeOther("/employer/sign-in");
        });
  }

  /** A learner's password is right but this is not their page: end the session just made and say so. */
  private Future<SessionTokens> employerOnly(SessionTokens tokens) {
    return api.me(tokens.accessToken()).compose(me -> "employer".equals(me.getString("role"))
        ? Future.succeededFuture(tokens)
        : api.signOut(tokens.accessToken()).compose(done -> Future.failedFuture(new ProblemException(
            ProblemType.FORBIDDEN, "These pages are for employer accounts; learners use the Cairn app."))));
  }

  private PageReply refused(RoutingContext ctx, String email, ProblemException problem) {
    // The form is shown again with a fresh binding: the sign-in cookie may have been the one that just expired.
    String token = csrf.token(PageCookies.signInBinding(ctx));
    return PageReply.html(problem.type().status(), SignInView.render(token, email, problem.detail()));
  }

  private static String clientAddress(RoutingContext ctx) {
    SocketAddress remote = ctx.request().remoteAddress();
    return remote == null ? "unknown" : remote.hostAddress();
  }
}
