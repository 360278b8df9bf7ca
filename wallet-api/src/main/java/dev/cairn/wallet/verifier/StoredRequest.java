package dev.cairn.wallet.verifier;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A presentation request as stored: what was asked, how the answer must be bound, and how it ended. */
record StoredRequest(
    UUID id,
    UUID accountId,
    String clientId,
    String responseMode,
    JsonObject dcqlQuery,
    List<String> acceptedIssuers,
    String purpose,
    String nonce,
    String state,
    String requestObject,
    Optional<byte[]> responseKeySealed,
    Optional<String> responseKeyKekId,
    String status,
    Optional<String> reason,
    Optional<String> reasonDetail,
    Optional<JsonObject> result,
    Instant createdAt,
    Instant expiresAt,
    Optional<Instant> completedAt,
    Optional<String> webhookUrl,
    Optional<String> redirectUri,
    Optional<String> responseCodeHash) {

  static final String PENDING = "pending";
  static final String FULFILLED = "fulfilled";
  static final String REJECTED = "rejected";
  /** Never stored: a pending request past its expiry reads as expired. */
  static final String EXPIRED = "expired";

  static StoredRequest of(Row row) {
    String[] issuers = row.getArrayOfStrings("accepted_issuers");
    var sealed = row.getBuffer("response_key_sealed");
    return new StoredRequest(row.getUUID("id"), row.getUUID("account_id"), row.getString("client_id"),
        row.getString("response_mode"), row.getJsonObject("dcql_query"),
        issuers == null ? List.of() : List.of(issuers), row.getString("purpose"), row.getString("nonce"),
        row.getString("state"), row.getString("request_object"),
        Optional.ofNullable(sealed).map(buffer -> buffer.getBytes()), Optional.ofNullable(row.getString("response_key_kek_id")),
        row.getString("status"), Optional.ofNullable(row.getString("reason")),
        Optional.ofNullable(row.getString("reason_detail")), Optional.ofNullable(row.getJsonObject("result")),
        PresentationRequestStore.instant(row, "created_at"), PresentationRequestStore.instant(row, "expires_at"),
        Optional.ofNullable(PresentationRequestStore.instant(row, "completed_at")),
        Optional.ofNullable(row.getString("webhook_url")), Optional.ofNullable(row.getString("redirect_uri")),
        Optional.ofNullable(row.getString("response_code_hash")));
  }

  /** The status as the employer sees it now. */
  String statusAt(Instant now) {
    return PENDING.equals(status) && !now.isBefore(expiresAt) ? EXPIRED : status;
  }
}
