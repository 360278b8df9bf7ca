package dev.cairn.wallet.resilience;

import dev.cairn.wallet.testing.Api;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What one request under test got: an answer (status, headers, body) or none (the connection failed), when it
 * started and how long it took.
 */
record Outcome(long startedNanos, long millis, Optional<Api.Response> response, String error) {

  static Outcome of(Supplier<Api.Response> request) {
    long started = System.nanoTime();
    try {
      Api.Response response = request.get();
      return new Outcome(started, elapsedMillis(started), Optional.of(response), null);
    } catch (RuntimeException e) {
      return new Outcome(started, elapsedMillis(started), Optional.empty(), e.toString());
    }
  }

  boolean acknowledged() {
    return response.isPresent() && response.get().status() / 100 == 2;
  }

  int status() {
    return response.map(Api.Response::status).orElse(-1);
  }

  /** The status, problem type and detail, or the connection error: for assertion messages. */
  String describe() {
    return response.map(r -> r.status() + " " + r.body()).orElse("no answer: " + error) + " after " + millis + " ms";
  }

  private static long elapsedMillis(long started) {
    return (System.nanoTime() - started) / 1_000_000;
  }
}
