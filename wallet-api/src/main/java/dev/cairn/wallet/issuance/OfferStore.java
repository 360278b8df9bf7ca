package dev.cairn.wallet.issuance;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/** The SQL of Credential Offers a learner scanned (V9 {@code credential_offer}); every statement is scoped by learner. */
final class OfferStore {
  static final String OFFERED = "offered";
  static final String ACCEPTED = "accepted";
  static final String REFUSED = "refused";

  private static final String COLUMNS = "id, account_id, credential_issuer, issuer_display, credentials, tx_code, "
      + "kek_id, sealed_offer, state, outcome, created_at, accepted_at, expires_at, grants";

  /**
   * One offer as stored: what the learner was shown in the clear, the §4.1.1 object sealed ({@code sealedOffer}),
   * and, once accepted, what became of it ({@code outcome}: stored credential ids, refused configurations); until
   * when it may be accepted (V10) and with which grants (§4.1.1 grant type identifiers).
   */
  record StoredOffer(UUID id, UUID accountId, String credentialIssuer, JsonArray issuerDisplay, JsonArray credentials,
                     Optional<JsonObject> txCode, String kekId, byte[] sealedOffer, String state,
                     Optional<JsonObject> outcome, Instant createdAt, Optional<Instant> acceptedAt, Instant expiresAt,
                     JsonArray grants) {

    boolean expiredAt(Instant now) {
      return !now.isBefore(expiresAt);
    }

    boolean hasGrant(String grantType) {
      return grants.contains(grantType);
    }

    static StoredOffer of(Row row) {
      return new StoredOffer(row.getUUID("id"), row.getUUID("account_id"), row.getString("credential_issuer"),
          (JsonArray) row.getValue("issuer_display"), (JsonArray) row.getValue("credentials"),
          Optional.ofNullable((JsonObject) row.getValue("tx_code")), row.getString("kek_id"),
          row.getBuffer("sealed_offer").getBytes(), row.getString("state"),
          Optional.ofNullable((JsonObject) row.getValue("outcome")), row.getOffsetDateTime("created_at").toInstant(),
          Optional.ofNullable(row.getOffsetDateTime("accepted_at")).map(OffsetDateTime::toInstant),
          row.getOffsetDateTime("expires_at").toInstant(), (JsonArray) row.getValue("grants"));
    }
  }

  private final Pool pool;

  OfferStore(Pool pool) {
    this.pool = pool;
  }

  Future<Void> insert(StoredOffer offer) {
    return pool.preparedQuery("INSERT INTO credential_offer (" + COLUMNS
            + ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)")
        .execute(Tuple.tuple().addUUID(offer.id()).addUUID(offer.accountId()).addString(offer.credentialIssuer())
            .addValue(offer.issuerDisplay()).addValue(offer.credentials()).addValue(offer.txCode().orElse(null))
            .addString(offer.kekId()).addBuffer(Buffer.buffer(offer.sealedOffer())).addString(offer.state())
            .addValue(offer.outcome().orElse(null)).addOffsetDateTime(at(offer.createdAt()))
            .addOffsetDateTime(offer.acceptedAt().map(OfferStore::at).orElse(null))
            .addOffsetDateTime(at(offer.expiresAt())).addValue(offer.grants()))
        .mapEmpty();
  }

  Future<Optional<StoredOffer>> find(UUID accountId, UUID id) {
    return pool.preparedQuery("SELECT " + COLUMNS + " FROM credential_offer WHERE account_id = $1 AND id = $2")
        .execute(Tuple.of(accountId, id))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(StoredOffer.of(rows.iterator().next())));
  }

  /**
   * Records how the offer ended, only while it is still {@code offered}: false when another request settled it
   * first (its Pre-Authorized Code is single use, so only one of them got credentials).
   */
  Future<Boolean> settle(SqlClient connection, UUID accountId, UUID id, String state, JsonObject outcome, Instant at) {
    return connection.preparedQuery("UPDATE credential_offer SET state = $3, outcome = $4, accepted_at = $5 "
            + "WHERE account_id = $1 AND id = $2 AND state = 'offered'")
        .execute(Tuple.of(accountId, id, state, outcome, at(at)))
        .map(updated -> updated.rowCount() == 1);
  }

  /** Appends {@code items} to the outcome's {@code member} array: a deferred credential stored, or refused, later. */
  Future<Void> append(SqlClient connection, UUID accountId, UUID id, String member, JsonArray items) {
    return connection.preparedQuery("""
            UPDATE credential_offer
            SET outcome = jsonb_set(coalesce(outcome, '{}'::jsonb), ARRAY[$3::text],
                                    coalesce(outcome -> $3::text, '[]'::jsonb) || $4::jsonb)
            WHERE account_id = $1 AND id = $2""")
        .execute(Tuple.of(accountId, id, member, items))
        .mapEmpty();
  }

  static OffsetDateTime at(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
