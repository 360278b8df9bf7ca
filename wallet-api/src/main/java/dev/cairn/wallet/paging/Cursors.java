package dev.cairn.wallet.paging;

import dev.cairn.wallet.http.ProblemException;
import dev.cairn.wallet.http.ProblemType;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opaque page cursors for keyset pagination: the last row's sort key and id, plus a fingerprint of the
 * listing (learner, filters, sort) they belong to, signed with HMAC-SHA-256 so that a cursor altered by the
 * caller, or replayed against another listing or another learner, is {@code invalid-cursor} rather than a
 * silently different page. The key is derived from the key-encryption key, so every instance agrees.
 */
public final class Cursors {
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
  private static final int TAG_BYTES = 16;

  private final SecretKeySpec key;

  public Cursors(byte[] secret) {
    this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
  }

  /** A position in one listing: {@code key} is the sort value of the last row, {@code id} its id. */
  public record Position(String key, String id) {}

  public String encode(Position position, String listing) {
    byte[] payload = new JsonObject().put("k", position.key()).put("i", position.id()).encode()
        .getBytes(StandardCharsets.UTF_8);
    return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(tag(payload, listing));
  }

  public Position decode(String cursor, String listing) {
    int dot = cursor.indexOf('.');
    if (dot < 0 || cursor.length() > 2048) {
      throw invalid();
    }
    try {
      byte[] payload = DECODER.decode(cursor.substring(0, dot));
      byte[] given = DECODER.decode(cursor.substring(dot + 1));
      // Only the canonical spelling: base64url's unused trailing bits must not make two cursors of one.
      if (!cursor.equals(ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(given))
          || !MessageDigest.isEqual(given, tag(payload, listing))) {
        throw invalid();
      }
      JsonObject json = new JsonObject(new String(payload, StandardCharsets.UTF_8));
      if (!(json.getValue("k") instanceof String key) || !(json.getValue("i") instanceof String id)) {
        throw invalid();
      }
      return new Position(key, id);
    } catch (IllegalArgumentException | DecodeException | ClassCastException e) {
      throw invalid();
    }
  }

  private byte[] tag(byte[] payload, String listing) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update(listing.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      return Arrays.copyOf(mac.doFinal(payload), TAG_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA-256 is unavailable", e);
    }
  }

  private static ProblemException invalid() {
    return new ProblemException(ProblemType.INVALID_CURSOR,
        "The cursor was altered or belongs to another listing; start again from the first page");
  }
}
