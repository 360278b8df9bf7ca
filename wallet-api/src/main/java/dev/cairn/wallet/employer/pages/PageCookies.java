package dev.cairn.wallet.employer.pages;

import dev.cairn.wallet.account.OpaqueToken;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * The employer pages' two cookies. The session cookie carries Cairn's own access token (the one
 * {@code POST /v1/sessions} issues), so the pages have no session store of their own and signing out revokes the
 * same sign-in session the API knows. The sign-in cookie is a random value that binds the sign-in form's CSRF token
 * before there is a session. Both are HttpOnly (no script reads them), SameSite=Strict (no other site's page sends
 * them), scoped to {@code /employer}, and Secure whenever the page was reached over https.
 */
final class PageCookies {
  static final String SESSION = "cairn_employer_session";
  static final String SIGN_IN = "cairn_employer_sign_in";
  static final String PATH = "/employer";

  private PageCookies() {}

  static Optional<String> accessToken(RoutingContext ctx) {
    return value(ctx, SESSION);
  }

  /** What this browser's CSRF tokens are bound to: its session once signed in, its sign-in cookie before. */
  static Optional<String> csrfBinding(RoutingContext ctx) {
    return accessToken(ctx).or(() -> value(ctx, SIGN_IN));
  }

  /** The browser's sign-in cookie, set now when it has none. */
  static String signInBinding(RoutingContext ctx) {
    Optional<String> existing = value(ctx, SIGN_IN);
    if (existing.isPresent()) {
      return existing.get();
    }
    String fresh = OpaqueToken.generate();
    ctx.response().addCookie(cookie(ctx, SIGN_IN, fresh).setMaxAge(3600));
    return fresh;
  }

  static void signedIn(RoutingContext ctx, String accessToken, long lifetimeSeconds) {
    ctx.response().addCookie(cookie(ctx, SESSION, accessToken).setMaxAge(lifetimeSeconds));
    expire(ctx, SIGN_IN);
  }

  static void signedOut(RoutingContext ctx) {
    expire(ctx, SESSION);
  }

  private static void expire(RoutingContext ctx, String name) {
    ctx.response().addCookie(cookie(ctx, name, "").setMaxAge(0));
  }

  private static Optional<String> value(RoutingContext ctx, String name) {
    Cookie cookie = ctx.request().getCookie(name);
    return cookie == null || cookie.getValue().isEmpty() ? Optional.empty() : Optional.of(cookie.getValue());
  }

  private static Cookie cookie(RoutingContext ctx, String name, String value) {
    return Cookie.cookie(name, value)
        .setPath(PATH)
        .setHttpOnly(true)
        .setSameSite(CookieSameSite.STRICT)
        // Behind a proxy the scheme comes from X-Forwarded-Proto when CAIRN_HTTP_TRUST_FORWARDED is set.
        .setSecure("https".equals(ctx.request().scheme()));
  }
}
