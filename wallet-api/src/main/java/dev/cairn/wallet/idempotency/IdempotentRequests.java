package dev.cairn.wallet.idempotency;

import dev.cairn.wallet.http.ProblemException;
import dev.cairn.wallet.http.ProblemType;
import dev.cairn.wallet.http.Reply;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * {@code Idempotency-Key} (draft-ietf-httpapi-idempotency-key-header): the first final answer to a key is kept
 * for 24 hours with a hash of its request; the same key with the same request replays it (with {@code
 * Idempotent-Replayed: true}), with another request is {@code idempotency-key-reused}. Final answers are
 * successes and 422 refusals; a 5xx or a 4xx found before the work started is not kept, so a retry runs again.
 * Keys are per learner.
 */
public final class IdempotentRequests {
  public static final String HEADER = "Idempotency-Key";
  public static final Duration RETENTION = Duration.ofHours(24);
  private static final String FIND =
      "SELECT request_hash, status, location, body FROM idempotency_record "
          + "WHERE account_id = $1 AND idem_key = $2 AND created_at > $3";
  private static final String SAVE = """
      INSERT INTO idempotency_record AS r (account_id, idem_key, request_hash, status, location, body, created_at)
      VALUES ($1, $2, $3, $4, $5, $6, $7)
      ON CONFLICT (account_id, idem_key) DO UPDATE SET request_hash = EXCLUDED.request_hash,
        status = EXCLUDED.status, location = EXCLUDED.location, body = EXCLUDED.body, created_at = EXCLUDED.created_at
      WHERE r.created_at <= $8""";

  private final Pool pool;
  private final Clock clock;

  public IdempotentRequests(Pool pool, Clock clock) {
    this.pool = pool;
    this.clock = clock;
  }

  /** Runs {@code work} once per key and request; without a key, just runs it. */
  public Future<Reply> run(UUID accountId, Optional<String> key, String requestHash, Supplier<Future<Reply>> work) {
    if (key.isEmpty()) {
      return work.get();
    }
    String validKey = validKey(key.get());
    Instant now = clock.instant();
    return pool.preparedQuery(FIND).execute(Tuple.of(accountId, validKey, at(now.minus(RETENTION))))
        .compose(rows -> {
          if (rows.size() > 0) {
            return replay(rows.iterator().next(), requestHash);
          }
          return work.get()
              .compose(reply -> save(accountId, validKey, requestHash, reply.status(), location(reply),
                      (String) reply.body(), now).map(reply))
              .recover(failure -> failure instanceof ProblemException problem && problem.type().status() == 422
                  ? save(accountId, validKey, requestHash, 422, null, encode(problem), now)
                      .compose(saved -> Future.failedFuture(problem))
                  : Future.failedFuture(failure));
        });
  }

  /** SHA-256 over the media type and the body: what "the same request" means. */
  public static String requestHash(String contentType, byte[] body) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(String.valueOf(contentType).getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      return HexFormat.of().formatHex(digest.digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private Future<Reply> replay(Row stored, String requestHash) {
    if (!stored.getString("request_hash").equals(requestHash)) {
      return Future.failedFuture(new ProblemException(ProblemType.IDEMPOTENCY_KEY_REUSED,
          "This Idempotency-Key was used in the last 24 hours for a request with another body"));
    }
    int status = stored.getInteger("status");
    Map<String, String> headers = new HashMap<>();
    headers.put("Idempotent-Replayed", "true");
    if (status >= 400) {
      JsonObject problem = new JsonObject(stored.getString("body"));
      ProblemType type = Arrays.stream(ProblemType.values())
          .filter(candidate -> candidate.code().equals(problem.getString("code"))).findFirst()
          .orElse(ProblemType.INTERNAL_ERROR);
      return Future.failedFuture(new ProblemException(type, problem.getString("detail"), headers,
          problem.getJsonObject("extensions", new JsonObject()).getMap()));
    }
    Optional.ofNullable(stored.getString("location")).ifPresent(location -> headers.put("Location", location));
    return Future.succeededFuture(new Reply(status, stored.getString("body"), Reply.JSON, headers));
  }

  private Future<Void> save(UUID accountId, String key, String requestHash, int status, String location, String body,
                            Instant now) {
    return pool.preparedQuery(SAVE)
        .execute(Tuple.of(accountId, key, requestHash, status, location, body).addOffsetDateTime(at(now))
            .addOffsetDateTime(at(now.minus(RETENTION))))
        .mapEmpty();
  }

  private static String encode(ProblemException problem) {
    return new JsonObject().put("code", problem.type().code()).put("detail", problem.detail())
        .put("extensions", new JsonObject(new HashMap<>(problem.extensions()))).encode();
  }

  private static String location(Reply reply) {
    return reply.headers().get("Location");
  }

  /** 1–255 visible ASCII characters; anything else is the caller's mistake. */
  static String validKey(String key) {
    if (key.isEmpty() || key.length() > 255 || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
      throw new ProblemException(ProblemType.INVALID_REQUEST,
          "Header 'Idempotency-Key' must be 1–255 visible ASCII characters");
    }
    return key;
  }

  private static OffsetDateTime at(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
