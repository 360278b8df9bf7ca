package dev.cairn.wallet.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code application/x-www-form-urlencoded} text — a form body (OpenID4VP §8.2) or a URL's query (an
 * {@code openid4vp://} link) — read strictly: a parameter given twice, or a broken percent escape, is refused with
 * an {@link IllegalArgumentException} whose message says which; each caller answers it in its own terms.
 */
public final class FormEncoding {
  private FormEncoding() {}

  public static Map<String, String> parse(String text) {
    Map<String, String> parameters = new HashMap<>();
    if (text == null || text.isEmpty()) {
      return parameters;
    }
    for (String pair : text.split("&", -1)) {
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
      if (parameters.put(name, value) != null) {
        throw new IllegalArgumentException("parameter '" + name + "' is given more than once");
      }
    }
    return parameters;
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the text is not valid URL encoding");
    }
  }
}
