package dev.cairn.wallet.employer.pages;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/** The stage in front of every form POST: the form's token must be the one for this browser's cookie, or 403. */
final class CsrfCheck implements Handler<RoutingContext> {
  private final CsrfTokens tokens;

  CsrfCheck(CsrfTokens tokens) {
    this.tokens = tokens;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String presented = ctx.request().getFormAttribute(CsrfTokens.FIELD);
    if (tokens.matches(PageCookies.csrfBinding(ctx).orElse(null), presented)) {
      ctx.next();
    } else {
      ctx.fail(new FormRefused());
    }
  }

  /** A form POST without this browser's CSRF token. */
  static final class FormRefused extends RuntimeException {
    FormRefused() {
      super("This form has expired or did not come from this site. Go back, reload the page and try again.",
          null, false, false);
    }
  }
}
