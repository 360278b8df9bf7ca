package dev.cairn.wallet.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.wallet.testing.CairnUnderTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RequestIdTest {
  @RegisterExtension
  static final CairnUnderTest cairn = CairnUnderTest.perClass();

  @Test
  void aSaneRequestIdIsEchoedAndNamesTheProblem() {
    var response = cairn.api().send("GET", "/v1/me", null, Map.of("X-Request-Id", "mobile-app:7f3a.21"), null);
    assertEquals("mobile-app:7f3a.21", response.header("X-Request-Id").orElseThrow());
    assertEquals("mobile-app:7f3a.21", response.json().getString("instance"));
  }

  @Test
  void anInsaneRequestIdIsReplacedByAGeneratedOne() {
    String hostile = "x\"}{\"level\":\"ERROR\"" + "a".repeat(200);
    var response = cairn.api().send("GET", "/health/live", null, Map.of("X-Request-Id", hostile), null);
    String id = response.header("X-Request-Id").orElseThrow();
    assertNotEquals(hostile, id);
    assertTrue(id.matches("[0-9a-f]{24}"), id);
  }

  @Test
  void everyAnswerCarriesARequestId() {
    assertTrue(cairn.api().get("/health/live", null).header("X-Request-Id").isPresent());
    assertTrue(cairn.api().get("/no/such/path", null).header("X-Request-Id").isPresent());
  }
}
