package dev.cairn.benchmarks.load;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-loop load: N workers, each with one request in flight, sending the next as soon as the previous answer
 * has been read in full. Each worker is a thread doing a synchronous send, so a latency is the time from handing
 * the request to the client until the whole body is in hand, taken on the thread that waited for it.
 *
 * <p>Requests that start during the warm-up are not recorded. A closed loop slows down with the server, so under
 * saturation its latencies understate what clients arriving at a fixed rate would see (coordinated omission):
 * read the throughput against the target first, then the percentiles.
 */
final class ClosedLoop {
  /** A worker's next request, or empty when the scenario has nothing left to send. */
  interface Requests {
    Optional<HttpRequest> next(int worker);
  }

  /** A request with the operation it counts for, in a mixed workload. */
  record Labelled(String operation, HttpRequest request) {}

  /** A worker's next labelled request, or empty when the workload has nothing left to send. */
  interface LabelledRequests {
    Optional<Labelled> next(int worker);
  }

  /** The merged tally, the measured window, and whether the requests ran out before the window's end. */
  record Measurement(Tally tally, Duration window, boolean ranOut) {
    double perSecond() {
      return window.isZero() ? 0 : tally.requests() / (window.toNanos() / 1e9);
    }
  }

  private final WalletClient client;
  private final int workers;
  private final Duration warmup;
  private final Duration duration;

  ClosedLoop(WalletClient client, int workers, Duration warmup, Duration duration) {
    this.client = client;
    this.workers = workers;
    this.warmup = warmup;
    this.duration = duration;
  }

  Measurement run(Requests requests) throws InterruptedException {
    return runLabelled(worker -> requests.next(worker).map(request -> new Labelled("", request))).get("");
  }

  /**
   * Runs a mixed workload: each operation gets its own tally, all measured over the one window. Answers every
   * operation that was sent at least once (an empty label for an unlabelled workload).
   */
  java.util.Map<String, Measurement> runLabelled(LabelledRequests requests) throws InterruptedException {
    long measureFrom = System.nanoTime() + warmup.toNanos();
    long end = measureFrom + duration.toNanos();
    AtomicLong ranOutAt = new AtomicLong(Long.MAX_VALUE);
    // The window ends when the last recorded answer arrived, so requests still in flight at `end` count fully.
    AtomicLong lastAnswer = new AtomicLong(measureFrom);
    int expected = (int) Math.min(1 << 22, 4_000 * duration.toSeconds() / workers);
    List<java.util.Map<String, Tally>> tallies = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int w = 0; w < workers; w++) {
      int worker = w;
      java.util.Map<String, Tally> own = new java.util.HashMap<>();
      tallies.add(own);
      threads.add(new Thread(() -> work(worker, requests, own, expected, measureFrom, end, ranOutAt, lastAnswer),
          "load-" + w));
    }
    threads.forEach(Thread::start);
    for (Thread thread : threads) {
      thread.join();
    }
    Duration window = Duration.ofNanos(Math.max(0, lastAnswer.get() - measureFrom));
    java.util.Map<String, List<Tally>> byOperation = new java.util.TreeMap<>();
    tallies.forEach(own -> own.forEach((operation, tally) ->
        byOperation.computeIfAbsent(operation, key -> new ArrayList<>()).add(tally)));
    java.util.Map<String, Measurement> measured = new java.util.TreeMap<>();
    byOperation.forEach((operation, parts) ->
        measured.put(operation, new Measurement(Tally.merge(parts), window, ranOutAt.get() < end)));
    if (measured.isEmpty()) {
      measured.put("", new Measurement(Tally.merge(List.of()), window, ranOutAt.get() < end));
    }
    return measured;
  }

  private void work(int worker, LabelledRequests requests, java.util.Map<String, Tally> tallies, int expected,
                    long measureFrom, long end, AtomicLong ranOutAt, AtomicLong lastAnswer) {
    while (System.nanoTime() < end) {
      Optional<Labelled> next = requests.next(worker);
      if (next.isEmpty()) {
        ranOutAt.accumulateAndGet(System.nanoTime(), Math::min);
        return;
      }
      long started = System.nanoTime();
      WalletClient.Response response = null;
      IOException failure = null;
      try {
        response = client.send(next.get().request());
      } catch (IOException e) {
        failure = e;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      long finished = System.nanoTime();
      if (started >= measureFrom) {
        Tally tally = tallies.computeIfAbsent(next.get().operation(), operation -> new Tally(expected));
        if (response != null) {
          tally.answered(finished - started, response);
        } else {
          tally.failed(finished - started, failure);
        }
        lastAnswer.accumulateAndGet(finished, Math::max);
      }
    }
  }
}
