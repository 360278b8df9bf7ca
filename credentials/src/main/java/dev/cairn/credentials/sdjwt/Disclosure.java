package dev.cairn.credentials.sdjwt;

import dev.cairn.credentials.ReasonCode;
import dev.cairn.credentials.VerificationException;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * One disclosure (RFC 9901 §4.2.1, §4.2.2): the base64url of a JSON array, {@code [salt, name, value]} for an
 * object property or {@code [salt, value]} for an array element. Built only from input that has that shape.
 */
public record Disclosure(String encoded, String salt, Optional<String> claimName, Object value) {
  private static final SecureRandom RANDOM = new SecureRandom();

  public static Disclosure parse(String encoded) {
    JsonArray array;
    try {
      array = new JsonArray(new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8));
    } catch (IllegalArgumentException | DecodeException | ClassCastException e) {
      throw malformed("a disclosure is not base64url of a JSON array");
    }
    if (array.size() != 2 && array.size() != 3) {
      throw malformed("a disclosure has 3 elements (object property) or 2 (array element), not " + array.size());
    }
    if (!(array.getValue(0) instanceof String salt)) {
      throw malformed("a disclosure's salt must be a string");
    }
    if (array.size() == 2) {
      return new Disclosure(encoded, salt, Optional.empty(), array.getValue(1));
    }
    if (!(array.getValue(1) instanceof String name)) {
      throw malformed("a disclosure's claim name must be a string");
    }
    // §4.2.1: the claim name must not be _sd or ..., which would smuggle in digests.
    if (Rfc9901.SD.equals(name) || Rfc9901.ARRAY_DIGEST.equals(name)) {
      throw malformed("a disclosure may not name the claim '" + name + "'");
    }
    return new Disclosure(encoded, salt, Optional.of(name), array.getValue(2));
  }

  /** A new object-property disclosure with a fresh 128-bit salt (issuers and tests). */
  public static Disclosure objectProperty(String name, Object value) {
    String salt = freshSalt();
    return parse(encode(new JsonArray().add(salt).add(name).add(value)));
  }

  /** A new array-element disclosure with a fresh 128-bit salt. */
  public static Disclosure arrayElement(Object value) {
    String salt = freshSalt();
    return parse(encode(new JsonArray().add(salt).add(value)));
  }

  public boolean isArrayElement() {
    return claimName.isEmpty();
  }

  public String digest(HashAlgorithm algorithm) {
    return algorithm.digest(encoded);
  }

  private static String encode(JsonArray array) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(array.encode().getBytes(StandardCharsets.UTF_8));
  }

  private static String freshSalt() {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(salt);
  }

  private static VerificationException malformed(String detail) {
    return new VerificationException(ReasonCode.DISCLOSURE_MALFORMED, detail);
  }
}
