package dev.cairn.credentials.internal;

import dev.cairn.credentials.ReasonCode;
import dev.cairn.credentials.VerificationException;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Optional;

/**
 * Typed reads of JWT claims from a payload parsed once as JSON: a claim of the wrong type is a malformed
 * credential (a reason), never an exception that escapes the pipeline.
 */
public final class JwtClaims {
  private JwtClaims() {}

  /** RFC 7519 §2 NumericDate: seconds since the epoch. */
  public static Optional<Instant> numericDate(JsonObject claims, String name) {
    Object value = claims.getValue(name);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof Number seconds)) {
      throw new VerificationException(ReasonCode.MALFORMED, name + " must be a NumericDate");
    }
    return Optional.of(Instant.ofEpochSecond(seconds.longValue()));
  }

  public static Optional<String> string(JsonObject claims, String name) {
    Object value = claims.getValue(name);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof String text)) {
      throw new VerificationException(ReasonCode.MALFORMED, name + " must be a string");
    }
    return Optional.of(text);
  }
}
