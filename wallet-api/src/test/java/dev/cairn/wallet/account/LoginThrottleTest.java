package dev.cairn.wallet.account;

import static dev.cairn.wallet.testing.Api.credentials;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.wallet.testing.Api.Response;
import dev.cairn.wallet.testing.CairnUnderTest;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LoginThrottleTest {
  @RegisterExtension
  static final CairnUnderTest cairn = CairnUnderTest.perClass(Map.of(
        "CAIRN_LOGIN_MAX_FAILURES_PER_ACCOUNT", "5",
        "CAIRN_LOGIN_MAX_FAILURES_PER_ADDRESS", "40",
        "CAIRN_LOGIN_THROTTLE_WINDOW_SECONDS", "900"));

  @Test
  void unknownEmailAndWrongPasswordGetTheSameAnswer() {
    cairn.api().signUp("known@example.org");
    Response wrongPassword = cairn.api().post("/v1/sessions", null, credentials("known@example.org", "not the password"));
    Response unknownEmail = cairn.api().post("/v1/sessions", null, credentials("unknown@example.org", "not the password"));
    assertEquals(401, wrongPassword.status());
    assertEquals(wrongPassword.status(), unknownEmail.status());
    assertEquals(wrongPassword.json().getString("type"), unknownEmail.json().getString("type"));
    assertEquals(wrongPassword.json().getString("detail"), unknownEmail.json().getString("detail"));
  }

  @Test
  void anUnknownEmailCostsAPasswordHashLikeAKnownOne() {
    cairn.api().signUp("timing@example.org");
    long[] known = new long[5];
    long[] unknown = new long[5];
    for (int i = 0; i < 5; i++) {
      known[i] = timed("timing@example.org");
      unknown[i] = timed("nobody-" + i + "@example.org");
    }
    long knownMedian = median(known);
    long unknownMedian = median(unknown);
    // Without the decoy hash an unknown email answers in ~1 ms against ~50 ms; allow wide noise either way.
    assertTrue(unknownMedian * 3 > knownMedian && knownMedian * 3 > unknownMedian,
        "medians known=" + knownMedian + "µs unknown=" + unknownMedian + "µs");
  }

  @Test
  void repeatedFailuresForOneEmailAreThrottledUntilTheWindowPasses() {
    cairn.api().signUp("throttled@example.org");
    for (int i = 0; i < 5; i++) {
      assertEquals(401, cairn.api().post("/v1/sessions", null, credentials("throttled@example.org", "wrong password " + i)).status());
    }
    Response blocked = cairn.api().post("/v1/sessions", null, credentials("throttled@example.org", "a long enough password"));
    assertEquals(429, blocked.status(), "even the right password waits out the lock");
    assertEquals("too-many-requests", blocked.problemCode());
    long retryAfter = Long.parseLong(blocked.header("Retry-After").orElseThrow());
    assertTrue(retryAfter > 800 && retryAfter <= 900, "Retry-After " + retryAfter);

    // The same limit applies to an email nobody registered, so 429 reveals nothing about registration.
    for (int i = 0; i < 5; i++) {
      cairn.api().post("/v1/sessions", null, credentials("ghost@example.org", "wrong password " + i));
    }
    assertEquals(429, cairn.api().post("/v1/sessions", null, credentials("ghost@example.org", "x")).status());

    cairn.clock.advance(Duration.ofSeconds(901));
    assertEquals(201, cairn.api().post("/v1/sessions", null, credentials("throttled@example.org", "a long enough password")).status());
  }

  @Test
  void manyFailuresFromOneAddressAreThrottledAcrossEmails() {
    CairnUnderTest strict = CairnUnderTest.start(Map.of("CAIRN_LOGIN_MAX_FAILURES_PER_ADDRESS", "3"));
    try {
      strict.api().signUp("innocent@example.org");
      for (int i = 0; i < 3; i++) {
        strict.api().post("/v1/sessions", null, credentials("spray" + i + "@example.org", "guess guess guess"));
      }
      Response blocked = strict.api().post("/v1/sessions", null, credentials("innocent@example.org", "a long enough password"));
      assertEquals(429, blocked.status());
    } finally {
      strict.close();
    }
  }

  private static long timed(String email) {
    long started = System.nanoTime();
    cairn.api().post("/v1/sessions", null, credentials(email, "not the password"));
    return (System.nanoTime() - started) / 1000;
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
