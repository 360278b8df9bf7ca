package dev.cairn.wallet.employer.pages;

import static dev.cairn.wallet.employer.pages.Html.text;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A fulfilled request's verified answer, per Credential Query and credential: who issued it, the achievement, the
 * claims the learner disclosed, and every check Cairn ran on receipt.
 */
final class VerifiedResultView {
  private VerifiedResultView() {}

  static String render(JsonObject verified) {
    StringBuilder out = new StringBuilder("<section id=\"verified\">\n<h2>Verified</h2>\n");
    for (String queryId : verified.fieldNames()) {
      for (Object entry : verified.getJsonArray(queryId, new JsonArray())) {
        out.append(credential(queryId, (JsonObject) entry));
      }
    }
    return out.append("</section>\n").toString();
  }

  private static String credential(String queryId, JsonObject entry) {
    JsonObject credential = entry.getJsonObject("credential", new JsonObject());
    JsonObject display = credential.getJsonObject("display", new JsonObject());
    JsonObject issuer = display.getJsonObject("issuer", new JsonObject());
    String achievement = display.getJsonObject("achievement", new JsonObject())
        .getString("name", display.getString("title", "A credential"));
    String issuerText = issuer.containsKey("name")
        ? issuer.getString("name") + " (" + credential.getString("issuer") + ")"
        : credential.getString("issuer");
    String issued = credential.getString("issued", credential.getString("validFrom", "not stated"));
    return """
        <article class="card credential" data-query="%s">
        <h3 class="achievement">%s</h3>
        <dl>
        <dt>Issuer</dt><dd class="issuer">%s</dd>
        <dt>Issued</dt><dd>%s</dd>
        <dt>Format</dt><dd>%s</dd>
        <dt>Verdict</dt><dd class="verdict">%s</dd>
        </dl>
        <h4>Disclosed claims</h4>
        %s
        <h4>Checks</h4>
        %s
        </article>
        """.formatted(text(queryId), text(achievement), text(issuerText), text(issued), text(entry.getString("format")),
        entry.getBoolean("valid", false) ? "valid" : "not valid", claims(credential.getJsonObject("claims")),
        checks(entry.getJsonArray("checks", new JsonArray())));
  }

  private static String claims(JsonObject claims) {
    if (claims == null || claims.isEmpty()) {
      return "<p class=\"quiet\">None.</p>";
    }
    StringBuilder table = new StringBuilder("<table class=\"claims\"><tbody>\n");
    for (ClaimRows.Row row : ClaimRows.of(claims)) {
      table.append("<tr><th>").append(text(row.path())).append("</th><td>").append(text(row.value()))
          .append("</td></tr>\n");
    }
    return table.append("</tbody></table>").toString();
  }

  private static String checks(JsonArray checks) {
    StringBuilder list = new StringBuilder("<ul class=\"checks\">\n");
    for (Object item : checks) {
      JsonObject check = (JsonObject) item;
      list.append("<li class=\"").append(text(check.getString("outcome"))).append("\"><strong>")
          .append(text(check.getString("check"))).append("</strong>: ").append(text(check.getString("outcome")));
      if (check.getString("detail") != null) {
        list.append(" — ").append(text(check.getString("detail")));
      }
      list.append("</li>\n");
    }
    return list.append("</ul>").toString();
  }
}
