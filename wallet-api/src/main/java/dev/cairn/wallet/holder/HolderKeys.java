package dev.cairn.wallet.holder;

import com.nimbusds.jose.jwk.JWK;
import dev.cairn.wallet.server.Workers;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A learner's holder keys: made when the account is made (in its transaction), listed by their public forms,
 * and opened only inside Cairn to sign a presentation. Private keys are stored sealed under the
 * key-encryption key and never returned, logged or exported.
 */
public final class HolderKeys {
  private static final Logger LOG = LoggerFactory.getLogger(HolderKeys.class);
  private static final String INSERT = """
      INSERT INTO holder_key (id, account_id, algorithm, public_jwk, jwk_thumbprint, did_jwk, did_key, kek_id,
                              encrypted_private_key, created_at)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)""";
  private static final String PUBLIC_COLUMNS =
      "id, account_id, algorithm, public_jwk, jwk_thumbprint, did_jwk, did_key, created_at";

  private final Pool pool;
  private final KeyRing keys;
  private final HolderKeyGenerator generator;
  private final Workers workers;
  private final Clock clock;

  public HolderKeys(Pool pool, KeyRing keys, Workers workers, Clock clock) {
    this.pool = pool;
    this.keys = keys;
    this.generator = new HolderKeyGenerator(keys);
    this.workers = workers;
    this.clock = clock;
  }

  /** Generates a new account's keys off the event loop; {@link #insert} stores them in the account's transaction. */
  public Future<List<NewHolderKey>> generate(UUID accountId) {
    return workers.crypto(() -> generator.generate(accountId, clock.instant()));
  }

  public Future<Void> insert(SqlClient connection, List<NewHolderKey> generated) {
    List<Tuple> rows = generated.stream().map(HolderKeys::row).toList();
    return connection.preparedQuery(INSERT).executeBatch(rows).mapEmpty();
  }

  /** The learner's keys, P-256 first. */
  public Future<List<HolderKey>> of(UUID accountId) {
    return pool.preparedQuery("SELECT " + PUBLIC_COLUMNS + " FROM holder_key WHERE account_id = $1 ORDER BY algorithm <> 'ES256', created_at")
        .execute(Tuple.of(accountId))
        .map(rows -> {
          List<HolderKey> found = new ArrayList<>();
          rows.forEach(row -> found.add(publicPart(row)));
          return found;
        });
  }

  /** The private JWK of one of the learner's keys, opened on a worker; for signing inside Cairn only. */
  public Future<JWK> privateKey(UUID accountId, UUID keyId) {
    return pool.preparedQuery("SELECT kek_id, encrypted_private_key FROM holder_key WHERE account_id = $1 AND id = $2")
        .execute(Tuple.of(accountId, keyId))
        .compose(rows -> {
          if (rows.size() == 0) {
            return Future.failedFuture(new IllegalArgumentException("no such holder key"));
          }
          Row row = rows.iterator().next();
          return workers.crypto(() -> open(accountId, keyId, row.getString("kek_id"),
              row.getBuffer("encrypted_private_key").getBytes()));
        });
  }

  /**
   * Re-seals, under the current KEK, every key still sealed under a rotated-out one (docs/holder-keys.md).
   * Runs at start-up; a row whose KEK is not configured at all is left alone and reported.
   */
  public Future<Integer> resealUnderCurrentKey() {
    String current = keys.current().id();
    return pool.preparedQuery("SELECT id, account_id, kek_id, encrypted_private_key FROM holder_key WHERE kek_id <> $1")
        .execute(Tuple.of(current))
        .compose(rows -> {
          List<Tuple> updates = new ArrayList<>();
          int unknown = 0;
          for (Row row : rows) {
            UUID id = row.getUUID("id");
            UUID accountId = row.getUUID("account_id");
            if (keys.byId(row.getString("kek_id")).isEmpty()) {
              unknown++;
              continue;
            }
            updates.add(Tuple.of(id, accountId, row.getString("kek_id"), row.getBuffer("encrypted_private_key")));
          }
          if (unknown > 0) {
            LOG.warn("{} holder keys are sealed under a key-encryption key that is not configured", unknown);
          }
          if (updates.isEmpty()) {
            return Future.succeededFuture(0);
          }
          return workers.crypto(() -> updates.stream().map(this::resealed).toList())
              .compose(resealed -> pool.preparedQuery(
                      "UPDATE holder_key SET kek_id = $3, encrypted_private_key = $4 WHERE id = $1 AND account_id = $2")
                  .executeBatch(resealed))
              .map(done -> updates.size());
        });
  }

  private Tuple resealed(Tuple row) {
    UUID id = row.getUUID(0);
    UUID accountId = row.getUUID(1);
    byte[] aad = associatedData(accountId, id);
    byte[] plaintext = keys.byId(row.getString(2)).orElseThrow().open(row.getBuffer(3).getBytes(), aad);
    try {
      return Tuple.of(id, accountId, keys.current().id(),
          Buffer.buffer(keys.current().seal(plaintext, aad)));
    } finally {
      Arrays.fill(plaintext, (byte) 0);
    }
  }

  private JWK open(UUID accountId, UUID keyId, String kekId, byte[] sealed) throws ParseException {
    return keys.openJwk(kekId, sealed, associatedData(accountId, keyId), "holder key " + keyId);
  }

  /** Binds a sealed private key to its row: it opens only for this account and this key id. */
  static byte[] associatedData(UUID accountId, UUID keyId) {
    return ("cairn-holder-key/v1/" + accountId + "/" + keyId).getBytes(StandardCharsets.US_ASCII);
  }

  private static Tuple row(NewHolderKey generated) {
    HolderKey key = generated.key();
    return Tuple.of(key.id(), key.accountId(), key.algorithm(), key.publicJwk().toJSONString(), key.thumbprint(),
            key.didJwk(), key.didKey(), generated.kekId())
        .addBuffer(Buffer.buffer(generated.sealedPrivateKey()))
        .addOffsetDateTime(key.createdAt().atOffset(ZoneOffset.UTC));
  }

  private static HolderKey publicPart(Row row) {
    try {
      return new HolderKey(row.getUUID("id"), row.getUUID("account_id"), row.getString("algorithm"),
          JWK.parse(row.getString("public_jwk")), row.getString("jwk_thumbprint"), row.getString("did_jwk"),
          row.getString("did_key"), row.getOffsetDateTime("created_at").toInstant());
    } catch (ParseException e) {
      throw new IllegalStateException("stored public JWK of holder key " + row.getUUID("id") + " is unreadable", e);
    }
  }
}
