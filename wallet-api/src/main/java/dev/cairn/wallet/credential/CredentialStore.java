package dev.cairn.wallet.credential;

import dev.cairn.credentials.VerifiedCredential;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The credential table. Every statement is scoped by the learner's account id; a row of another learner is
 * indistinguishable from no row. Plain SQL: the store's queries (keyset pages, full-text search, arrays)
 * are what PostgreSQL does best (docs/persistence.md).
 */
final class CredentialStore {
  private static final String INSERT = """
      INSERT INTO credential (id, account_id, content_hash, format, media_type, original, issuer_id, issuer_name,
          types, title, description, issued_at, valid_from, valid_until, sort_issued, list_status, checks, warnings,
          claims, display, holder_key_id, search_config, search_text, imported_at, status_checked_at, tags, note,
          pinned)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21,
          $22::regconfig, $23, $24, $24, $25, $26, $27)
      ON CONFLICT (account_id, content_hash) DO NOTHING
      RETURNING\s""" + CredentialViews.FULL_COLUMNS;

  private final Pool pool;

  CredentialStore(Pool pool) {
    this.pool = pool;
  }

  Pool pool() {
    return pool;
  }

  /** The stored row; empty when the learner already holds these exact bytes (a concurrent import of them). */
  Future<Optional<Row>> insert(SqlClient connection, NewCredential record, List<String> tags, String note, boolean pinned) {
    VerifiedCredential credential = record.credential();
    Instant issued = credential.issuedAt().or(credential::validFrom).orElse(null);
    Tuple row = Tuple.of(record.id(), record.accountId(), record.contentHash(), credential.format().identifier(),
            record.mediaType(), Buffer.buffer(record.incoming().original()))
        .addString(credential.issuer())
        .addString(record.display().issuer().name().orElse(null))
        .addArrayOfString(credential.types().toArray(String[]::new))
        .addString(record.title())
        .addString(record.display().description().orElse(null))
        .addOffsetDateTime(at(issued))
        .addOffsetDateTime(at(credential.validFrom().orElse(null)))
        .addOffsetDateTime(at(credential.validUntil().orElse(null)))
        .addOffsetDateTime(at(issued != null ? issued : record.importedAt()))
        .addString(record.listStatus())
        .addValue(record.checks())
        .addValue(record.warnings())
        .addValue(credential.claims())
        .addValue(record.display().toJson())
        .addUUID(record.binding().holderKeyId().orElse(null))
        .addString(record.search().config())
        .addString(record.search().text())
        .addOffsetDateTime(at(record.importedAt()))
        .addArrayOfString(tags.toArray(String[]::new))
        .addString(note)
        .addBoolean(pinned);
    return one(connection.preparedQuery(INSERT).execute(row));
  }

  Future<Optional<Row>> findByHash(UUID accountId, String contentHash) {
    return findByHash(pool, accountId, contentHash);
  }

  /** On {@code connection}, so a transaction that lost an insert race sees the row that won. */
  Future<Optional<Row>> findByHash(SqlClient connection, UUID accountId, String contentHash) {
    return one(connection.preparedQuery("SELECT " + CredentialViews.FULL_COLUMNS
            + " FROM credential WHERE account_id = $1 AND content_hash = $2")
        .execute(Tuple.of(accountId, contentHash)));
  }

  Future<Optional<Row>> find(UUID accountId, UUID id, boolean withOriginal) {
    String columns = CredentialViews.FULL_COLUMNS + (withOriginal ? ", original" : "");
    return one(pool.preparedQuery("SELECT " + columns + " FROM credential WHERE account_id = $1 AND id = $2")
        .execute(Tuple.of(accountId, id)));
  }

  /** What export and re-verification read: the original bytes, media type, and the last check's outcome. */
  private static final String ORIGINAL_COLUMNS = "account_id, id, format, media_type, original, title, issuer_name, "
      + "list_status, valid_from, valid_until, status_checked_at, warnings";

  Future<Optional<Row>> original(UUID accountId, UUID id) {
    return one(pool.preparedQuery("SELECT " + ORIGINAL_COLUMNS + " FROM credential WHERE account_id = $1 AND id = $2")
        .execute(Tuple.of(accountId, id)));
  }

  /**
   * Claims every learner's credentials last checked at or before {@code checkedBefore}, oldest first (the status
   * job): one statement marks them taken until {@code claimedUntil}, skipping rows another runner holds, so each is
   * re-checked by one runner; a runner that dies leaves them due again once its claim expires. The rows answered
   * are as they were before the claim.
   */
  Future<List<Row>> claimDue(Instant checkedBefore, Instant now, Instant claimedUntil, int limit) {
    return pool.preparedQuery("WITH due AS (SELECT " + ORIGINAL_COLUMNS + " FROM credential"
            + " WHERE status_checked_at <= $1 AND (recheck_claimed_until IS NULL OR recheck_claimed_until <= $2)"
            + " ORDER BY status_checked_at, id LIMIT $4 FOR UPDATE SKIP LOCKED)"
            + " UPDATE credential c SET recheck_claimed_until = $3 FROM due WHERE c.id = due.id RETURNING due.*")
        .execute(Tuple.of(at(checkedBefore), at(now), at(claimedUntil), limit))
        .map(rows -> {
          List<Row> due = new ArrayList<>();
          rows.forEach(due::add);
          return due;
        });
  }

  /** Deletes the credential; its stack memberships go with it (foreign keys). Returns what the log needs. */
  Future<Optional<Row>> delete(SqlClient connection, UUID accountId, UUID id) {
    return one(connection.preparedQuery("DELETE FROM credential WHERE account_id = $1 AND id = $2 RETURNING id")
        .execute(Tuple.of(accountId, id)));
  }

  Future<Optional<Row>> update(UUID accountId, UUID id, CredentialChanges changes) {
    return one(pool.preparedQuery("""
            UPDATE credential SET
              tags = CASE WHEN $3 THEN $4 ELSE tags END,
              note = CASE WHEN $5 THEN $6 ELSE note END,
              pinned = CASE WHEN $7 THEN $8 ELSE pinned END
            WHERE account_id = $1 AND id = $2
            RETURNING\s""" + CredentialViews.FULL_COLUMNS)
        .execute(Tuple.of(accountId, id, changes.tags().isPresent(),
                changes.tags().map(tags -> tags.toArray(String[]::new)).orElse(new String[0]),
                changes.note().isPresent(), changes.note().flatMap(note -> note).orElse(null))
            .addBoolean(changes.pinned().isPresent())
            .addBoolean(changes.pinned().orElse(false))));
  }

  /**
   * What a later verification found: the status list's answer and the checks. Only if nobody recorded another
   * check since {@code previousCheck} (two runners, or a runner and the learner's own re-check, may overlap): false
   * when the other one won, so a status change is logged once.
   */
  Future<Boolean> recordVerification(SqlClient connection, UUID accountId, UUID id, Instant previousCheck,
                                     String listStatus, JsonArray checks, JsonArray warnings, Instant checkedAt) {
    return connection.preparedQuery("UPDATE credential SET list_status = $3, checks = $4, warnings = $5, "
            + "status_checked_at = $6, recheck_claimed_until = NULL WHERE account_id = $1 AND id = $2 AND status_checked_at = $7")
        .execute(Tuple.of(accountId, id, listStatus, checks, warnings, at(checkedAt)).addOffsetDateTime(at(previousCheck)))
        .map(updated -> updated.rowCount() == 1);
  }

  private static Future<Optional<Row>> one(Future<RowSet<Row>> rows) {
    return rows.map(found -> found.size() == 0 ? Optional.empty() : Optional.of(found.iterator().next()));
  }

  static OffsetDateTime at(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }
}
