package dev.cairn.issuer.reference;

import dev.cairn.issuer.oid4vci.OAuthError;

/** A refused request of the reference issuer: the OAuth error code it answers with and a description. */
final class OAuthException extends RuntimeException {
  private final OAuthError error;

  OAuthException(OAuthError error, String description) {
    super(description, null, false, false);
    this.error = error;
  }

  OAuthError error() {
    return error;
  }
}
