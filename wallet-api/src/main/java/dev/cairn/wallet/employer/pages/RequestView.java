package dev.cairn.wallet.employer.pages;

import static dev.cairn.wallet.employer.pages.Html.text;

import io.vertx.core.json.JsonObject;
import java.util.Optional;

/**
 * One request's page. While pending: the QR code and the {@code openid4vp://} link for the learner's wallet, and the
 * status, which {@code request.js} polls and reloads the page on when it changes. Once answered: the verified result,
 * or why it was rejected, or that it expired.
 */
final class RequestView {
  private RequestView() {}

  static String render(JsonObject request, Optional<String> qrSvg) {
    String id = request.getString("id");
    String status = request.getString("status");
    return Html.page(request.getString("purpose"), """
        <p><a href="/employer/">← Your requests</a></p>
        <h1>%s</h1>
        <p>Status: <span id="status" class="status %s" data-status="%s" data-poll="/employer/requests/%s/status">%s</span>
        · created %s · expires %s</p>
        %s
        """.formatted(text(request.getString("purpose")), text(status), text(status), text(id), text(status),
        text(request.getString("created_at")), text(request.getString("expires_at")), body(request, status, qrSvg)));
  }

  private static String body(JsonObject request, String status, Optional<String> qrSvg) {
    return switch (status) {
      case "pending" -> pending(request.getString("authorization_request"), qrSvg);
      case "fulfilled" -> VerifiedResultView.render(request.getJsonObject("verified", new JsonObject()));
      case "rejected" -> """
          <section id="rejected" class="card"><h2>Rejected</h2>
          <p>Reason: <code class="reason">%s</code></p><p>%s</p></section>
          """.formatted(text(request.getString("reason")), text(request.getString("reason_detail", "")));
      default -> "<section id=\"expired\" class=\"card\"><h2>Expired</h2>"
          + "<p>No answer arrived in time. Create a new request to ask again.</p></section>";
    };
  }

  /** Only an {@code openid4vp://} URL becomes a link target, never a {@code javascript:} one, whatever arrives. */
  private static String pending(String link, Optional<String> qrSvg) {
    String qr = qrSvg.map(svg -> "<figure id=\"qr\" class=\"qr\">" + svg + "</figure>")
        .orElse("<p class=\"quiet\">The QR code is not available; use the link.</p>");
    return """
        <section class="card">
        <h2>Ask the learner to scan this with their wallet</h2>
        %s
        <p>Or send them this link: <a id="wallet-link" href="%s">open in a wallet</a></p>
        <p><code id="authorization-request">%s</code></p>
        </section>
        """.formatted(qr, text(link.startsWith("openid4vp://") ? link : "#"), text(link));
  }
}
