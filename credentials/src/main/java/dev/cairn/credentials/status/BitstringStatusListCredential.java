package dev.cairn.credentials.status;

import dev.cairn.credentials.VerificationException;
import dev.cairn.credentials.internal.Validity;
import dev.cairn.credentials.internal.VcdmTypes;
import dev.cairn.credentials.internal.XmlDateTimes;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a Bitstring Status List credential must say, whichever way it is secured (vc+jwt, or JSON-LD with a Data
 * Integrity proof): Bitstring Status List v1.0 §2.2 — its types include {@code BitstringStatusListCredential}, its
 * {@code credentialSubject} is a {@code BitstringStatusList} whose {@code statusPurpose} ("one or more strings")
 * includes the entry's — and §3.2 — the list is valid now (VCDM 2.0 {@code validFrom}/{@code validUntil}) and, as
 * this wallet requires, issued by the credential's own issuer. Every failure is an {@link IllegalStateException}
 * whose message says what is wrong; the status is then unknown.
 */
final class BitstringStatusListCredential {
  static final String TYPE = "BitstringStatusListCredential";
  static final String SUBJECT_TYPE = "BitstringStatusList";

  private BitstringStatusListCredential() {}

  /** Everything but the proof, checked before it so that a list of another issuer or purpose costs no crypto. */
  static void check(JsonObject credential, String issuer, String purpose, Instant now, Duration skew) {
    String listIssuer = issuerOf(credential.getValue("issuer"));
    if (!issuer.equals(listIssuer)) {
      throw new IllegalStateException("the status list is issued by " + listIssuer + ", not by " + issuer);
    }
    if (!types(credential.getValue("type")).contains(TYPE)) {
      throw new IllegalStateException("the status list credential's type does not include " + TYPE);
    }
    JsonObject subject = subject(credential);
    if (!types(subject.getValue("type")).contains(SUBJECT_TYPE)) {
      throw new IllegalStateException("the status list credential's credentialSubject is not a " + SUBJECT_TYPE);
    }
    if (!purposes(subject.getValue("statusPurpose")).contains(purpose)) {
      throw new IllegalStateException("not a BitstringStatusList for " + purpose + " (its statusPurpose is "
          + subject.getValue("statusPurpose") + ")");
    }
    try {
      Validity.check(dateTime(credential, "validFrom"), validUntil(credential), now, skew);
    } catch (VerificationException e) {
      throw new IllegalStateException("the status list credential is not valid now: " + e.getMessage());
    }
  }

  /** §3.2 steps 6–8: {@code encodedList} decompressed (GZIP, multibase base64url, 16 MiB cap), MSB first. */
  static StatusBits bits(JsonObject credential, int statusSize) {
    return StatusBits.bitstring(subject(credential).getString("encodedList"), statusSize);
  }

  static Optional<Instant> validUntil(JsonObject credential) {
    return dateTime(credential, "validUntil");
  }

  private static JsonObject subject(JsonObject credential) {
    if (!(credential.getValue("credentialSubject") instanceof JsonObject subject)) {
      throw new IllegalStateException("the status list credential's credentialSubject is not an object");
    }
    return subject;
  }

  private static String issuerOf(Object issuer) {
    if (issuer instanceof JsonObject object && object.getValue("id") instanceof String id) {
      return id;
    }
    return issuer instanceof String id ? id : String.valueOf(issuer);
  }

  private static List<String> types(Object type) {
    try {
      return VcdmTypes.of(type);
    } catch (VerificationException e) {
      throw new IllegalStateException("the status list credential's " + e.getMessage());
    }
  }

  private static List<String> purposes(Object statusPurpose) {
    if (statusPurpose instanceof String single) {
      return List.of(single);
    }
    return statusPurpose instanceof JsonArray array
        ? array.stream().filter(String.class::isInstance).map(String.class::cast).toList()
        : List.of();
  }

  private static Optional<Instant> dateTime(JsonObject credential, String property) {
    try {
      return XmlDateTimes.read(credential.getValue(property), property);
    } catch (VerificationException e) {
      throw new IllegalStateException("the status list credential's " + e.getMessage());
    }
  }
}
