package dev.cairn.credentials.sdjwt;

import com.nimbusds.jose.jwk.JWK;
import dev.cairn.credentials.ReasonCode;
import dev.cairn.credentials.VerificationException;
import io.vertx.core.json.JsonObject;
import java.text.ParseException;
import java.util.Optional;

/**
 * The holder key a credential is bound to, from its {@code cnf} claim: by value ({@code jwk}, RFC 7800 §3.2) or
 * by reference ({@code kid}, RFC 7800 §3.4, which Cairn reads as a DID URL and resolves).
 */
final class HolderKeys {
  private HolderKeys() {}

  /** The DID URL of {@code cnf.kid}, when the key is given by reference. */
  static Optional<String> kid(Object cnf) {
    return cnf instanceof JsonObject confirmation && confirmation.getValue("kid") instanceof String kid
        && !confirmation.containsKey("jwk") ? Optional.of(kid) : Optional.empty();
  }

  static Optional<JWK> fromCnf(Object cnf) {
    if (cnf == null) {
      return Optional.empty();
    }
    if (!(cnf instanceof JsonObject confirmation) || !(confirmation.getValue("jwk") instanceof JsonObject jwk)) {
      throw new VerificationException(ReasonCode.MALFORMED, "cnf must be an object with a jwk or a kid");
    }
    try {
      JWK key = JWK.parse(jwk.getMap());
      if (key.isPrivate()) {
        throw new VerificationException(ReasonCode.MALFORMED, "cnf.jwk contains a private key");
      }
      return Optional.of(key);
    } catch (ParseException e) {
      throw new VerificationException(ReasonCode.MALFORMED, "cnf.jwk is not a valid JWK");
    }
  }
}
