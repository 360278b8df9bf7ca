package dev.cairn.wallet.share;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * The server-rendered page of a share link: per credential its title, issuer, achievement, dates, the status as
 * checked at this view, and the shared claims. Everything printed is escaped; the page has no script.
 */
final class SharePage {
  /** No script, no framing, no outbound requests but inline styles; nothing cached, nothing indexed. */
  static final Map<String, String> HEADERS = Map.of(
      "Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
      "Referrer-Policy", "no-referrer",
      "X-Content-Type-Options", "nosniff",
      "X-Robots-Tag", "noindex",
      "Cache-Control", "no-store");

  private SharePage() {}

  static String render(JsonObject view) {
    StringBuilder html = new StringBuilder("""
        <!doctype html><html lang="en"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Shared credentials</title>
        <style>body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#222}
        section{border:1px solid #ccc;border-radius:.5rem;padding:1rem;margin:1rem 0}
        .valid{color:#176f2c}.invalid{color:#a11}dt{font-weight:600}dd{margin:0 0 .5rem 0}</style></head><body>
        <h1>Shared credentials</h1>
        """);
    if (view.getString("label") != null) {
      html.append("<p>Shared with: ").append(escape(view.getString("label"))).append("</p>");
    }
    html.append("<p>Checked ").append(escape(view.getString("checked_at"))).append(". This link expires ")
        .append(escape(view.getString("expires_at"))).append(".</p>");
    for (Object entry : view.getJsonArray("credentials")) {
      credential(html, (JsonObject) entry);
    }
    return html.append("</body></html>").toString();
  }

  private static void credential(StringBuilder html, JsonObject credential) {
    html.append("<section>");
    if (!credential.getBoolean("available", false)) {
      html.append("<p>This credential is no longer in the wallet.</p></section>");
      return;
    }
    JsonObject display = credential.getJsonObject("display", new JsonObject());
    boolean valid = credential.getBoolean("valid", false);
    html.append("<h2>").append(escape(display.getString("title", "Credential"))).append("</h2>")
        .append("<p class=\"").append(valid ? "valid" : "invalid").append("\">")
        .append(valid ? "Verified: signature, issuer key, validity and status check out"
            : "Not valid: " + escape(firstFailure(credential.getJsonArray("checks", new JsonArray()))))
        .append(" (status: ").append(escape(credential.getString("status", "unknown"))).append(")</p><dl>");
    JsonObject issuer = display.getJsonObject("issuer", new JsonObject());
    term(html, "Issuer", issuer.getString("name", "") + " (" + issuer.getString("id", credential.getString("issuer", "")) + ")");
    JsonObject achievement = display.getJsonObject("achievement");
    if (achievement != null) {
      term(html, "Achievement", achievement.getString("name"));
      term(html, "Description", achievement.getString("description"));
    }
    term(html, "Issued", display.getString("issued"));
    term(html, "Valid from", display.getString("validFrom"));
    term(html, "Valid until", display.getString("validUntil"));
    html.append("</dl><details><summary>Shared claims</summary><pre>")
        .append(escape(credential.getJsonObject("claims", new JsonObject()).encodePrettily())).append("</pre></details>");
    html.append("</section>");
  }

  private static void term(StringBuilder html, String name, String value) {
    if (value != null && !value.isBlank()) {
      html.append("<dt>").append(escape(name)).append("</dt><dd>").append(escape(value)).append("</dd>");
    }
  }

  private static String firstFailure(JsonArray checks) {
    return checks.stream().map(JsonObject.class::cast).filter(check -> "failed".equals(check.getString("outcome")))
        .map(check -> check.getString("check") + " (" + check.getString("reason", "") + ")").findFirst().orElse("unknown");
  }

  private static String escape(String text) {
    return dev.cairn.wallet.http.HtmlText.escape(text);
  }
}
