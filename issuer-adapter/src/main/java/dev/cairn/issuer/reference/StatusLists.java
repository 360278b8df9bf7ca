package dev.cairn.issuer.reference;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import dev.cairn.credentials.CryptoPool;
import dev.cairn.credentials.status.StatusListDocuments;
import dev.cairn.credentials.status.StatusListEncoder;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The two status lists the reference issuer publishes, each of 131,072 entries (Bitstring Status List §2.2's
 * minimum; the same for the Token Status List, so both give the same herd):
 * <ul>
 *   <li>a Token Status List of 2 bits per entry for SD-JWT VC — VALID, INVALID (revoked) or SUSPENDED — served as a
 *       {@code statuslist+jwt} Status List Token (Token Status List §5.1);</li>
 *   <li>a Bitstring Status List for revocation, referenced by the W3C credentials, served as a
 *       {@code BitstringStatusListCredential} secured as {@code vc+jwt} (VC-JOSE-COSE §3.1.1).</li>
 * </ul>
 * Both are signed with the issuer's P-256 key on the crypto pool, and the signed list is kept until a status changes or
 * it is a {@link #TTL} old: compressing a list with thousands of entries set costs tens of milliseconds (measured:
 * ~35 ms at 10,000), too much to spend on every GET.
 */
final class StatusLists {
  static final int ENTRIES = 131_072;
  /** How long a verifier may keep a list (the token's {@code ttl}, the answers' {@code max-age}). */
  static final Duration TTL = Duration.ofMinutes(5);
  /** A list's own validity ({@code exp}, {@code validUntil}): verifiers refetch it after {@link #TTL} anyway. */
  static final Duration VALIDITY = Duration.ofDays(1);
  static final String TOKEN_STATUS_LIST = "/status/token-status-list";
  static final String REVOCATION_LIST = "/status/bitstring/revocation";
  static final String VC_JWT_MEDIA_TYPE = "application/vc+jwt";

  private final StatusListEncoder tokenList = StatusListEncoder.tokenStatusList(2, ENTRIES);
  private final StatusListEncoder revocationList = StatusListEncoder.bitstring(1, ENTRIES);
  private final RandomIndexes tokenIndexes = new RandomIndexes(ENTRIES);
  private final RandomIndexes bitstringIndexes = new RandomIndexes(ENTRIES);
  private final IssuerEndpoints endpoints;
  private final IssuerSigningKeys keys;
  private final CryptoPool crypto;
  private final Clock clock;
  /** Bumped by every change, so a signed copy knows whether it still says the truth. */
  private final AtomicLong version = new AtomicLong();
  private final Map<String, Signed> signed = new ConcurrentHashMap<>();

  private record Signed(long version, Instant at, String jws) {}

  StatusLists(IssuerEndpoints endpoints, IssuerSigningKeys keys, CryptoPool crypto, Clock clock) {
    this.endpoints = endpoints;
    this.keys = keys;
    this.crypto = crypto;
    this.clock = clock;
  }

  /** A fresh random index for a credential of {@code configuration}, in the list its format reads. */
  StatusReference allocate(MicroCredentialConfiguration configuration) {
    return configuration == MicroCredentialConfiguration.SD_JWT
        ? new StatusReference(true, endpoints.url(TOKEN_STATUS_LIST), tokenIndexes.next())
        : new StatusReference(false, endpoints.url(REVOCATION_LIST), bitstringIndexes.next());
  }

  void set(StatusReference reference, CredentialState state) {
    if (reference.tokenStatusList()) {
      tokenList.set(reference.index(), state.tokenStatusValue());
    } else {
      revocationList.set(reference.index(), state.revocationBit());
    }
    version.incrementAndGet();
  }

  /** Token Status List §5.1: the Status List Token, {@code typ} statuslist+jwt, signed by the issuer's DID key. */
  Future<String> statusListToken() {
    return cached(TOKEN_STATUS_LIST, () -> {
      Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
      JsonObject claims = StatusListDocuments.statusListTokenClaims(endpoints.url(TOKEN_STATUS_LIST), keys.did(), now,
          now.plus(VALIDITY), TTL, tokenList);
      return sign(StatusListDocuments.STATUS_LIST_JWT_TYPE, claims);
    });
  }

  /** Bitstring Status List §2.2: the revocation list credential, as vc+jwt (the credential is the JWT's payload). */
  Future<String> revocationListCredential() {
    return cached(REVOCATION_LIST, () -> {
      Instant now = clock.instant();
      JsonObject credential = StatusListDocuments.bitstringStatusListCredential(endpoints.url(REVOCATION_LIST),
          keys.did(), StatusListDocuments.REVOCATION, now, now.plus(VALIDITY), TTL, revocationList);
      return sign("vc+jwt", credential);
    });
  }

  /** The signed copy of {@code list} while no status changed and it is younger than the TTL, else a new one. */
  private Future<String> cached(String list, Callable<String> signing) {
    long current = version.get();
    Signed copy = signed.get(list);
    if (copy != null && copy.version() == current && clock.instant().isBefore(copy.at().plus(TTL))) {
      return Future.succeededFuture(copy.jws());
    }
    Instant at = clock.instant();
    return crypto.run(signing).onSuccess(jws -> signed.put(list, new Signed(current, at, jws)));
  }

  private String sign(String type, JsonObject payload) {
    JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType(type))
        .keyID(keys.p256MethodId()).build(), new Payload(payload.encode()));
    try {
      jws.sign(new ECDSASigner(keys.p256()));
    } catch (JOSEException e) {
      throw new IllegalStateException("could not sign the status list", e);
    }
    return jws.serialize();
  }
}
