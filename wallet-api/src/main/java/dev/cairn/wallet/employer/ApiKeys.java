package dev.cairn.wallet.employer;

import dev.cairn.wallet.auth.BearerAuthHandler;
import dev.cairn.wallet.auth.InvalidTokenException;
import dev.cairn.wallet.auth.Principal;
import dev.cairn.wallet.auth.Sha256;
import dev.cairn.wallet.http.ProblemException;
import dev.cairn.wallet.http.ProblemType;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import java.time.Instant;
import java.util.UUID;

/**
 * Employers' API keys for server-to-server calls: {@code cairn_ak_<key id>.<secret>}, sent as a bearer token.
 * The secret is 256 random bits, shown once at creation and stored only as its SHA-256 (a high-entropy secret
 * needs no slow hash); a revoked key stops working at once because every call looks it up.
 */
public final class ApiKeys implements BearerAuthHandler.ApiKeyAuthenticator {
  public static final String PREFIX = "cairn_ak_";
  private static final java.time.Duration LAST_USED_RESOLUTION = java.time.Duration.ofMinutes(1);
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  /** When this instance last wrote each key's last_used_at (per instance: a few extra writes across pods are fine). */
  private final com.github.benmanes.caffeine.cache.Cache<UUID, Instant> lastUsedWritten =
      com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(10_000).build();
  private static final String FIND = """
      SELECT k.account_id, k.secret_hash FROM api_key k JOIN account a ON a.id = k.account_id
      WHERE k.id = $1 AND k.revoked_at IS NULL AND a.role = 'employer'""";

  private final Pool pool;
  private final Clock clock;

  public ApiKeys(Pool pool, Clock clock) {
    this.pool = pool;
    this.clock = clock;
  }

  /** A new key; the answer is the only time its secret is ever shown. */
  public Future<JsonObject> create(UUID accountId, String name) {
    UUID id = UUID.randomUUID();
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String encodedSecret = B64.encodeToString(secret);
    var now = clock.instant();
    return pool.preparedQuery("INSERT INTO api_key (id, account_id, name, secret_hash, created_at) VALUES ($1, $2, $3, $4, $5)")
        .execute(Tuple.of(id, accountId, name, Sha256.hex(encodedSecret), now.atOffset(ZoneOffset.UTC)))
        .map(done -> new JsonObject().put("id", id.toString()).put("name", name)
            .put("key", PREFIX + id + "." + encodedSecret).put("createdAt", now.toString()));
  }

  public Future<JsonObject> list(UUID accountId) {
    return pool.preparedQuery("SELECT id, name, created_at, last_used_at, revoked_at FROM api_key "
            + "WHERE account_id = $1 ORDER BY created_at DESC, id")
        .execute(Tuple.of(accountId))
        .map(rows -> {
          JsonArray items = new JsonArray();
          for (Row row : rows) {
            JsonObject key = new JsonObject().put("id", row.getUUID("id").toString()).put("name", row.getString("name"))
                .put("createdAt", row.getOffsetDateTime("created_at").toInstant().toString());
            Optional.ofNullable(row.getOffsetDateTime("last_used_at"))
                .ifPresent(at -> key.put("lastUsedAt", at.toInstant().toString()));
            Optional.ofNullable(row.getOffsetDateTime("revoked_at"))
                .ifPresent(at -> key.put("revokedAt", at.toInstant().toString()));
            items.add(key);
          }
          return new JsonObject().put("items", items);
        });
  }

  public Future<Void> revoke(UUID accountId, UUID id) {
    return pool.preparedQuery("UPDATE api_key SET revoked_at = $3 WHERE account_id = $1 AND id = $2 AND revoked_at IS NULL")
        .execute(Tuple.of(accountId, id, clock.instant().atOffset(ZoneOffset.UTC)))
        .compose(updated -> updated.rowCount() == 1 ? Future.succeededFuture()
            : Future.failedFuture(notFound()));
  }

  static ProblemException notFound() {
    return new ProblemException(ProblemType.NOT_FOUND, "No such active API key");
  }

  @Override
  public String prefix() {
    return PREFIX;
  }

  @Override
  public Future<Principal> authenticate(String bearerToken) {
    int dot = bearerToken.indexOf('.');
    UUID id;
    try {
      id = UUID.fromString(bearerToken.substring(PREFIX.length(), dot < 0 ? bearerToken.length() : dot));
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      return Future.failedFuture(new InvalidTokenException("the API key is malformed"));
    }
    String secret = dot < 0 ? "" : bearerToken.substring(dot + 1);
    return pool.preparedQuery(FIND).execute(Tuple.of(id)).compose(rows -> {
      if (rows.size() == 0 || !MessageDigest.isEqual(Sha256.hex(secret).getBytes(),
          rows.iterator().next().getString("secret_hash").getBytes())) {
        return Future.failedFuture(new InvalidTokenException("the API key is unknown or revoked"));
      }
      UUID accountId = rows.iterator().next().getUUID("account_id");
      Principal employer = new Principal(accountId, Optional.empty(), Principal.Role.EMPLOYER);
      // "Last used" is for the employer to spot a forgotten key: to the minute is enough, and a busy integration
      // then costs one write a minute instead of one per call.
      Instant now = clock.instant();
      Instant written = lastUsedWritten.getIfPresent(id);
      if (written != null && now.isBefore(written.plus(LAST_USED_RESOLUTION))) {
        return Future.succeededFuture(employer);
      }
      lastUsedWritten.put(id, now);
      return pool.preparedQuery("UPDATE api_key SET last_used_at = $2 WHERE id = $1")
          .execute(Tuple.of(id, now.atOffset(ZoneOffset.UTC)))
          .map(done -> employer);
    });
  }
}
