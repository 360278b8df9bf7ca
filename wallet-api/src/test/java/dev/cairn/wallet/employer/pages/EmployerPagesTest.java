package dev.cairn.wallet.employer.pages;

import static dev.cairn.wallet.employer.pages.PageBrowser.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.wallet.employer.pages.PageBrowser.Page;
import dev.cairn.wallet.testing.Api;
import dev.cairn.wallet.testing.CairnUnderTest;
import dev.cairn.wallet.testing.Credentials;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The employer pages over real HTTP on a real Cairn, driven as a scriptless browser would. */
class EmployerPagesTest {
  @RegisterExtension
  static final CairnUnderTest cairn = CairnUnderTest.perClass(Map.of("CAIRN_HTTP_ALLOW_PRIVATE_HOSTS", "127.0.0.1"));
  private static final Credentials ISSUER = new Credentials();
  private static final String PASSWORD = "a long enough password";
  private static final Pattern REQUEST_PATH = Pattern.compile("/employer/requests/([0-9a-f-]{36})");

  @BeforeAll
  static void twoEmployersSignUp() {
    for (String email : new String[] {"hiring@bakery.example", "hiring@other.example"}) {
      Api.Response created = cairn.api().post("/v1/employers", null, new JsonObject().put("email", email)
          .put("password", PASSWORD).put("organisation", "Bakery <b>&</b> Co"));
      assertEquals(201, created.status(), created.body());
    }
  }

  private static PageBrowser browser() {
    return new PageBrowser(cairn.api().base());
  }

  private static PageBrowser signedIn() {
    PageBrowser browser = browser();
    browser.signIn("hiring@bakery.example", PASSWORD);
    return browser;
  }

  /** Creates a request from the micro-credential template; returns its page path. */
  private static String ask(PageBrowser browser, String purpose) {
    Page form = browser.get("/employer/requests/new");
    Page created = browser.submit("/employer/requests", fields("csrf", form.csrf(), "template", "micro-credential",
        "issuer", ISSUER.issuerDid(), "vct", LearnerWallet.VCT, "purpose", purpose, "expires_minutes", "10"));
    assertEquals(303, created.status(), created.body());
    return created.header("Location");
  }

  @Test
  void signingInSetsAnHttpOnlySameSiteStrictSessionCookieAndShowsTheOrganisationsRequests() {
    PageBrowser browser = browser();
    Page form = browser.get("/employer/sign-in");
    Page signedIn = browser.submit("/employer/sign-in",
        fields("csrf", form.csrf(), "email", "hiring@bakery.example", "password", PASSWORD));

    assertEquals(303, signedIn.status(), signedIn.body());
    assertEquals("/employer/", signedIn.header("Location"));
    String cookie = signedIn.cookiesSet().stream().filter(set -> set.startsWith(PageCookies.SESSION + "=")).findFirst()
        .orElseThrow();
    assertTrue(cookie.toLowerCase(java.util.Locale.ROOT).contains("; httponly"), cookie);
    assertTrue(cookie.contains("SameSite=Strict"), cookie);
    assertTrue(cookie.contains("Path=/employer"), cookie);
    assertFalse(cookie.contains("Secure"), "plain http on loopback: a Secure cookie would never come back; " + cookie);
    Page list = browser.get("/employer/");
    assertEquals(200, list.status());
    assertTrue(list.body().contains("Your requests"), list.body());
  }

  @Test
  void theSessionCookieIsSecureWhenThePageWasReachedOverHttps() {
    CairnUnderTest proxied = CairnUnderTest.start(Map.of("CAIRN_HTTP_TRUST_FORWARDED", "true"));
    try {
      Api.Response created = proxied.api().post("/v1/employers", null, new JsonObject()
          .put("email", "tls@bakery.example").put("password", PASSWORD).put("organisation", "TLS Ltd"));
      assertEquals(201, created.status(), created.body());
      Api.Response form = proxied.api().send("GET", "/employer/sign-in", null, Map.of("X-Forwarded-Proto", "https"), null);
      String signInCookie = form.headers().get("set-cookie").get(0);
      assertTrue(signInCookie.contains("Secure"), signInCookie);
    } finally {
      proxied.close();
    }
  }

  @Test
  void everyPageCarriesTheSecurityHeadersErrorPagesIncluded() {
    PageBrowser browser = signedIn();
    for (String path : new String[] {"/employer/sign-in", "/employer/", "/employer/requests/new", "/employer/nowhere",
        "/employer/requests/" + java.util.UUID.randomUUID()}) {
      Page page = browser.get(path);
      assertEquals(PageHeaders.CONTENT_SECURITY_POLICY, page.header("Content-Security-Policy"), path);
      assertFalse(page.header("Content-Security-Policy").contains("unsafe-inline"), path);
      assertEquals("DENY", page.header("X-Frame-Options"), path);
      assertEquals("no-referrer", page.header("Referrer-Policy"), path);
      assertEquals("no-store", page.header("Cache-Control"), path);
      assertFalse(page.body().contains("<script>"), path + " has an inline script");
    }
  }

  @Test
  void thePagesAreFoundWithoutTheTrailingSlash() {
    Page page = browser().get("/employer");
    assertEquals(303, page.status());
    assertEquals("/employer/", page.header("Location"));
  }

  @Test
  void pagesWithoutASessionSendTheBrowserToSignIn() {
    for (String path : new String[] {"/employer/", "/employer/requests/new",
        "/employer/requests/" + java.util.UUID.randomUUID()}) {
      Page page = browser().get(path);
      assertEquals(303, page.status(), path);
      assertEquals("/employer/sign-in", page.header("Location"), path);
    }
  }

  @Test
  void aSignInWithoutTheFormsCsrfTokenIsRefusedWithAPage() {
    PageBrowser browser = browser();
    browser.get("/employer/sign-in");
    Page refused = browser.submit("/employer/sign-in",
        fields("email", "hiring@bakery.example", "password", PASSWORD));
    assertEquals(403, refused.status());
    assertTrue(refused.header("Content-Type").startsWith("text/html"), refused.header("Content-Type"));
    assertTrue(refused.cookiesSet().stream().noneMatch(set -> set.startsWith(PageCookies.SESSION + "=")));
  }

  @Test
  void aFormCarryingAnotherBrowsersCsrfTokenIsRefused() {
    PageBrowser attacker = signedIn();
    String attackersToken = attacker.get("/employer/requests/new").csrf();
    PageBrowser victim = signedIn();
    Page refused = victim.submit("/employer/requests", fields("csrf", attackersToken, "template", "open-badge-skill",
        "skill", "Sourdough", "purpose", "Forged", "expires_minutes", "10"));
    assertEquals(403, refused.status(), refused.body());
  }

  @Test
  void aWrongPasswordShowsTheSignInFormAgainWithTheReason() {
    PageBrowser browser = browser();
    Page form = browser.get("/employer/sign-in");
    Page refused = browser.submit("/employer/sign-in",
        fields("csrf", form.csrf(), "email", "hiring@bakery.example", "password", "not the password"));
    assertEquals(401, refused.status());
    assertTrue(refused.body().contains("The email or password is wrong"), refused.body());
    assertTrue(refused.body().contains("value=\"hiring@bakery.example\""), refused.body());
  }

  @Test
  void aLearnerCannotSignInToTheEmployerPagesAndTheSessionMadeIsEnded() {
    cairn.api().signUp("learner@pages.example");
    PageBrowser browser = browser();
    Page form = browser.get("/employer/sign-in");
    Page refused = browser.submit("/employer/sign-in",
        fields("csrf", form.csrf(), "email", "learner@pages.example", "password", PASSWORD));
    assertEquals(403, refused.status());
    assertTrue(refused.body().contains("for employer accounts"), refused.body());
    assertEquals(1, cairn.queryLong("SELECT count(*) FROM auth_session s JOIN account a ON a.id = s.account_id "
        + "WHERE a.email = 'learner@pages.example' AND s.revoked_at IS NULL"),
        "only the session signUp made stays live; the page's own was ended");
  }

  @Test
  void anEmployerCreatesARequestFromATemplateAndItsPageShowsTheQrCodeAndTheLink() {
    PageBrowser browser = signedIn();
    String path = ask(browser, "Checking your food safety certificate");
    Page page = browser.get(path);
    assertEquals(200, page.status());
    assertTrue(page.body().contains("data-status=\"pending\""), page.body());
    assertTrue(page.body().contains("<figure id=\"qr\" class=\"qr\"><svg xmlns=\"http://www.w3.org/2000/svg\""),
        page.body());
    assertTrue(page.body().contains("href=\"openid4vp://?client_id="), page.body());
    assertEquals("{\"status\":\"pending\"}", browser.get(path + "/status").body());
    assertTrue(browser.get("/employer/").body().contains(path), "the list links to the new request");
  }

  @Test
  void anOpenBadgeSkillRequestIsCreatedWithoutAnIssuer() {
    PageBrowser browser = signedIn();
    Page form = browser.get("/employer/requests/new");
    Page created = browser.submit("/employer/requests", fields("csrf", form.csrf(), "template", "open-badge-skill",
        "skill", "Sourdough", "purpose", "Sourdough skills", "expires_minutes", "60"));
    assertEquals(303, created.status(), created.body());
    Matcher id = REQUEST_PATH.matcher(created.header("Location"));
    assertTrue(id.matches());
    JsonObject stored = cairn.api().get("/v1/verifier/requests/" + id.group(1), browser.sessionToken()).json();
    assertTrue(stored.getJsonObject("dcql_query").encode().contains("\"values\":[\"Sourdough\"]"), stored.encode());
    assertNull(stored.getJsonArray("accepted_issuers"));
  }

  @Test
  void aFormMissingItsTemplatesParameterIsShownAgainWithTheProblemAndWhatWasTyped() {
    PageBrowser browser = signedIn();
    Page form = browser.get("/employer/requests/new");
    Page again = browser.submit("/employer/requests", fields("csrf", form.csrf(), "template", "micro-credential",
        "issuer", "", "vct", "", "purpose", "Kept purpose", "expires_minutes", "10"));
    assertEquals(422, again.status());
    assertTrue(again.body().contains("Name the issuer"), again.body());
    assertTrue(again.body().contains("value=\"Kept purpose\""), again.body());
  }

  @Test
  void anIssuerTheApiRefusesIsExplainedOnTheForm() {
    PageBrowser browser = signedIn();
    Page form = browser.get("/employer/requests/new");
    Page again = browser.submit("/employer/requests", fields("csrf", form.csrf(), "template", "micro-credential",
        "issuer", "http://insecure.example", "vct", "", "purpose", "p", "expires_minutes", "10"));
    assertEquals(422, again.status());
    assertTrue(again.body().contains("accepted_issuers"), again.body());
  }

  @Test
  void whatAnEmployerTypedIsEscapedOnEveryPage() {
    PageBrowser browser = signedIn();
    String path = ask(browser, "<script>alert('x')</script> & \"quotes\"");
    String escaped = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;";
    for (String page : new String[] {browser.get(path).body(), browser.get("/employer/").body()}) {
      assertTrue(page.contains(escaped), page);
      assertFalse(page.contains("<script>alert"), page);
    }
    assertTrue(browser.get("/employer/").body().contains("Bakery &lt;b&gt;&amp;&lt;/b&gt; Co"));
  }

  @Test
  void theRequestPageShowsTheVerifiedClaimsOnceTheLearnerConsents() {
    PageBrowser browser = signedIn();
    String path = ask(browser, "Checking your food safety certificate");
    String link = cairn.api().get("/v1/verifier/requests/" + path.substring(path.lastIndexOf('/') + 1),
        browser.sessionToken()).json().getString("authorization_request");
    LearnerWallet learner = LearnerWallet.holding(cairn.api(), ISSUER, "ada@pages.example", "Food Safety Level 2",
        cairn.clock.instant().minus(Duration.ofDays(3)));
    assertEquals("sent", learner.answer(link));

    assertEquals("{\"status\":\"fulfilled\"}", browser.get(path + "/status").body());
    Page page = browser.get(path);
    assertTrue(page.body().contains("data-status=\"fulfilled\""), page.body());
    assertTrue(page.body().contains("<h3 class=\"achievement\">Food Safety Level 2</h3>"), page.body());
    assertTrue(page.body().contains(ISSUER.issuerDid()), page.body());
    assertTrue(page.body().contains("<tr><th>name</th><td>Food Safety Level 2</td></tr>"), page.body());
    assertFalse(page.body().contains("Ada"), "the learner's name was not asked for");
    assertTrue(page.body().contains("<ul class=\"checks\">"), page.body());
    assertFalse(page.body().contains("id=\"qr\""), "an answered request shows no QR code");
  }

  @Test
  void anotherEmployersRequestIsNotFound() {
    String path = ask(signedIn(), "Mine");
    PageBrowser other = browser();
    other.signIn("hiring@other.example", PASSWORD);
    Page page = other.get(path);
    assertEquals(404, page.status());
    assertTrue(page.header("Content-Type").startsWith("text/html"));
    assertEquals(404, other.get(path + "/status").status());
  }

  @Test
  void anUnknownPageIsAnHtmlPageWhileApiErrorsStayProblemDocuments() {
    Page page = browser().get("/employer/no-such-page");
    assertEquals(404, page.status());
    assertTrue(page.header("Content-Type").startsWith("text/html"), page.header("Content-Type"));
    assertFalse(page.body().contains("Exception"), page.body());
    Api.Response api = cairn.api().get("/v1/no-such-route", null);
    assertEquals(404, api.status());
    assertEquals("application/problem+json", api.header("Content-Type").orElseThrow());
  }

  @Test
  void signingOutEndsTheSignInSessionForTheApiToo() {
    PageBrowser browser = signedIn();
    String token = browser.sessionToken();
    Page list = browser.get("/employer/");
    Page out = browser.submit("/employer/sign-out", fields("csrf", list.csrf()));
    assertEquals(303, out.status());
    assertEquals("/employer/sign-in", out.header("Location"));
    assertEquals(401, cairn.api().get("/v1/verifier/requests", token).status());
    assertEquals(303, browser.get("/employer/").status());
  }
}
