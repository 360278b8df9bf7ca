package dev.cairn.issuer.reference;

import dev.cairn.issuer.oid4vci.OAuthError;
import io.vertx.core.MultiMap;
import java.util.Optional;

/** Reading OAuth request parameters (form body or query) by the rules every endpoint shares. */
final class OAuthParameters {
  private OAuthParameters() {}

  /** RFC 6749 §3.1 / §3.2: "Request and response parameters MUST NOT be included more than once." */
  static String single(MultiMap parameters, String name) {
    if (parameters.getAll(name).size() > 1) {
      throw new OAuthException(OAuthError.INVALID_REQUEST, name + " is repeated");
    }
    String value = parameters.get(name);
    // RFC 6749 §3.1: "Parameters sent without a value MUST be treated as if they were omitted".
    return value == null || value.isEmpty() ? null : value;
  }

  static String required(MultiMap parameters, String name) {
    return Optional.ofNullable(single(parameters, name))
        .orElseThrow(() -> new OAuthException(OAuthError.INVALID_REQUEST, name + " is required"));
  }
}
