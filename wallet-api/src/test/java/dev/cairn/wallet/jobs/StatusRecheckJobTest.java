package dev.cairn.wallet.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.wallet.testing.CairnUnderTest;
import dev.cairn.wallet.testing.Credentials;
import dev.cairn.wallet.testing.JobMetrics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** The background status re-check: due credentials are verified again, once, by one of several instances. */
class StatusRecheckJobTest {
  private static final Map<String, String> FAST_JOBS =
      Map.of("CAIRN_JOB_TICK_MS", "100", "CAIRN_STATUS_RECHECK_SECONDS", "3600");

  @Test
  void twoInstancesRecheckEachDueCredentialOnceAndLogTheChange() throws Exception {
    Credentials issuer = new Credentials();
    try (CairnUnderTest first = CairnUnderTest.start(FAST_JOBS);
         CairnUnderTest second = CairnUnderTest.alongside(first)) {
      String token = first.api().signUp("recheck@example.org").getString("accessToken");
      for (int i = 0; i < 3; i++) {
        int status = first.api().postRaw("/v1/credentials", token, "application/dc+sd-jwt", issuer.sdJwt(
            issuer.claims("Course " + i, first.clock.instant())).getBytes(StandardCharsets.UTF_8)).status();
        assertEquals(201, status);
      }
      Thread.sleep(500);
      assertEquals(0, changes(first), "nothing is due within the interval");

      // A year and more later the credentials have expired; both instances tick, one of them re-checks.
      first.clock.advance(Duration.ofDays(400));
      second.clock.advance(Duration.ofDays(400));
      waitFor(() -> changes(first) >= 3);
      Thread.sleep(1000);
      assertEquals(3, changes(first), "each change logged once, though two instances run the job");
      assertEquals(3, first.queryLong("SELECT count(*) FROM credential WHERE status_checked_at = '"
          + first.clock.instant() + "'"));
      assertEquals(3, first.queryLong("SELECT count(*) FROM activity WHERE kind = 'credential-status-changed' "
          + "AND reason = 'expired'"));
      assertEquals(1, first.queryLong("SELECT count(*) FROM job_lease WHERE job = 'status-recheck' AND last_run_at IS NOT NULL"));
      assertEquals(3, JobMetrics.itemsDone("status-recheck", first, second),
          "each due credential verified once, by one instance or the other");
      assertEquals(0, first.queryLong("SELECT count(*) FROM credential WHERE recheck_claimed_until IS NOT NULL"),
          "a finished re-check leaves no claim");
    }
  }

  private static long changes(CairnUnderTest cairn) {
    return cairn.queryLong("SELECT count(*) FROM activity WHERE kind = 'credential-status-changed'");
  }

  /** Background work runs on its own timer: poll for its effect, with a deadline. */
  private static void waitFor(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < deadline, "the job did not run within 20 s");
      Thread.sleep(50);
    }
  }
}
