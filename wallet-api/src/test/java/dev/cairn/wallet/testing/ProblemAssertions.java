package dev.cairn.wallet.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.wallet.testing.Api.Response;

/** The shape every refusal must have: its status, problem+json, the expected type and a specific detail. */
public final class ProblemAssertions {
  private ProblemAssertions() {}

  public static void assertProblem(int status, String code, Response response) {
    assertEquals(status, response.status(), response.body());
    assertEquals("application/problem+json", response.header("Content-Type").orElseThrow());
    assertEquals(code, response.problemCode(), response.body());
    assertTrue(response.json().getString("detail").length() > 5);
  }
}
