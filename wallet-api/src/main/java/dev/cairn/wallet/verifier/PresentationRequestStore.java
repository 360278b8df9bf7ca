package dev.cairn.wallet.verifier;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/** The SQL of presentation requests (V4): made by an employer, answered once through the response URI. */
final class PresentationRequestStore {
  static final String COLUMNS = """
      id, account_id, client_id, response_mode, dcql_query, accepted_issuers, purpose, nonce, state, request_object,
      response_key_sealed, response_key_kek_id, status, reason, reason_detail, result, created_at, expires_at,
      completed_at, webhook_url, redirect_uri, response_code_hash""";
  private static final String INSERT = """
      INSERT INTO presentation_request (id, account_id, client_id, response_mode, dcql_query, accepted_issuers, purpose,
          nonce, state, request_object, response_key_sealed, response_key_kek_id, status, created_at, expires_at,
          webhook_url, redirect_uri)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'pending', $13, $14, $15, $16)""";
  // Only a pending, unexpired request takes an answer: a replay or a late answer finds no row.
  private static final String COMPLETE = """
      UPDATE presentation_request SET status = $3, reason = $4, reason_detail = $5, result = $6, completed_at = $2,
          response_code_hash = $7
      WHERE id = $1 AND status = 'pending' AND expires_at > $2""";

  private final Pool pool;

  Pool pool() {
    return pool;
  }

  PresentationRequestStore(Pool pool) {
    this.pool = pool;
  }

  Future<Void> insert(StoredRequest request) {
    return pool.preparedQuery(INSERT).execute(Tuple.tuple()
            .addUUID(request.id())
            .addUUID(request.accountId())
            .addString(request.clientId())
            .addString(request.responseMode())
            .addValue(request.dcqlQuery())
            .addArrayOfString(request.acceptedIssuers().toArray(String[]::new))
            .addString(request.purpose())
            .addString(request.nonce())
            .addString(request.state())
            .addString(request.requestObject())
            .addBuffer(request.responseKeySealed().map(Buffer::buffer).orElse(null))
            .addString(request.responseKeyKekId().orElse(null))
            .addOffsetDateTime(request.createdAt().atOffset(ZoneOffset.UTC))
            .addOffsetDateTime(request.expiresAt().atOffset(ZoneOffset.UTC))
            .addString(request.webhookUrl().orElse(null))
            .addString(request.redirectUri().orElse(null)))
        .mapEmpty();
  }

  /** The employer's own request; empty for anyone else's (404, never 403). */
  Future<Optional<StoredRequest>> find(UUID accountId, UUID id) {
    return pool.preparedQuery("SELECT " + COLUMNS + " FROM presentation_request WHERE id = $1 AND account_id = $2")
        .execute(Tuple.of(id, accountId))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(StoredRequest.of(rows.iterator().next())));
  }

  /** The public endpoints' lookup: request and response URIs carry the id alone. */
  Future<Optional<StoredRequest>> find(UUID id) {
    return pool.preparedQuery("SELECT " + COLUMNS + " FROM presentation_request WHERE id = $1")
        .execute(Tuple.of(id))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(StoredRequest.of(rows.iterator().next())));
  }

  /** The employer's latest requests, newest first. */
  Future<java.util.List<StoredRequest>> latest(UUID accountId, int limit) {
    return pool.preparedQuery("SELECT " + COLUMNS
            + " FROM presentation_request WHERE account_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2")
        .execute(Tuple.of(accountId, limit))
        .map(rows -> {
          java.util.List<StoredRequest> found = new java.util.ArrayList<>();
          rows.forEach(row -> found.add(StoredRequest.of(row)));
          return found;
        });
  }

  /**
   * Records the answer, in the caller's transaction; false when the request was no longer pending (answered
   * already, or expired).
   */
  Future<Boolean> complete(io.vertx.sqlclient.SqlClient connection, UUID id, Instant at, String status, String reason,
                           String detail, JsonObject result, String responseCodeHash) {
    return connection.preparedQuery(COMPLETE)
        .execute(Tuple.tuple().addUUID(id).addOffsetDateTime(at.atOffset(ZoneOffset.UTC)).addString(status)
            .addString(reason).addString(detail).addValue(result).addString(responseCodeHash))
        .map(rows -> rows.rowCount() == 1);
  }

  static Instant instant(Row row, String column) {
    var value = row.getOffsetDateTime(column);
    return value == null ? null : value.toInstant();
  }
}
