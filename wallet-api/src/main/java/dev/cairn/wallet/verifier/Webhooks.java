package dev.cairn.wallet.verifier;

import com.nimbusds.jose.JWSAlgorithm;
import dev.cairn.did.fetch.FetchException;
import dev.cairn.did.fetch.HardenedFetch;
import dev.cairn.did.fetch.OutboundRequest;
import dev.cairn.wallet.openid4vp.RequestObjects;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells an employer's system that a presentation request ended: a JWT ({@code typ: cairn-webhook+jwt}) signed with
 * the organisation's own request-signing key — the key its {@code decentralized_identifier} client_id names, so the
 * receiver checks it against the DID it already knows — POSTed to the request's webhook URL through the hardened
 * client. The notice carries the outcome, not the claims: those are read with the employer's credentials.
 *
 * <p>A notice is a row written in the transaction that ends the request, so none is lost. Delivery claims the row
 * first (moving its next attempt out by a lease), so the attempt right after completion and the background runner
 * never both send it; a failure is retried with exponential backoff, {@link #MAX_ATTEMPTS} times in all.
 */
public final class Webhooks {
  static final String TYP = "cairn-webhook+jwt";
  static final int MAX_ATTEMPTS = 8;
  private static final Duration FIRST_RETRY = Duration.ofSeconds(30);
  private static final Duration LONGEST_RETRY = Duration.ofHours(1);
  private static final Duration CLAIM = Duration.ofMinutes(2);
  private static final Logger LOG = LoggerFactory.getLogger(Webhooks.class);
  private static final String CLAIM_DUE = """
      UPDATE webhook_delivery SET next_attempt_at = $2
      WHERE id IN (SELECT id FROM webhook_delivery
                   WHERE delivered_at IS NULL AND gave_up_at IS NULL AND next_attempt_at <= $1
                   ORDER BY next_attempt_at LIMIT $3 FOR UPDATE SKIP LOCKED)
      RETURNING id, url, payload, attempts""";

  private final Pool pool;
  private final VerifierKeys keys;
  private final HardenedFetch fetch;
  private final Clock clock;

  public Webhooks(Pool pool, VerifierKeys keys, HardenedFetch fetch, Clock clock) {
    this.pool = pool;
    this.keys = keys;
    this.fetch = fetch;
    this.clock = clock;
  }

  /** The signed notice for a request that just ended (signed before the transaction that records the end). */
  Future<String> notice(StoredRequest request, String status, String reason, Instant at) {
    return keys.of(request.accountId()).map(key -> {
      JsonObject claims = new JsonObject().put("iss", key.did()).put("iat", at.getEpochSecond())
          .put("jti", UUID.randomUUID().toString()).put("request_id", request.id().toString())
          .put("status", status).put("status_url", "/v1/verifier/requests/" + request.id());
      if (reason != null) {
        claims.put("reason", reason);
      }
      return RequestObjects.sign(claims, key.signer(), JWSAlgorithm.ES256, key.kid(), TYP);
    });
  }

  /** Queues the notice in the caller's transaction; answers its id. */
  Future<UUID> enqueue(SqlClient connection, StoredRequest request, String notice, Instant at) {
    UUID id = UUID.randomUUID();
    return connection.preparedQuery("""
            INSERT INTO webhook_delivery (id, request_id, url, payload, next_attempt_at, created_at)
            VALUES ($1, $2, $3, $4, $5, $5)""")
        .execute(Tuple.of(id, request.id(), request.webhookUrl().orElseThrow(), notice, at.atOffset(ZoneOffset.UTC)))
        .map(done -> id);
  }

  /** Delivers what is due, at most {@code limit} notices; answers how many were delivered. */
  public Future<Integer> deliverDue(int limit) {
    Instant now = clock.instant();
    return pool.preparedQuery(CLAIM_DUE)
        .execute(Tuple.of(now.atOffset(ZoneOffset.UTC), now.plus(CLAIM).atOffset(ZoneOffset.UTC), limit))
        .compose(rows -> {
          List<Future<Boolean>> sent = new ArrayList<>();
          rows.forEach(row -> sent.add(deliver(row)));
          return Future.join(sent).map(done -> (int) sent.stream().filter(Future::succeeded)
              .filter(Future::result).count());
        });
  }

  private Future<Boolean> deliver(Row claimed) {
    UUID id = claimed.getUUID("id");
    int attempt = claimed.getInteger("attempts") + 1;
    OutboundRequest post;
    try {
      post = OutboundRequest.post(URI.create(claimed.getString("url")), "application/jwt",
          Buffer.buffer(claimed.getString("payload")), Set.of()).acceptingStatuses(201, 202, 204);
    } catch (IllegalArgumentException e) {
      return failed(id, attempt, "the webhook URL is not a URL");
    }
    return fetch.send(post)
        .compose(answered -> pool.preparedQuery(
                "UPDATE webhook_delivery SET delivered_at = $2, attempts = $3, last_error = NULL WHERE id = $1")
            .execute(Tuple.of(id, clock.instant().atOffset(ZoneOffset.UTC), attempt)).map(true),
            failure -> failed(id, attempt, failure instanceof FetchException e ? e.getMessage() : failure.toString()));
  }

  /** Backoff: 30 s, 1 min, 2 min, … at most an hour apart; after the last attempt the notice is given up. */
  private Future<Boolean> failed(UUID id, int attempt, String error) {
    Instant now = clock.instant();
    boolean last = attempt >= MAX_ATTEMPTS;
    Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(attempt - 1, 16));
    Instant next = now.plus(wait.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait);
    if (last) {
      LOG.warn("webhook {} given up after {} attempts: {}", id, attempt, error);
    }
    return pool.preparedQuery("""
            UPDATE webhook_delivery SET attempts = $2, next_attempt_at = $3, last_error = $4, gave_up_at = $5
            WHERE id = $1""")
        .execute(Tuple.tuple().addUUID(id).addInteger(attempt).addOffsetDateTime(next.atOffset(ZoneOffset.UTC))
            .addString(error.length() > 500 ? error.substring(0, 500) : error)
            .addOffsetDateTime(last ? now.atOffset(ZoneOffset.UTC) : null))
        .map(false);
  }
}
