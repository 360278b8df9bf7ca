package dev.cairn.wallet.issuance;

import dev.cairn.wallet.issuance.SealedIssuanceSecrets.Sealed;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The SQL of started Authorization Code Flows (V10 {@code offer_authorization}), scoped by learner and offer. A row
 * is found by the SHA-256 digest of its {@code state}, so the state itself is never stored in the clear.
 */
final class AuthorizationStore {
  /** One row: its id (part of the sealed document's associated data) and the sealed pending authorization. */
  record Started(UUID id, String kekId, byte[] sealed) {
    static Started of(Row row) {
      return new Started(row.getUUID("id"), row.getString("kek_id"), row.getBuffer("sealed_authorization").getBytes());
    }
  }

  private final Pool pool;

  AuthorizationStore(Pool pool) {
    this.pool = pool;
  }

  /** Keeps a started authorization; the learner's expired ones go at the same time. */
  Future<Void> insert(UUID id, UUID accountId, UUID offerId, String state, Sealed sealed, Instant expiresAt, Instant now) {
    return pool.withTransaction(connection -> connection.preparedQuery(
            "DELETE FROM offer_authorization WHERE account_id = $1 AND expires_at <= $2")
        .execute(Tuple.of(accountId, OfferStore.at(now)))
        .compose(gone -> connection.preparedQuery("INSERT INTO offer_authorization (id, account_id, offer_id, "
                + "state_digest, kek_id, sealed_authorization, expires_at, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)")
            .execute(Tuple.tuple().addUUID(id).addUUID(accountId).addUUID(offerId).addBuffer(Buffer.buffer(digest(state)))
                .addString(sealed.kekId()).addBuffer(Buffer.buffer(sealed.ciphertext()))
                .addOffsetDateTime(OfferStore.at(expiresAt)).addOffsetDateTime(OfferStore.at(now))))
        .mapEmpty());
  }

  /** The unexpired authorization of this learner's offer that was started with {@code state}. */
  Future<Optional<Started>> find(UUID accountId, UUID offerId, String state, Instant now) {
    return pool.preparedQuery("SELECT id, kek_id, sealed_authorization FROM offer_authorization "
            + "WHERE account_id = $1 AND offer_id = $2 AND state_digest = $3 AND expires_at > $4")
        .execute(Tuple.of(accountId, offerId, Buffer.buffer(digest(state)), OfferStore.at(now)))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(Started.of(rows.iterator().next())));
  }

  /** Spends the row: true for the one request that removed it. */
  Future<Boolean> spend(UUID accountId, UUID id) {
    return pool.preparedQuery("DELETE FROM offer_authorization WHERE account_id = $1 AND id = $2")
        .execute(Tuple.of(accountId, id))
        .map(deleted -> deleted.rowCount() == 1);
  }

  private static byte[] digest(String state) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(state.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
