package dev.cairn.wallet.employer.pages;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A scriptless browser for the page tests: keeps cookies like a browser, does not follow redirects (tests look at
 * them), submits forms as application/x-www-form-urlencoded, and reads a page's CSRF token.
 */
final class PageBrowser {
  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

  record Page(int status, Map<String, List<String>> headers, String body) {
    String header(String name) {
      return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
          .flatMap(entry -> entry.getValue().stream()).findFirst().orElse(null);
    }

    List<String> cookiesSet() {
      return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase("set-cookie"))
          .flatMap(entry -> entry.getValue().stream()).toList();
    }

    String csrf() {
      Matcher found = CSRF.matcher(body);
      if (!found.find()) {
        throw new AssertionError("no CSRF token on the page:\n" + body);
      }
      return found.group(1);
    }
  }

  private final String base;
  private final HttpClient client;

  PageBrowser(String base) {
    this.base = base;
    this.client = HttpClient.newBuilder().cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER).build();
  }

  Page get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  Page submit(String path, Map<String, String> fields) {
    String body = fields.entrySet().stream()
        .map(field -> encode(field.getKey()) + "=" + encode(field.getValue())).collect(Collectors.joining("&"));
    return send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** Signs in through the sign-in page and lands on the list of requests. */
  Page signIn(String email, String password) {
    Page form = get("/employer/sign-in");
    Page signedIn = submit("/employer/sign-in", fields("csrf", form.csrf(), "email", email, "password", password));
    if (signedIn.status() != 303) {
      throw new AssertionError("sign-in answered " + signedIn.status() + ":\n" + signedIn.body());
    }
    return get("/employer/");
  }

  /** The access token in this browser's session cookie (tests only: a real browser's scripts cannot read it). */
  String sessionToken() {
    return ((CookieManager) client.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
        .filter(cookie -> cookie.getName().equals(PageCookies.SESSION)).findFirst().orElseThrow().getValue();
  }

  static Map<String, String> fields(String... namesAndValues) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      fields.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return fields;
  }

  private Page send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString());
      return new Page(response.statusCode(), response.headers().map(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
