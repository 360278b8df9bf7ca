package dev.cairn.wallet.employer.pages;

import static dev.cairn.wallet.employer.pages.Html.text;

/**
 * The "new request" page: one form per template (so no script is needed to switch between them), each with the
 * purpose the learner will read and an expiry.
 */
final class NewRequestView {
  private NewRequestView() {}

  static String render(NewRequestForm form, String csrf, String error) {
    String message = error == null ? "" : "<p class=\"error\" role=\"alert\">" + text(error) + "</p>\n";
    boolean micro = !form.template().equals(NewRequestForm.OPEN_BADGE_SKILL);
    return Html.page("New request", message + "<h1>New request</h1>\n"
        + """
        <form method="post" action="/employer/requests" class="card" id="micro-credential">
        <h2>A micro-credential from a given issuer: its name and date</h2>
        <input type="hidden" name="%s" value="%s">
        <input type="hidden" name="template" value="%s">
        <label>Issuer (DID or https URL) <input type="text" name="issuer" value="%s" required></label>
        <label>SD-JWT VC type (vct), optional <input type="text" name="vct" value="%s"></label>
        %s
        <button type="submit">Create request</button>
        </form>
        """.formatted(CsrfTokens.FIELD, text(csrf), NewRequestForm.MICRO_CREDENTIAL, text(micro ? form.issuer() : ""),
            text(micro ? form.vct() : NewRequestForm.DEFAULT_VCT), common(form, micro))
        + """
        <form method="post" action="/employer/requests" class="card" id="open-badge-skill">
        <h2>Any Open Badge showing a skill</h2>
        <input type="hidden" name="%s" value="%s">
        <input type="hidden" name="template" value="%s">
        <label>Skill <input type="text" name="skill" value="%s" required></label>
        %s
        <button type="submit">Create request</button>
        </form>
        """.formatted(CsrfTokens.FIELD, text(csrf), NewRequestForm.OPEN_BADGE_SKILL, text(micro ? "" : form.skill()),
            common(form, !micro)));
  }

  /** Purpose and expiry, filled in again only on the form that was submitted. */
  private static String common(NewRequestForm form, boolean submitted) {
    StringBuilder expiry = new StringBuilder();
    for (int minutes : NewRequestForm.EXPIRY_MINUTES) {
      boolean selected = submitted ? minutes == form.expiresMinutes() : minutes == 10;
      expiry.append("<option value=\"").append(minutes).append('"').append(selected ? " selected" : "").append('>')
          .append(minutes < 60 ? minutes + " minutes" : minutes == 60 ? "1 hour" : "1 day").append("</option>");
    }
    return """
        <label>Purpose (the learner reads it) <input type="text" name="purpose" value="%s" maxlength="500" required></label>
        <label>Expires after <select name="expires_minutes">%s</select></label>"""
        .formatted(text(submitted ? form.purpose() : ""), expiry);
  }
}
