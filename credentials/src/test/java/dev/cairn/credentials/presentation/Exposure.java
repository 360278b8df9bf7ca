package dev.cairn.credentials.presentation;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Everything anyone holding a presentation can read from it: its text, and every base64url run in it decoded, and
 * every run in that decoded, a few levels down (JWT segments, disclosures, a credential JWT inside a VP-JWT inside
 * a data: URL). A claim value absent from this text did not leave.
 */
final class Exposure {
  private static final Pattern BASE64URL_RUN = Pattern.compile("[A-Za-z0-9_-]{12,}");

  private Exposure() {}

  static String readable(Presentation presentation) {
    return readable(presentation.text());
  }

  static String readable(String text) {
    return expand(text, 4);
  }

  private static String expand(String text, int depth) {
    StringBuilder out = new StringBuilder(text);
    if (depth == 0) {
      return out.toString();
    }
    Matcher run = BASE64URL_RUN.matcher(text);
    while (run.find()) {
      try {
        String decoded = new String(Base64.getUrlDecoder().decode(run.group()), StandardCharsets.UTF_8);
        out.append('\n').append(expand(decoded, depth - 1));
      } catch (IllegalArgumentException notBase64url) {
        // a word of the JSON, not an encoding
      }
    }
    return out.toString();
  }
}
