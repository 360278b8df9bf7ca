package dev.cairn.wallet.presentation;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/** The SQL of presentation exchanges (V4): a request a learner scanned, until it is answered or declined. */
final class ExchangeStore {
  static final String OPEN = "open";
  static final String SENDING = "sending";
  static final String SENT = "sent";
  static final String DECLINED = "declined";
  static final String FAILED = "failed";

  /** One exchange as stored; {@code request} is the Request Object's verified claims. */
  record Exchange(UUID id, UUID accountId, String clientId, Optional<String> verifierName, JsonObject request,
                  String status, Optional<JsonObject> outcome, Instant createdAt, Instant expiresAt,
                  Optional<Instant> completedAt) {

    static Exchange of(Row row) {
      var completed = row.getOffsetDateTime("completed_at");
      return new Exchange(row.getUUID("id"), row.getUUID("account_id"), row.getString("client_id"),
          Optional.ofNullable(row.getString("verifier_name")), row.getJsonObject("request"), row.getString("status"),
          Optional.ofNullable(row.getJsonObject("outcome")), row.getOffsetDateTime("created_at").toInstant(),
          row.getOffsetDateTime("expires_at").toInstant(), Optional.ofNullable(completed).map(at -> at.toInstant()));
    }
  }

  private final Pool pool;

  ExchangeStore(Pool pool) {
    this.pool = pool;
  }

  Future<Void> insert(Exchange exchange) {
    return pool.preparedQuery("""
            INSERT INTO presentation_exchange (id, account_id, client_id, verifier_name, request, status, created_at, expires_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)""")
        .execute(Tuple.tuple().addUUID(exchange.id()).addUUID(exchange.accountId()).addString(exchange.clientId())
            .addString(exchange.verifierName().orElse(null)).addValue(exchange.request()).addString(exchange.status())
            .addOffsetDateTime(exchange.createdAt().atOffset(ZoneOffset.UTC))
            .addOffsetDateTime(exchange.expiresAt().atOffset(ZoneOffset.UTC)))
        .mapEmpty();
  }

  /** The learner's own exchange; empty for anyone else's. */
  Future<Optional<Exchange>> find(UUID accountId, UUID id) {
    return pool.preparedQuery("SELECT * FROM presentation_exchange WHERE id = $1 AND account_id = $2")
        .execute(Tuple.of(id, accountId))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(Exchange.of(rows.iterator().next())));
  }

  /** Moves an open exchange on; false when it was no longer open (answered or declined meanwhile). */
  Future<Boolean> claim(UUID accountId, UUID id, String status) {
    return pool.preparedQuery("UPDATE presentation_exchange SET status = $3 WHERE id = $1 AND account_id = $2 AND status = 'open'")
        .execute(Tuple.of(id, accountId, status))
        .map(rows -> rows.rowCount() == 1);
  }

  /** Records how the exchange ended, in the caller's transaction (with its activity rows). */
  Future<Void> finish(SqlClient connection, UUID accountId, UUID id, String status, JsonObject outcome, Instant at) {
    return connection.preparedQuery("""
            UPDATE presentation_exchange SET status = $3, outcome = $4, completed_at = $5
            WHERE id = $1 AND account_id = $2""")
        .execute(Tuple.tuple().addUUID(id).addUUID(accountId).addString(status).addValue(outcome)
            .addOffsetDateTime(at.atOffset(ZoneOffset.UTC)))
        .mapEmpty();
  }
}
