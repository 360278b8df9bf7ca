package dev.cairn.wallet.verifier;

import dev.cairn.wallet.http.ProblemException;
import dev.cairn.wallet.http.ProblemType;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** An {@code application/x-www-form-urlencoded} body (OpenID4VP §8.2) read strictly: a parameter given twice is refused. */
final class FormBody {
  private FormBody() {}

  static Map<String, String> parse(String body) {
    Map<String, String> parameters = new HashMap<>();
    if (body.isEmpty()) {
      return parameters;
    }
    for (String pair : body.split("&", -1)) {
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
      if (parameters.put(name, value) != null) {
        throw new ProblemException(ProblemType.INVALID_REQUEST, "Form parameter '" + name + "' is given more than once");
      }
    }
    return parameters;
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new ProblemException(ProblemType.INVALID_REQUEST, "The form body is not valid URL encoding");
    }
  }
}
