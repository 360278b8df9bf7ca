package dev.cairn.wallet.employer.pages;

/**
 * Text made safe for HTML, and the frame every employer page shares. Every value a page prints goes through
 * {@link #text}: it escapes for element content and for double-quoted attribute values alike, so a view cannot
 * pick the wrong one.
 */
final class Html {
  private Html() {}

  /** Escapes {@code & < > " '}: enough for element content and quoted attributes (never for unquoted ones). */
  static String text(Object value) {
    return dev.cairn.wallet.http.HtmlText.escape(value);
  }

  /**
   * A whole page: {@code title} is escaped here, {@code body} is markup the caller built with {@link #text}.
   * The only script and style are same-origin files, which the Content-Security-Policy allows.
   */
  static String page(String title, String body) {
    return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>%s · Cairn for employers</title>
        <link rel="stylesheet" href="/employer/assets/pages.css">
        <script src="/employer/assets/request.js" defer></script>
        </head>
        <body>
        <header><a class="brand" href="/employer/">Cairn for employers</a></header>
        <main>
        %s
        </main>
        </body>
        </html>
        """.formatted(text(title), body);
  }
}
