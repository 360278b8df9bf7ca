package dev.cairn.credentials.status;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * What an issuer publishes and embeds for status, the counterpart of what {@link StatusChecker} reads: the Token
 * Status List's Status List Token claims and Referenced Token {@code status} claim, and the Bitstring Status List's
 * list credential and {@code credentialStatus} entry. Unsigned JSON; the issuer secures it.
 */
public final class StatusListDocuments {
  /** Token Status List §5.1: the JOSE {@code typ} of a Status List Token. */
  public static final String STATUS_LIST_JWT_TYPE = "statuslist+jwt";
  /** Token Status List §14 (media type registration). */
  public static final String STATUS_LIST_JWT_MEDIA_TYPE = "application/statuslist+jwt";
  public static final String REVOCATION = "revocation";
  public static final String SUSPENSION = "suspension";
  private static final String VCDM2_CONTEXT = "https://www.w3.org/ns/credentials/v2";

  private StatusListDocuments() {}

  /**
   * Token Status List §5.1: {@code sub} "MUST specify the URI of the Status List Token" (it is compared with the
   * Referenced Token's {@code uri}), {@code iat}, and the RECOMMENDED {@code exp} and {@code ttl} (seconds);
   * {@code status_list} is §4.2's {@code {bits, lst}}. {@code iss} is optional there; this issuer names itself.
   */
  public static JsonObject statusListTokenClaims(String uri, String issuer, Instant issuedAt, Instant expiresAt,
                                                 Duration ttl, StatusListEncoder list) {
    return new JsonObject()
        .put("iss", issuer)
        .put("sub", uri)
        .put("iat", issuedAt.getEpochSecond())
        .put("exp", expiresAt.getEpochSecond())
        .put("ttl", ttl.toSeconds())
        .put("status_list", new JsonObject().put("bits", list.bitsPerStatus()).put("lst", list.encode()));
  }

  /** Token Status List §6.1: the Referenced Token's {@code status} claim, {@code status_list: {idx, uri}}. */
  public static JsonObject statusClaim(String uri, long index) {
    return new JsonObject().put("status_list", new JsonObject().put("idx", index).put("uri", uri));
  }

  /**
   * Bitstring Status List §2.2: a {@code BitstringStatusListCredential} at {@code url} whose subject is a
   * {@code BitstringStatusList} for one {@code statusPurpose}, with {@code encodedList} and the optional {@code ttl}
   * (milliseconds); VCDM 2.0 {@code validFrom}/{@code validUntil} bound its use.
   */
  public static JsonObject bitstringStatusListCredential(String url, String issuer, String purpose, Instant validFrom,
                                                         Instant validUntil, Duration ttl, StatusListEncoder list) {
    return new JsonObject()
        .put("@context", new JsonArray().add(VCDM2_CONTEXT))
        .put("id", url)
        .put("type", new JsonArray().add("VerifiableCredential").add(BitstringStatusListCredential.TYPE))
        .put("issuer", issuer)
        .put("validFrom", validFrom.truncatedTo(ChronoUnit.SECONDS).toString())
        .put("validUntil", validUntil.truncatedTo(ChronoUnit.SECONDS).toString())
        .put("credentialSubject", new JsonObject()
            .put("id", url + "#list")
            .put("type", BitstringStatusListCredential.SUBJECT_TYPE)
            .put("statusPurpose", purpose)
            .put("ttl", ttl.toMillis())
            .put("encodedList", list.encode()));
  }

  /**
   * Bitstring Status List §2.1: a {@code BitstringStatusListEntry}; {@code statusListIndex} is a base-10 string,
   * {@code statusSize} is left at its default of 1.
   */
  public static JsonObject bitstringStatusListEntry(String listUrl, String purpose, long index) {
    return new JsonObject()
        .put("id", listUrl + "#" + index)
        .put("type", "BitstringStatusListEntry")
        .put("statusPurpose", purpose)
        .put("statusListIndex", Long.toString(index))
        .put("statusListCredential", listUrl);
  }
}
