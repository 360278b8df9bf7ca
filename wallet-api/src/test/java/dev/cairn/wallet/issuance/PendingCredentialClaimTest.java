package dev.cairn.wallet.issuance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.wallet.issuance.PendingCredentials.Pending;
import dev.cairn.wallet.testing.CairnUnderTest;
import dev.cairn.wallet.testing.MigratedDatabase;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The deferred-collection claim, with two pools standing for two instances: runners claiming at the same moment
 * share the due credentials without overlap, a claim keeps others off until it expires, and then it is taken again
 * (a runner that died is replaced).
 */
class PendingCredentialClaimTest {
  private static final int DUE = 40;

  @Test
  void concurrentClaimsTakeEachDueCredentialOnceAndAnExpiredClaimIsTakenAgain() {
    try (MigratedDatabase database = new MigratedDatabase()) {
      UUID account = UUID.randomUUID();
      UUID offer = UUID.randomUUID();
      Instant now = Instant.parse("2026-01-01T00:00:00Z");
      database.execute("INSERT INTO account (id, email, password_hash, created_at) VALUES ('" + account
          + "', 'claims@example.org', 'x', now())");
      database.execute("INSERT INTO credential_offer (id, account_id, credential_issuer, issuer_display, credentials, "
          + "kek_id, sealed_offer, state, created_at, expires_at, grants) VALUES ('" + offer + "', '" + account
          + "', 'https://issuer.example', '[]', '[]', 'k', '\\x00', 'accepted', now(), now() + interval '1 day', '[]')");
      database.execute("INSERT INTO pending_credential (id, account_id, offer_id, configuration_id, kek_id, sealed_deferral, "
          + "not_before, created_at) SELECT gen_random_uuid(), '" + account + "', '" + offer + "', 'c' || n, 'k', '\\x00', "
          + "'" + now + "'::timestamptz - n * interval '1 second', now() FROM generate_series(1, " + DUE + ") n");
      database.execute("INSERT INTO pending_credential (id, account_id, offer_id, configuration_id, kek_id, sealed_deferral, "
          + "not_before, created_at) VALUES (gen_random_uuid(), '" + account + "', '" + offer + "', 'later', 'k', '\\x00', '"
          + now.plusSeconds(60) + "', now())");
      PendingCredentials first = new PendingCredentials(database.pool());
      PendingCredentials second = new PendingCredentials(database.pool());
      Instant until = now.plus(DeferredCollection.CLAIM);

      List<List<Pending>> claimed = CairnUnderTest.await(Future.all(List.of(
          first.claimDue(now, until, 30), second.claimDue(now, until, 30),
          first.claimDue(now, until, 30), second.claimDue(now, until, 30))).map(all -> all.<List<Pending>>list()));
      Set<UUID> ids = new HashSet<>();
      int total = 0;
      for (List<Pending> one : claimed) {
        total += one.size();
        one.forEach(pending -> ids.add(pending.id()));
      }
      assertEquals(DUE, total, "every due credential claimed, none twice");
      assertEquals(DUE, ids.size());
      assertTrue(claimed.stream().flatMap(List::stream).noneMatch(pending -> "later".equals(pending.configurationId())),
          "nothing before its not_before");

      assertEquals(0, CairnUnderTest.await(second.claimDue(now.plusSeconds(30), now.plusSeconds(30).plus(
          DeferredCollection.CLAIM), 100)).size(), "a live claim keeps every other runner off");
      Instant afterClaim = until.plus(Duration.ofSeconds(1));
      assertEquals(DUE + 1, CairnUnderTest.await(second.claimDue(afterClaim, afterClaim.plus(DeferredCollection.CLAIM),
          100)).size(), "expired claims are taken again, with the one now due");
    }
  }
}
