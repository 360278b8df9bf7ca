package dev.cairn.wallet.issuance;

import dev.cairn.issuer.client.NotificationHandle;
import dev.cairn.wallet.issuance.SealedIssuanceSecrets.Purpose;
import dev.cairn.wallet.issuance.SealedIssuanceSecrets.Sealed;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The SQL of {@code issuer_notification} (V11): for each credential received with a {@code notification_id}
 * (OpenID4VCI 1.0 §11), its {@link NotificationHandle} sealed, until the Access Token it needs may have expired. A
 * row whose credential is gone (the learner deleted it) while the token is live is a {@code credential_deleted}
 * notice due; {@link CredentialDeletedJob} claims and sends it.
 */
final class IssuerNotifications {
  /**
   * How long an issuer's Access Token is taken to stay valid after it was obtained. The client does not keep the
   * Token Response's {@code expires_in}; §13.6 calls tokens beyond five minutes long-lived, so five minutes is what a
   * careful issuer grants and the reference issuer's default. A token that expired sooner is answered with an error,
   * and the notice is given up.
   */
  static final Duration TOKEN_WINDOW = Duration.ofMinutes(5);
  static final Duration CLAIM = Duration.ofMinutes(1);

  /** A claimed notice: the handle opened, and how many attempts came before. */
  record Due(UUID id, NotificationHandle handle, int attempts, Instant tokenExpiresAt) {}

  private final Pool pool;
  private final SealedIssuanceSecrets secrets;

  IssuerNotifications(Pool pool, SealedIssuanceSecrets secrets) {
    this.pool = pool;
    this.secrets = secrets;
  }

  /** Keeps the handle for one stored credential, in the transaction that stores it. */
  Future<Void> keep(SqlClient connection, UUID accountId, UUID credentialId, NotificationHandle handle,
                    Instant tokenObtainedAt, Instant now) {
    Instant expires = tokenObtainedAt.plus(TOKEN_WINDOW);
    if (!now.isBefore(expires)) {
      return Future.succeededFuture();
    }
    UUID id = UUID.randomUUID();
    Sealed sealed = secrets.seal(Purpose.NOTIFICATION, accountId, id, new JsonObject()
        .put("notification_endpoint", handle.endpoint().toString()).put("access_token", handle.accessToken())
        .put("notification_id", handle.notificationId()));
    return connection.preparedQuery("""
            INSERT INTO issuer_notification (id, account_id, credential_id, kek_id, sealed_handle, token_expires_at, created_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7)""")
        .execute(Tuple.of(id, accountId, credentialId, sealed.kekId(), Buffer.buffer(sealed.ciphertext()),
            OfferStore.at(expires), OfferStore.at(now)))
        .mapEmpty();
  }

  /**
   * Claims up to {@code limit} notices due at {@code now}: credential deleted, token live, not delivered, not
   * claimed by another runner, past their backoff. One statement over rows locked with {@code SKIP LOCKED}.
   */
  Future<List<Due>> claimDue(Instant now, int limit) {
    return pool.preparedQuery("""
            UPDATE issuer_notification SET event = 'credential_deleted', claimed_until = $2
            WHERE id IN (SELECT n.id FROM issuer_notification n
                         WHERE n.delivered_at IS NULL AND n.token_expires_at > $1
                           AND (n.claimed_until IS NULL OR n.claimed_until <= $1)
                           AND (n.next_attempt_at IS NULL OR n.next_attempt_at <= $1)
                           AND NOT EXISTS (SELECT 1 FROM credential c WHERE c.id = n.credential_id)
                         ORDER BY n.token_expires_at LIMIT $3 FOR UPDATE OF n SKIP LOCKED)
            RETURNING id, account_id, kek_id, sealed_handle, attempts, token_expires_at""")
        .execute(Tuple.of(OfferStore.at(now), OfferStore.at(now.plus(CLAIM)), limit))
        .map(rows -> {
          List<Due> due = new ArrayList<>();
          rows.forEach(row -> {
            UUID id = row.getUUID("id");
            JsonObject handle = secrets.open(Purpose.NOTIFICATION, row.getUUID("account_id"), id,
                row.getString("kek_id"), row.getBuffer("sealed_handle").getBytes());
            due.add(new Due(id, new NotificationHandle(URI.create(handle.getString("notification_endpoint")),
                handle.getString("access_token"), handle.getString("notification_id")), row.getInteger("attempts"),
                row.getOffsetDateTime("token_expires_at").toInstant()));
          });
          return due;
        });
  }

  Future<Void> delivered(UUID id, Instant at) {
    return pool.preparedQuery("UPDATE issuer_notification SET delivered_at = $2, attempts = attempts + 1, "
            + "claimed_until = NULL, last_error = NULL WHERE id = $1")
        .execute(Tuple.of(id, OfferStore.at(at)))
        .mapEmpty();
  }

  /** Tried again at {@code next}; a {@code next} at or past the token's expiry means never. */
  Future<Void> failed(UUID id, Instant next, String error) {
    return pool.preparedQuery("UPDATE issuer_notification SET attempts = attempts + 1, next_attempt_at = $2, "
            + "claimed_until = NULL, last_error = $3 WHERE id = $1")
        .execute(Tuple.of(id, OfferStore.at(next), error.length() > 500 ? error.substring(0, 500) : error))
        .mapEmpty();
  }
}
