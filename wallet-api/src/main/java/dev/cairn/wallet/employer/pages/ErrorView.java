package dev.cairn.wallet.employer.pages;

import static dev.cairn.wallet.employer.pages.Html.text;

/** A page for anything that went wrong: a plain message, never a stack trace; the request id for a support call. */
final class ErrorView {
  private ErrorView() {}

  static String render(int status, String message, String requestId) {
    String title = switch (status) {
      case 403 -> "Not allowed";
      case 404 -> "Not found";
      case 413 -> "Too large";
      default -> status >= 500 ? "Something went wrong" : "That did not work";
    };
    return Html.page(title, """
        <h1>%s</h1>
        <p class="error" role="alert">%s</p>
        <p class="quiet">Request id: <code>%s</code></p>
        <p><a href="/employer/">Back to your requests</a></p>
        """.formatted(text(title), text(message), text(requestId)));
  }
}
