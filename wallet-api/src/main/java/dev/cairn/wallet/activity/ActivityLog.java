package dev.cairn.wallet.activity;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Writes what happened to a learner's wallet, always on the connection of the change it records, so the row
 * and the change commit together. Rows never hold a credential, a salt, a nonce or a token (DESIGN.md §4):
 * only the kind, the ids, a reason code and a short summary (title, issuer name) that deleting the credential
 * erases.
 */
public final class ActivityLog {
  private static final String INSERT = """
      INSERT INTO activity (account_id, occurred_at, kind, credential_id, stack_id, reason, summary)
      VALUES ($1, $2, $3, $4, $5, $6, $7)""";

  private final Clock clock;

  public ActivityLog(Clock clock) {
    this.clock = clock;
  }

  /** What can be recorded. The code is part of the API ({@code GET /v1/activity}). */
  public enum Kind {
    CREDENTIAL_IMPORTED("credential-imported"),
    CREDENTIAL_IMPORT_REFUSED("credential-import-refused"),
    CREDENTIAL_DELETED("credential-deleted"),
    CREDENTIAL_EXPORTED("credential-exported"),
    CREDENTIAL_STATUS_CHANGED("credential-status-changed"),
    WALLET_EXPORTED("wallet-exported"),
    WALLET_IMPORTED("wallet-imported"),
    PRESENTATION_SENT("presentation-sent"),
    PRESENTATION_FAILED("presentation-failed"),
    PRESENTATION_DECLINED("presentation-declined"),
    SHARE_LINK_CREATED("share-link-created"),
    SHARE_LINK_VIEWED("share-link-viewed"),
    SHARE_LINK_REVOKED("share-link-revoked"),
    CREDENTIAL_RECEIVED("credential-received"),
    CREDENTIAL_PENDING("credential-pending"),
    CREDENTIAL_ISSUANCE_REFUSED("credential-issuance-refused");

    private final String code;

    Kind(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }
  }

  /** One event; {@code credentialId}, {@code stackId}, {@code reason} and {@code summary} may be null. */
  public record Entry(Kind kind, UUID credentialId, UUID stackId, String reason, JsonObject summary) {
    public static Entry of(Kind kind) {
      return new Entry(kind, null, null, null, null);
    }

    public static Entry credential(Kind kind, UUID credentialId, JsonObject summary) {
      return new Entry(kind, credentialId, null, null, summary);
    }
  }

  public Future<Void> record(SqlClient connection, UUID accountId, Entry entry) {
    return connection.preparedQuery(INSERT)
        .execute(Tuple.of(accountId, clock.instant().atOffset(ZoneOffset.UTC), entry.kind().code(),
            entry.credentialId(), entry.stackId(), entry.reason(), entry.summary()))
        .mapEmpty();
  }

  /** Erases the summaries of a deleted credential's events; the events themselves stay. */
  public Future<Void> forget(SqlClient connection, UUID accountId, UUID credentialId) {
    return connection.preparedQuery("UPDATE activity SET summary = NULL WHERE account_id = $1 AND credential_id = $2")
        .execute(Tuple.of(accountId, credentialId))
        .mapEmpty();
  }
}
