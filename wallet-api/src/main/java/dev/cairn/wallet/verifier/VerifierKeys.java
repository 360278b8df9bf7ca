package dev.cairn.wallet.verifier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import dev.cairn.wallet.holder.KeyEncryptionKey;
import dev.cairn.wallet.holder.KeyRing;
import dev.cairn.wallet.openid4vp.ClientIdentifier;
import dev.cairn.wallet.server.Workers;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.UUID;

/**
 * Each employer's request-signing key: a P-256 key made the first time the employer asks for a presentation,
 * kept sealed under the KEK like holder keys. Its did:jwk is the employer's {@code decentralized_identifier:}
 * client_id, so a wallet resolves the key from the client_id alone (OpenID4VP 1.0 §5.9.3). Opened keys are kept
 * in memory per instance: every instance opens the same row, so they always agree.
 */
public final class VerifierKeys {
  /** The opened key, the DID it is named by, and a signer for it. */
  public record SigningKey(ECKey key, String did, ECDSASigner signer) {
    public String kid() {
      return did + "#0";
    }

    public ClientIdentifier clientId() {
      return ClientIdentifier.decentralizedIdentifier(did);
    }
  }

  private static final String INSERT = """
      INSERT INTO verifier_key (account_id, public_jwk, sealed_private, kek_id, created_at)
      VALUES ($1, $2, $3, $4, $5) ON CONFLICT (account_id) DO NOTHING""";

  private final Pool pool;
  private final KeyRing keys;
  private final Workers workers;
  private final Clock clock;
  private final Cache<UUID, SigningKey> opened = Caffeine.newBuilder().maximumSize(10_000).build();

  public VerifierKeys(Pool pool, KeyRing keys, Workers workers, Clock clock) {
    this.pool = pool;
    this.keys = keys;
    this.workers = workers;
    this.clock = clock;
  }

  public Future<SigningKey> of(UUID accountId) {
    SigningKey cached = opened.getIfPresent(accountId);
    if (cached != null) {
      return Future.succeededFuture(cached);
    }
    return load(accountId)
        .compose(found -> found != null ? Future.succeededFuture(found) : create(accountId).compose(made -> load(accountId)))
        .onSuccess(key -> opened.put(accountId, key));
  }

  private Future<SigningKey> load(UUID accountId) {
    return pool.preparedQuery("SELECT kek_id, sealed_private FROM verifier_key WHERE account_id = $1")
        .execute(Tuple.of(accountId))
        .compose(rows -> {
          if (rows.size() == 0) {
            return Future.succeededFuture(null);
          }
          Row row = rows.iterator().next();
          return workers.crypto(() -> open(accountId, row.getString("kek_id"), row.getBuffer("sealed_private").getBytes()));
        });
  }

  /** Two instances may race to make the first key; ON CONFLICT keeps one and both then read it. */
  private Future<Void> create(UUID accountId) {
    return workers.crypto(() -> {
          ECKey key = new ECKeyGenerator(Curve.P_256).generate();
          KeyEncryptionKey kek = keys.current();
          byte[] plaintext = key.toJSONString().getBytes(StandardCharsets.UTF_8);
          try {
            return Tuple.of(accountId, key.toPublicJWK().toJSONString(),
                Buffer.buffer(kek.seal(plaintext, associatedData(accountId))), kek.id(),
                clock.instant().atOffset(ZoneOffset.UTC));
          } finally {
            Arrays.fill(plaintext, (byte) 0);
          }
        })
        .compose(row -> pool.preparedQuery(INSERT).execute(row))
        .mapEmpty();
  }

  private SigningKey open(UUID accountId, String kekId, byte[] sealed) throws java.text.ParseException, JOSEException {
    ECKey key = keys.openJwk(kekId, sealed, associatedData(accountId), "the verifier key of " + accountId).toECKey();
    String did = "did:jwk:" + Base64URL.encode(key.toPublicJWK().toJSONString());
    ECDSASigner signer = new ECDSASigner(key);
    // Bouncy Castle signs P-256 about twice as fast as SunEC on JDK 17 (docs/crypto-providers.md).
    signer.getJCAContext().setProvider(com.nimbusds.jose.crypto.bc.BouncyCastleProviderSingleton.getInstance());
    return new SigningKey(key, did, signer);
  }

  private static byte[] associatedData(UUID accountId) {
    return ("cairn-verifier-key/v1/" + accountId).getBytes(StandardCharsets.US_ASCII);
  }
}
