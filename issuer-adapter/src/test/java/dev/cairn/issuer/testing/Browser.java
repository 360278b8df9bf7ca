package dev.cairn.issuer.testing;

import dev.cairn.did.testing.Await;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.PemTrustOptions;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The learner's browser in the Authorization Code Flow, driven over real HTTPS: open the authorization URL, read
 * the confirmation page, POST its form. It follows no redirect: the redirect to the wallet is what the test reads.
 */
public final class Browser {
  private static final Pattern CONSENT = Pattern.compile("name=\"consent\" value=\"([^\"]+)\"");
  private static final Pattern ACTION = Pattern.compile("<form method=\"post\" action=\"([^\"]+)\"");

  /** One answer: status, headers that matter, body. */
  public record Page(int status, String body, String contentSecurityPolicy, String location) {
    public String consentId() {
      Matcher matcher = CONSENT.matcher(body);
      if (!matcher.find()) {
        throw new AssertionError("no confirmation form on the page: " + body);
      }
      return matcher.group(1);
    }

    public String formAction() {
      Matcher matcher = ACTION.matcher(body);
      if (!matcher.find()) {
        throw new AssertionError("no form on the page: " + body);
      }
      return matcher.group(1).replace("&amp;", "&");
    }
  }

  private final HttpClient client;

  public Browser(Vertx vertx, Path trustPem) {
    this.client = vertx.createHttpClient(new HttpClientOptions().setSsl(true)
        .setTrustOptions(new PemTrustOptions().addCertPath(trustPem.toString())));
  }

  public Page open(URI url) {
    return send(HttpMethod.GET, url, null);
  }

  /** Approves (or declines) on the page {@code page} that was served from {@code origin}. */
  public Page answer(String origin, Page page, boolean approve) {
    String form = "consent=" + URLEncoder.encode(page.consentId(), StandardCharsets.UTF_8) + "&decision="
        + (approve ? "approve" : "deny");
    return send(HttpMethod.POST, URI.create(origin + page.formAction()), form);
  }

  /** Open, approve, and answer the redirect's Location: the callback URL the wallet is given. */
  public String approve(String origin, URI authorizationUrl) {
    Page page = open(authorizationUrl);
    if (page.status() != 200) {
      throw new AssertionError("the authorization page answered " + page.status() + ": " + page.body());
    }
    Page redirect = answer(origin, page, true);
    if (redirect.status() != 303) {
      throw new AssertionError("the confirmation answered " + redirect.status() + ": " + redirect.body());
    }
    return redirect.location();
  }

  private Page send(HttpMethod method, URI url, String form) {
    RequestOptions options = new RequestOptions().setMethod(method).setAbsoluteURI(url.toString()).setFollowRedirects(false);
    return Await.result(client.request(options).compose(request -> {
      if (form != null) {
        request.putHeader("Content-Type", "application/x-www-form-urlencoded");
        return request.send(Buffer.buffer(form));
      }
      return request.send();
    }).compose(response -> response.body().map(body -> new Page(response.statusCode(), body.toString(),
        response.getHeader("Content-Security-Policy"), response.getHeader("Location")))));
  }
}
