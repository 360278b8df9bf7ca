package dev.cairn.credentials.sdjwt;

import com.nimbusds.jose.jwk.JWK;
import dev.cairn.credentials.ReasonCode;
import dev.cairn.credentials.VerificationException;
import io.vertx.core.json.JsonObject;
import java.text.ParseException;
import java.util.Optional;

/** The holder key a credential is bound to, from its {@code cnf} claim (RFC 7800 §3.2: {@code jwk}). */
final class HolderKeys {
  private HolderKeys() {}

  static Optional<JWK> fromCnf(Object cnf) {
    if (cnf == null) {
      return Optional.empty();
    }
    if (!(cnf instanceof JsonObject confirmation) || !(confirmation.getValue("jwk") instanceof JsonObject jwk)) {
      throw new VerificationException(ReasonCode.MALFORMED, "cnf must be an object with a jwk (cnf.kid is not supported yet)");
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
