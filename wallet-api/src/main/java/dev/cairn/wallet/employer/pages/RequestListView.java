package dev.cairn.wallet.employer.pages;

import static dev.cairn.wallet.employer.pages.Html.text;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The organisation's recent requests, newest first, each linking to its page; and sign-out. */
final class RequestListView {
  private RequestListView() {}

  static String render(JsonObject me, JsonArray requests, String csrf) {
    StringBuilder rows = new StringBuilder();
    for (Object item : requests) {
      JsonObject request = (JsonObject) item;
      rows.append("<tr><td><a href=\"/employer/requests/").append(text(request.getString("id"))).append("\">")
          .append(text(request.getString("purpose"))).append("</a></td><td><span class=\"status ")
          .append(text(request.getString("status"))).append("\">").append(text(request.getString("status")))
          .append("</span></td><td>").append(text(request.getString("created_at"))).append("</td><td>")
          .append(text(request.getString("expires_at"))).append("</td></tr>\n");
    }
    String table = requests.isEmpty()
        ? "<p class=\"quiet\">No requests yet.</p>"
        : "<table><thead><tr><th>Purpose</th><th>Status</th><th>Created</th><th>Expires</th></tr></thead><tbody>\n"
            + rows + "</tbody></table>";
    return Html.page("Your requests", """
        <div class="bar"><span>%s · %s</span>
        <form method="post" action="/employer/sign-out"><input type="hidden" name="%s" value="%s">
        <button type="submit" class="link">Sign out</button></form></div>
        <h1>Your requests</h1>
        <p><a class="button" href="/employer/requests/new">New request</a></p>
        %s
        """.formatted(text(me.getString("organisation")), text(me.getString("email")), CsrfTokens.FIELD, text(csrf),
        table));
  }
}
