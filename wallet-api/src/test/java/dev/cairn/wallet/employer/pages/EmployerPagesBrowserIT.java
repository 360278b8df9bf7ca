package dev.cairn.wallet.employer.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.wallet.testing.Api;
import dev.cairn.wallet.testing.CairnUnderTest;
import dev.cairn.wallet.testing.Credentials;
import io.vertx.core.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The employer page end to end in a real headless Chromium (Debian's {@code chromium} and its matching
 * {@code chromium-driver}; nothing is downloaded): the employer signs in and creates a request from a template in the
 * browser, a learner answers it through the REST API, and the page, polling on its own, shows the verified claims.
 * Runs only with {@code -Pbrowser} (README.md). Waiting is Selenium's implicit wait for an element, never a sleep.
 */
class EmployerPagesBrowserIT {
  @RegisterExtension
  static final CairnUnderTest cairn = CairnUnderTest.perClass(Map.of("CAIRN_HTTP_ALLOW_PRIVATE_HOSTS", "127.0.0.1"));
  private static final Credentials ISSUER = new Credentials();
  private static Path profile;
  private static ChromeDriver chromium;

  @BeforeAll
  static void startChromium() throws IOException {
    profile = Files.createTempDirectory("cairn-chromium-profile");
    ChromeOptions options = new ChromeOptions()
        .setBinary(System.getProperty("cairn.chromium", "/usr/bin/chromium"))
        // As root on a machine without a display or a GPU, and with no network beyond loopback.
        .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--user-data-dir=" + profile);
    ChromeDriverService driver = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(System.getProperty("cairn.chromedriver", "/usr/bin/chromedriver")))
        .usingAnyFreePort()
        .build();
    chromium = new ChromeDriver(driver, options);
    chromium.manage().timeouts().implicitlyWait(Duration.ofSeconds(30));
  }

  @AfterAll
  static void stopChromium() throws IOException {
    if (chromium != null) {
      chromium.quit();
    }
    try (Stream<Path> files = Files.walk(profile)) {
      files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    }
  }

  @Test
  void anEmployerCreatesARequestInTheBrowserAndSeesTheVerifiedClaimsOnceTheLearnerConsents() {
    Api.Response employer = cairn.api().post("/v1/employers", null, new JsonObject().put("email", "hr@mill.example")
        .put("password", "a long enough password").put("organisation", "The Old Mill"));
    assertEquals(201, employer.status(), employer.body());

    chromium.get(cairn.api().base() + "/employer/");
    chromium.findElement(By.name("email")).sendKeys("hr@mill.example");
    chromium.findElement(By.name("password")).sendKeys("a long enough password");
    chromium.findElement(By.cssSelector("form[action='/employer/sign-in'] button")).click();
    chromium.findElement(By.linkText("New request")).click();

    WebElement form = chromium.findElement(By.id("micro-credential"));
    form.findElement(By.name("issuer")).sendKeys(ISSUER.issuerDid());
    form.findElement(By.name("vct")).clear();
    form.findElement(By.name("vct")).sendKeys(LearnerWallet.VCT);
    form.findElement(By.name("purpose")).sendKeys("Your food safety certificate, for the kitchen role");
    form.findElement(By.tagName("button")).click();

    assertEquals("pending", chromium.findElement(By.id("status")).getAttribute("data-status"));
    assertTrue(chromium.findElement(By.cssSelector("#qr svg path")).isDisplayed(), "the QR code is drawn");
    String link = chromium.findElement(By.id("authorization-request")).getText();
    assertTrue(link.startsWith("openid4vp://?client_id="), link);
    assertEquals(link, chromium.findElement(By.id("wallet-link")).getAttribute("href"));

    LearnerWallet learner = LearnerWallet.holding(cairn.api(), ISSUER, "ada@mill.example", "Food Safety Level 2",
        cairn.clock.instant().minus(Duration.ofDays(3)));
    assertEquals("sent", learner.answer(link));

    // No reload from the test: the page's own script sees the new status and shows the result.
    chromium.findElement(By.cssSelector("#status[data-status='fulfilled']"));
    WebElement verified = chromium.findElement(By.id("verified"));
    assertEquals("Food Safety Level 2", verified.findElement(By.className("achievement")).getText());
    assertTrue(verified.findElement(By.className("issuer")).getText().contains(ISSUER.issuerDid()));
    assertTrue(verified.findElement(By.className("claims")).getText().contains("name Food Safety Level 2"),
        verified.findElement(By.className("claims")).getText());
    assertFalse(verified.getText().contains("Ada"), "the learner's name was not asked for");
    assertFalse(verified.findElements(By.cssSelector(".checks li")).isEmpty(), "every check is listed");
  }
}
