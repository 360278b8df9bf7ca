package dev.cairn.wallet.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cairn.wallet.testing.Api.Response;
import dev.cairn.wallet.testing.CairnUnderTest;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class DrainTest {

  @Test
  void aRequestInFlightWhenShutdownBeginsStillGetsItsAnswer() throws Exception {
    CairnUnderTest cairn = CairnUnderTest.start();
    // Registration hashes a password (tens of milliseconds), long enough to be in flight when stop begins.
    CompletableFuture<Response> inFlight = CompletableFuture.supplyAsync(() -> cairn.api().post("/v1/accounts", null,
        dev.cairn.wallet.testing.Api.credentials("late@example.org", "a long enough password")));
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (cairn.server().requestsInFlight() == 0 && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertEquals(1, cairn.server().requestsInFlight());
    var stopping = cairn.server().stop();
    assertEquals(201, inFlight.get().status());
    CairnUnderTest.await(stopping);
  }
}
