package dev.cairn.issuer.reference;

import dev.cairn.issuer.oid4vci.OAuthError;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * The operator's endpoints (offers, issued credentials, revocation and suspension) need the admin token as an
 * RFC 6750 bearer token when one is configured; without one they are open, as a demo on loopback is.
 */
final class OperatorAuthorization {
  private final Optional<String> adminToken;

  OperatorAuthorization(Optional<String> adminToken) {
    this.adminToken = adminToken;
  }

  /** Throws {@code invalid_token} (401) unless the request carries the admin token; compared in constant time. */
  void check(RoutingContext context) {
    adminToken.ifPresent(expected -> {
      String given = String.valueOf(context.request().getHeader("Authorization"));
      if (!MessageDigest.isEqual(("Bearer " + expected).getBytes(StandardCharsets.UTF_8),
          given.getBytes(StandardCharsets.UTF_8))) {
        throw new OAuthException(OAuthError.INVALID_TOKEN, "the operator token is required");
      }
    });
  }
}
