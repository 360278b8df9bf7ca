package dev.cairn.wallet.issuance;

import dev.cairn.wallet.issuance.SealedIssuanceSecrets.Sealed;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The SQL of deferred issuances still to collect (V9 {@code pending_credential}). */
final class PendingCredentials {
  private static final String COLUMNS = "id, account_id, offer_id, configuration_id, kek_id, sealed_deferral, not_before";
  private static final String READ = COLUMNS + ", created_at";

  /**
   * One pending credential: its deferral sealed, when it may be asked for again, and when it was deferred (when
   * its Access Token was obtained).
   */
  record Pending(UUID id, UUID accountId, UUID offerId, String configurationId, String kekId, byte[] sealedDeferral,
                 Instant notBefore, Instant createdAt) {
    static Pending of(Row row) {
      return new Pending(row.getUUID("id"), row.getUUID("account_id"), row.getUUID("offer_id"),
          row.getString("configuration_id"), row.getString("kek_id"), row.getBuffer("sealed_deferral").getBytes(),
          row.getOffsetDateTime("not_before").toInstant(), row.getOffsetDateTime("created_at").toInstant());
    }
  }

  private final Pool pool;

  PendingCredentials(Pool pool) {
    this.pool = pool;
  }

  Future<Void> insert(SqlClient connection, UUID id, UUID accountId, UUID offerId, String configurationId, Sealed sealed,
                      Instant notBefore, Instant now) {
    return connection.preparedQuery("INSERT INTO pending_credential (" + COLUMNS + ", created_at) "
            + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8)")
        .execute(Tuple.of(id, accountId, offerId, configurationId, sealed.kekId(), Buffer.buffer(sealed.ciphertext()),
            OfferStore.at(notBefore), OfferStore.at(now)))
        .mapEmpty();
  }

  /**
   * Claims every learner's pending credentials that may be asked for at {@code now}, earliest first (the job): one
   * statement marks them taken until {@code claimedUntil}, skipping rows another runner has locked, so each is asked
   * for by one runner; one that dies leaves them due again when the claim expires.
   */
  Future<List<Pending>> claimDue(Instant now, Instant claimedUntil, int limit) {
    return pool.preparedQuery("UPDATE pending_credential SET claimed_until = $2 WHERE id IN ("
            + "SELECT id FROM pending_credential WHERE not_before <= $1 AND (claimed_until IS NULL OR claimed_until <= $1) "
            + "ORDER BY not_before, id LIMIT $3 FOR UPDATE SKIP LOCKED) RETURNING " + READ)
        .execute(Tuple.of(OfferStore.at(now), OfferStore.at(claimedUntil), limit))
        .map(rows -> {
          List<Pending> due = new ArrayList<>();
          rows.forEach(row -> due.add(Pending.of(row)));
          return due;
        });
  }

  /** The learner's pending credentials of one offer, for its view. */
  Future<List<Pending>> ofOffer(UUID accountId, UUID offerId) {
    return pool.preparedQuery("SELECT " + READ + " FROM pending_credential WHERE account_id = $1 AND offer_id = $2 "
            + "ORDER BY configuration_id")
        .execute(Tuple.of(accountId, offerId))
        .map(rows -> {
          List<Pending> found = new ArrayList<>();
          rows.forEach(row -> found.add(Pending.of(row)));
          return found;
        });
  }

  /** §9.2: the issuer asked to wait again ({@code interval}). */
  Future<Void> postpone(UUID accountId, UUID id, Instant notBefore) {
    return pool.preparedQuery("UPDATE pending_credential SET not_before = $3, claimed_until = NULL "
            + "WHERE account_id = $1 AND id = $2")
        .execute(Tuple.of(accountId, id, OfferStore.at(notBefore)))
        .mapEmpty();
  }

  /** Removes a settled one; false when another runner settled it already. */
  Future<Boolean> remove(SqlClient connection, UUID accountId, UUID id) {
    return connection.preparedQuery("DELETE FROM pending_credential WHERE account_id = $1 AND id = $2")
        .execute(Tuple.of(accountId, id))
        .map(deleted -> deleted.rowCount() == 1);
  }
}
