package dev.cairn.benchmarks.load;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

/**
 * The unmeasured setup: learner accounts made for this run (their e-mail addresses carry a run id, so runs
 * against the same database never collide) and wallets filled through the import endpoint. Every call here
 * must succeed; the first failure stops the run with the server's answer.
 */
final class Learners {
  /** A learner made for this run; signing in again gives a fresh access token for each scenario. */
  record Learner(String email, String password) {}

  private final WalletClient client;
  private final String runId;
  private final int concurrency;

  Learners(WalletClient client, String runId, int concurrency) {
    this.client = client;
    this.runId = runId;
    this.concurrency = concurrency;
  }

  /** Registers {@code count} learners named after {@code role}; answers their access tokens, in order. */
  List<String> register(String role, int count) throws Exception {
    return inParallel(IntStream.range(0, count).mapToObj(i -> (Callable<String>) () -> {
      Learner learner = learner(role, i);
      return client.register(learner.email(), learner.password());
    }).toList());
  }

  String signIn(String role, int index) throws Exception {
    Learner learner = learner(role, index);
    return client.signIn(learner.email(), learner.password());
  }

  /** Imports every credential into one wallet; a 200 (already there) is as good as a 201 here. */
  void fill(String accessToken, List<String> credentials) throws Exception {
    inParallel(credentials.stream().map(credential -> (Callable<WalletClient.Response>) () -> {
      WalletClient.Response response = client.send(client.importing(accessToken, credential));
      if (response.status() != 200) {
        WalletClient.expect(201, response, "POST /v1/credentials (filling the wallet)");
      }
      return response;
    }).toList());
  }

  private Learner learner(String role, int index) {
    // Passwords must have at least 12 characters.
    return new Learner("load-" + runId + "-" + role + "-" + index + "@learners.example", "load-password-" + runId);
  }

  private <T> List<T> inParallel(List<Callable<T>> tasks) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(concurrency, Math.max(1, tasks.size())));
    try {
      List<T> results = new ArrayList<>();
      for (Future<T> future : pool.invokeAll(tasks)) {
        try {
          results.add(future.get());
        } catch (ExecutionException e) {
          throw e.getCause() instanceof Exception cause ? cause : e;
        }
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
