package dev.cairn.credentials.status;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jwt.SignedJWT;
import dev.cairn.credentials.Check;
import dev.cairn.credentials.CheckResult;
import dev.cairn.credentials.CryptoPool;
import dev.cairn.credentials.Outcome;
import dev.cairn.credentials.ReasonCode;
import dev.cairn.credentials.VerificationException;
import dev.cairn.credentials.jose.IssuerKeys;
import dev.cairn.credentials.jose.JwsSignatures;
import dev.cairn.did.fetch.FetchException;
import dev.cairn.did.fetch.FreshnessCache;
import dev.cairn.did.fetch.HardenedFetch;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * Checks a credential's status against its issuer's status list: the IETF Token Status List for SD-JWT VC
 * ({@code status.status_list}), the W3C Bitstring Status List for VCDM credentials ({@code credentialStatus} of
 * type BitstringStatusListEntry; the list credential a vc+jwt, or JSON-LD secured with Data Integrity, verified
 * through {@link StatusListProofs}). Lists are fetched through the hardened client, their signature checked against
 * the issuer's key (on the crypto pool, where the list is also decompressed), and kept for their own {@code ttl} (or
 * until {@code exp}/{@code validUntil}), 5 minutes when they say nothing, between 30 s and 24 h. A list that cannot
 * be fetched or trusted makes the status unknown — reported, never taken as valid.
 */
public final class StatusChecker {
  static final Duration DEFAULT_TTL = Duration.ofMinutes(5);
  static final Duration MIN_TTL = Duration.ofSeconds(30);
  static final Duration MAX_TTL = Duration.ofHours(24);
  /** The tolerance on a status list credential's validFrom/validUntil (the default verification policy's). */
  static final Duration LIST_CLOCK_SKEW = Duration.ofSeconds(60);
  private static final JOSEObjectType STATUS_LIST_JWT = new JOSEObjectType("statuslist+jwt");
  /** A list credential as vc+jwt, or as JSON-LD (VCDM 2.0 §6.3 {@code application/vc}, and the older names). */
  private static final Set<String> BITSTRING_LIST_MEDIA_TYPES = Set.of("application/vc+jwt", "application/jwt",
      "application/vc", "application/vc+ld+json", "application/ld+json", "application/json");

  private final HardenedFetch fetch;
  private final IssuerKeys keys;
  private final CryptoPool crypto;
  private final StatusListProofs listProofs;
  private final Clock clock;
  /**
   * Fresh lists by URI and by what they were checked for (issuer; purpose and status size for Bitstring lists):
   * a list trusted for one issuer is never answered to another's credential. Concurrent checks against one list
   * share one fetch.
   */
  private final FreshnessCache<String, StatusBits> lists;
  /**
   * How long a list server that could not be fetched (down, hanging, refusing) is answered "unknown" from memory, as
   * the DID resolver does for DID documents: otherwise every credential pointing at a hanging server waits out the
   * whole fetch deadline (docs/resilience.md). A full queue of our own fetches (BUSY) is not the server's fault.
   */
  static final Duration FETCH_FAILURE_TTL = Duration.ofSeconds(30);

  public StatusChecker(HardenedFetch fetch, IssuerKeys keys, CryptoPool crypto, StatusListProofs listProofs,
                       Clock clock) {
    this.fetch = fetch;
    this.keys = keys;
    this.crypto = crypto;
    this.listProofs = listProofs;
    this.clock = clock;
    this.lists = new FreshnessCache<>(clock, 1_000, FETCH_FAILURE_TTL,
        failure -> failure instanceof FetchException fetchFailure && fetchFailure.reason() != FetchException.Reason.BUSY);
  }

  /** SD-JWT VC: {@code status} claim with {@code status_list: {idx, uri}} (Token Status List §6.1). */
  public Future<CheckResult> tokenStatus(Object status, String issuer) {
    if (status == null) {
      return Future.succeededFuture(CheckResult.skipped(ReasonCode.NO_STATUS, "the credential has no status reference"));
    }
    if (!(status instanceof JsonObject claim) || !(claim.getValue("status_list") instanceof JsonObject reference)
        || !(reference.getValue("idx") instanceof Number idx) || !(reference.getValue("uri") instanceof String uri)) {
      return unknown("the status claim is not status_list {idx, uri}");
    }
    return lists.get(issuer + " " + uri, () -> fetchTokenStatusList(uri, issuer))
        .map(bits -> interpret(bits, idx.longValue(), uri, null))
        .recover(failure -> unknown("the status list at " + uri + " could not be used: " + describe(failure)));
  }

  /** The most entries a credentialStatus may hold here: one per purpose this checker understands. */
  static final int MAX_STATUS_ENTRIES = 2;

  /**
   * VCDM: {@code credentialStatus} entries of type BitstringStatusListEntry (Bitstring Status List §2.1). VCDM 2.0
   * §4.10 allows one entry or an array; an issuer that can both revoke and suspend gives one entry per purpose. Every
   * entry is checked: a failed one (revoked before suspended) decides, then an unknown one, else the status passed.
   */
  public Future<CheckResult> bitstringStatus(Object credentialStatus, String issuer) {
    if (credentialStatus == null) {
      return Future.succeededFuture(CheckResult.skipped(ReasonCode.NO_STATUS, "the credential has no credentialStatus"));
    }
    List<Object> entries = credentialStatus instanceof JsonArray array ? array.getList() : List.of(credentialStatus);
    if (entries.isEmpty() || entries.size() > MAX_STATUS_ENTRIES) {
      return unknown("credentialStatus holds " + entries.size() + " entries; 1 to " + MAX_STATUS_ENTRIES
          + " are understood");
    }
    List<Future<CheckResult>> checked = new ArrayList<>();
    for (Object entry : entries) {
      Object json = entry instanceof Map<?, ?> map ? new JsonObject(castMap(map)) : entry;
      checked.add(json instanceof JsonObject object ? bitstringEntry(object, issuer)
          : unknown("a credentialStatus entry is not an object"));
    }
    return Future.all(checked).map(all -> worst(checked.stream().map(Future::result).toList()));
  }

  private Future<CheckResult> bitstringEntry(JsonObject entry, String issuer) {
    if (!"BitstringStatusListEntry".equals(entry.getValue("type"))) {
      return unknown("only BitstringStatusListEntry is understood as credentialStatus");
    }
    Object purpose = entry.getValue("statusPurpose");
    Object url = entry.getValue("statusListCredential");
    long index;
    try {
      index = Long.parseLong((String) entry.getValue("statusListIndex"));
    } catch (NumberFormatException | ClassCastException e) {
      return unknown("statusListIndex must be a decimal string");
    }
    int size = entry.getValue("statusSize") instanceof Number number ? number.intValue() : 1;
    if (!(url instanceof String listUrl) || !("revocation".equals(purpose) || "suspension".equals(purpose))) {
      return unknown("statusPurpose must be revocation or suspension, with a statusListCredential");
    }
    String statusPurpose = (String) purpose;
    return lists.get(issuer + " " + statusPurpose + " " + size + " " + listUrl,
            () -> fetchBitstringList(listUrl, statusPurpose, size, issuer))
        .map(bits -> interpret(bits, index, listUrl, statusPurpose))
        .recover(failure -> unknown("the status list credential at " + listUrl + " could not be used: "
            + describe(failure)));
  }

  /** Of several entries' results: the first failure (revoked ranks before suspended), else the first unknown. */
  private static CheckResult worst(List<CheckResult> results) {
    return results.stream().filter(result -> result.outcome() == Outcome.FAILED)
        .min(Comparator.comparing(result -> result.reason().orElse(ReasonCode.REVOKED) == ReasonCode.REVOKED ? 0 : 1))
        .or(() -> results.stream().filter(result -> result.outcome() != Outcome.PASSED).findFirst())
        .orElse(results.get(0));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> castMap(Map<?, ?> map) {
    return (Map<String, Object>) map;
  }

  private CheckResult interpret(StatusBits bits, long index, String uri, String purpose) {
    if (index >= bits.size()) {
      return CheckResult.skipped(ReasonCode.STATUS_UNKNOWN, "index " + index + " is outside the list at " + uri);
    }
    int value = bits.value(index);
    if (purpose != null) {
      if (value == 0) {
        return CheckResult.passed(Check.STATUS, "not set in the " + purpose + " list");
      }
      return "suspension".equals(purpose)
          ? CheckResult.failed(ReasonCode.SUSPENDED, "the issuer has suspended this credential")
          : CheckResult.failed(ReasonCode.REVOKED, "the issuer has revoked this credential");
    }
    // Token Status List §7.1: 0x00 VALID, 0x01 INVALID, 0x02 SUSPENDED, 0x03 and up application-specific.
    return switch (value) {
      case 0 -> CheckResult.passed(Check.STATUS, "VALID in the status list");
      case 1 -> CheckResult.failed(ReasonCode.REVOKED, "the issuer has revoked this credential (INVALID)");
      case 2 -> CheckResult.failed(ReasonCode.SUSPENDED, "the issuer has suspended this credential");
      default -> CheckResult.skipped(ReasonCode.STATUS_UNKNOWN, "status value " + value + " is application-specific");
    };
  }

  private Future<FreshnessCache.Fresh<StatusBits>> fetchTokenStatusList(String uri, String issuer) {
    return fetch.get(URI.create(uri), Set.of("application/statuslist+jwt")).compose(body -> {
      SignedJWT jwt = parse(body.body().toString());
      if (!STATUS_LIST_JWT.equals(jwt.getHeader().getType())) {
        throw new IllegalStateException("the status list token's typ is not statuslist+jwt");
      }
      JsonObject payload = new JsonObject(jwt.getPayload().toString());
      if (!uri.equals(payload.getString("sub"))) {
        throw new IllegalStateException("the status list token's sub is not its URI");
      }
      String listIssuer = payload.getString("iss");
      if (listIssuer != null && !listIssuer.equals(issuer)) {
        throw new IllegalStateException("the status list is issued by " + listIssuer + ", not by " + issuer);
      }
      return verified(jwt, issuer, () -> {
        JsonObject list = payload.getJsonObject("status_list");
        StatusBits bits = StatusBits.tokenStatusList(list.getInteger("bits"), list.getString("lst"));
        Optional<Instant> exp = Optional.ofNullable(payload.getLong("exp")).map(Instant::ofEpochSecond);
        Optional<Duration> ttl = Optional.ofNullable(payload.getLong("ttl")).map(Duration::ofSeconds);
        return new FreshnessCache.Fresh<>(bits, expiry(ttl, exp));
      });
    });
  }

  /** Bitstring Status List §3.2: the list credential, in whichever form it comes, checked and decoded. */
  private Future<FreshnessCache.Fresh<StatusBits>> fetchBitstringList(String url, String purpose, int size, String issuer) {
    return fetch.get(URI.create(url), BITSTRING_LIST_MEDIA_TYPES).compose(body -> {
      String text = body.body().toString().trim();
      if (text.startsWith("{")) {
        JsonObject secured = body.jsonObject()
            .orElseThrow(() -> new IllegalStateException("the status list credential is not a JSON object"));
        BitstringStatusListCredential.check(secured, issuer, purpose, clock.instant(), LIST_CLOCK_SKEW);
        return listProofs.verify(secured, issuer, credential -> bitstringList(credential, size));
      }
      SignedJWT jwt = parse(text);
      JsonObject credential = new JsonObject(jwt.getPayload().toString());
      BitstringStatusListCredential.check(credential, issuer, purpose, clock.instant(), LIST_CLOCK_SKEW);
      return verified(jwt, issuer, () -> bitstringList(credential, size));
    });
  }

  /** Runs on the crypto pool, after the list's proof or signature: a list may decompress to 16 MiB. */
  private FreshnessCache.Fresh<StatusBits> bitstringList(JsonObject credential, int size) {
    return new FreshnessCache.Fresh<>(BitstringStatusListCredential.bits(credential, size),
        expiry(Optional.empty(), BitstringStatusListCredential.validUntil(credential)));
  }

  /** The JWT's signature by the issuer's key, then {@code read}, in one crypto-pool hop. */
  private <T> Future<T> verified(SignedJWT jwt, String issuer, Callable<T> read) {
    JwsSignatures.checkHeader(jwt.getHeader());
    return keys.keyFor(jwt.getHeader(), issuer).compose(key -> crypto.run(() -> {
      JwsSignatures.verify(jwt, key);
      return read.call();
    }));
  }

  private Instant expiry(Optional<Duration> ttl, Optional<Instant> until) {
    Instant now = clock.instant();
    Duration wanted = ttl.orElse(DEFAULT_TTL);
    wanted = wanted.compareTo(MIN_TTL) < 0 ? MIN_TTL : wanted.compareTo(MAX_TTL) > 0 ? MAX_TTL : wanted;
    Instant expiresAt = now.plus(wanted);
    return until.filter(u -> u.isBefore(expiresAt) && u.isAfter(now)).orElse(expiresAt);
  }

  private static SignedJWT parse(String compact) {
    try {
      return SignedJWT.parse(compact.trim());
    } catch (ParseException e) {
      throw new IllegalStateException("the status list is not a signed JWT");
    }
  }

  /** A failed check of the list carries its reason code, so the detail says which rule the list broke. */
  private static String describe(Throwable failure) {
    return failure instanceof VerificationException e ? e.reason().code() + ": " + e.getMessage() : failure.getMessage();
  }

  private static Future<CheckResult> unknown(String detail) {
    return Future.succeededFuture(CheckResult.skipped(ReasonCode.STATUS_UNKNOWN, detail));
  }
}
