package dev.cairn.issuer.reference;

import java.net.URI;
import java.util.Locale;

/**
 * The "user step" of the Authorization Code Flow (§5, RFC 6749 §4.1.1): a server-rendered page, no script, where
 * the learner sees what will be issued to whom and confirms or declines with a form POST. Every value is
 * HTML-escaped; the Content-Security-Policy allows nothing but that form, to this issuer and on to the redirect URI.
 */
final class ConsentPage {
  private ConsentPage() {}

  static String confirm(ReferenceIssuerConfig config, String action, String consentId, AuthorizationRequest request) {
    StringBuilder items = new StringBuilder();
    request.configurationIds().forEach(id -> items.append("<li>").append(escape(id)).append("</li>"));
    return page(config, "Issue your credential",
        "<p>" + escape(config.name()) + " will issue <strong>" + escape(request.offer().achievement().name())
            + "</strong> to <strong>" + escape(request.offer().learnerName()) + "</strong> as:</p><ul>" + items + "</ul>"
            + "<p>It goes to the wallet application <code>" + escape(request.clientId()) + "</code>, which returns to <code>"
            + escape(request.redirectUri().toString()) + "</code>.</p>"
            + "<form method=\"post\" action=\"" + escape(action) + "\">"
            + "<input type=\"hidden\" name=\"consent\" value=\"" + escape(consentId) + "\">"
            + "<button type=\"submit\" name=\"decision\" value=\"approve\">Issue to my wallet</button> "
            + "<button type=\"submit\" name=\"decision\" value=\"deny\">Cancel</button></form>");
  }

  static String error(ReferenceIssuerConfig config, String error, String description) {
    return page(config, "This request cannot be used", "<p><code>" + escape(error) + "</code>: " + escape(description)
        + "</p><p>Go back to your wallet and start again.</p>");
  }

  /**
   * No script, no style, no frames; forms post here and, because browsers apply {@code form-action} to the
   * redirect a form submission answers with, on to the redirect URI's origin or private-use scheme.
   */
  static String contentSecurityPolicy(URI redirectUri) {
    String target = redirectUri == null ? "" : " " + source(redirectUri);
    return "default-src 'none'; form-action 'self'" + target + "; frame-ancestors 'none'; base-uri 'none'";
  }

  private static String source(URI uri) {
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    if (scheme.equals("https") || scheme.equals("http")) {
      return scheme + "://" + uri.getRawAuthority();
    }
    return scheme + ":";
  }

  private static String page(ReferenceIssuerConfig config, String title, String body) {
    return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title) + " - "
        + escape(config.name()) + "</title></head><body><h1>" + escape(title) + "</h1>" + body + "</body></html>";
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
