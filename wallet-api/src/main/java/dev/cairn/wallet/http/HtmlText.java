package dev.cairn.wallet.http;

/** Text made safe for the server-rendered pages (employer pages, share links). */
public final class HtmlText {
  private HtmlText() {}

  /** Escapes {@code & < > " '}: enough for element content and quoted attributes (never for unquoted ones). */
  public static String escape(Object value) {
    if (value == null) {
      return "";
    }
    String raw = value.toString();
    StringBuilder out = new StringBuilder(raw.length() + 16);
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
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
