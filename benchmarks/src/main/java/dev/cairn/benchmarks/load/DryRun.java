package dev.cairn.benchmarks.load;

import dev.cairn.credentials.CredentialVerifier;
import dev.cairn.credentials.VerificationPolicy;
import dev.cairn.credentials.VerificationResult;
import dev.cairn.did.DidResolver;
import dev.cairn.did.fetch.FetchPolicy;
import dev.cairn.did.fetch.HardenedFetch;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * {@code --dry-run}: no server needed. Signs one credential and prints it with the claims Cairn's verifier reads
 * from it (after applying its disclosures), checks that it passes the import policy, and times the signing of
 * 1,000 credentials, which is the setup cost of the list and search scenarios.
 */
final class DryRun {
  private DryRun() {}

  static void run() throws Exception {
    MicroCredentials credentials = new MicroCredentials(Instant.now());
    String first = credentials.issue(0);
    System.out.println("credential (" + first.length() + " bytes, Content-Type " + WalletClient.SD_JWT_MEDIA_TYPE
        + "):\n" + first + "\n");
    VerificationResult result = verify(first);
    result.credential().ifPresent(verified -> System.out.println("claims after disclosures:\n"
        + verified.claims().encodePrettily() + "\n"));
    System.out.println("verifies under the import policy: " + result.valid()
        + result.firstFailure().map(failure -> " (" + failure + ")").orElse(""));

    credentials.issue(1, 1_000); // warms the JIT, so the timing below is of steady-state signing
    long started = System.nanoTime();
    List<String> batch = credentials.issue(1_001, 1_000);
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf("signed %,d credentials in %.3f s (%,.0f/s on %d cores), %,d distinct%n", batch.size(),
        seconds, batch.size() / seconds, Runtime.getRuntime().availableProcessors(),
        batch.stream().distinct().count());
    if (!result.valid()) {
      System.exit(1);
    }
  }

  private static VerificationResult verify(String credential) {
    Vertx vertx = Vertx.vertx();
    try {
      HardenedFetch fetch = new HardenedFetch(vertx, FetchPolicy.defaults());
      Clock clock = Clock.systemUTC();
      CredentialVerifier verifier = new CredentialVerifier(DidResolver.create(fetch, clock), fetch,
          vertx.createSharedWorkerExecutor("dry-run-crypto", 1), clock);
      return verifier.verify(credential, VerificationPolicy.importing()).toCompletionStage().toCompletableFuture()
          .join();
    } finally {
      vertx.close();
    }
  }
}
