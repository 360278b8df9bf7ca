package dev.cairn.wallet.employer.pages;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * The first stage of every employer page, error pages included: the browser may run only this origin's script and
 * style files (no inline script, so an injected {@code <script>} would not run even if escaping failed), send forms
 * only here, never frame the page, never send its URL (with a request id in it) as a Referer, and never store it.
 */
final class PageHeaders implements Handler<RoutingContext> {
  static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
      + "img-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

  @Override
  public void handle(RoutingContext ctx) {
    ctx.response().headers()
        .set("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        .set("X-Frame-Options", "DENY")
        .set("Referrer-Policy", "no-referrer")
        .set("Cache-Control", "no-store")
        .set("X-Content-Type-Options", "nosniff")
        .set("Cross-Origin-Opener-Policy", "same-origin");
    ctx.next();
  }
}
