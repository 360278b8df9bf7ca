package dev.cairn.wallet.credential;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cairn.wallet.testing.CairnUnderTest;
import dev.cairn.wallet.testing.MigratedDatabase;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.sqlclient.Row;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The status re-check claim, with two pools standing for two instances: simultaneous claims share the due
 * credentials without overlap and answer them as they were (their last check, for the compare-and-set that logs a
 * change once); a recorded check ends the claim; an abandoned claim expires and the credential is due again.
 */
class RecheckClaimTest {
  private static final int DUE = 30;

  @Test
  void concurrentClaimsTakeEachDueCredentialOnceAndAnAbandonedClaimExpires() {
    try (MigratedDatabase database = new MigratedDatabase()) {
      UUID account = UUID.randomUUID();
      Instant checked = Instant.parse("2026-01-01T00:00:00Z");
      Instant now = checked.plus(Duration.ofDays(1));
      database.execute("INSERT INTO account (id, email, password_hash, created_at) VALUES ('" + account
          + "', 'recheck@example.org', 'x', now())");
      database.execute("INSERT INTO credential (id, account_id, content_hash, format, media_type, original, issuer_id, "
          + "types, title, sort_issued, list_status, checks, warnings, claims, display, search_config, search_text, "
          + "imported_at, status_checked_at) SELECT gen_random_uuid(), '" + account + "', 'h' || n, 'dc+sd-jwt', "
          + "'application/dc+sd-jwt', '\\x00', 'did:example:i', '{}', 'T' || n, now(), 'valid', '[]', '[]', '{}', '{}', "
          + "'simple', 't', now(), '" + checked + "'::timestamptz + n * interval '1 second' FROM generate_series(1, "
          + DUE + ") n");
      CredentialStore first = new CredentialStore(database.pool());
      CredentialStore second = new CredentialStore(database.pool());
      Instant until = now.plus(Duration.ofMinutes(5));

      List<List<Row>> claimed = CairnUnderTest.await(Future.all(List.of(
          first.claimDue(now, now, until, 20), second.claimDue(now, now, until, 20),
          first.claimDue(now, now, until, 20))).map(all -> all.<List<Row>>list()));
      Set<UUID> ids = new HashSet<>();
      int total = 0;
      for (List<Row> one : claimed) {
        total += one.size();
        one.forEach(row -> ids.add(row.getUUID("id")));
      }
      assertEquals(DUE, total, "every due credential claimed, none twice");
      assertEquals(DUE, ids.size());
      Row sample = claimed.stream().flatMap(List::stream).findFirst().orElseThrow();
      Instant lastCheck = sample.getOffsetDateTime("status_checked_at").toInstant();
      assertEquals(true, lastCheck.isBefore(now), "answered as before the claim");

      // One of them is checked and recorded; the others are abandoned (their runner died).
      assertEquals(true, CairnUnderTest.await(first.pool().withTransaction(connection -> first.recordVerification(
          connection, account, sample.getUUID("id"), lastCheck, "valid", new JsonArray(), new JsonArray(), now))));
      assertEquals(0, CairnUnderTest.await(second.claimDue(now.minusSeconds(1), now.plusSeconds(60), until, 100)).size(),
          "live claims keep every other runner off");
      Instant later = until.plusSeconds(1);
      assertEquals(DUE - 1, CairnUnderTest.await(second.claimDue(now.minusSeconds(1), later, later.plus(Duration.ofMinutes(5)),
          100))
          .size(), "abandoned claims expire; the one re-checked just now is not due");
    }
  }
}
