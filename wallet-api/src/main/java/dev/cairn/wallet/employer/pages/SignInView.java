package dev.cairn.wallet.employer.pages;

import static dev.cairn.wallet.employer.pages.Html.text;

/** The sign-in page: an employer account's email and password, with the form's CSRF token. */
final class SignInView {
  private SignInView() {}

  static String render(String csrf, String email, String error) {
    String message = error == null ? "" : "<p class=\"error\" role=\"alert\">" + text(error) + "</p>\n";
    return Html.page("Sign in", """
        <h1>Sign in</h1>
        <p>Ask learners for proof of their micro-credentials and badges, and see what they chose to share.</p>
        %s<form method="post" action="/employer/sign-in" class="card">
        <input type="hidden" name="%s" value="%s">
        <label>Email <input type="email" name="email" value="%s" required autocomplete="username"></label>
        <label>Password <input type="password" name="password" required autocomplete="current-password"></label>
        <button type="submit">Sign in</button>
        </form>
        """.formatted(message, CsrfTokens.FIELD, text(csrf), text(email)));
  }
}
