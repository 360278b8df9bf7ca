package dev.cairn.wallet.auth;

import io.vertx.core.Future;

/**
 * Turns a bearer token into a {@link Principal}. A token that is not acceptable fails the future with a
 * {@code ProblemException} of type invalid-token whose detail says why.
 */
public interface Authenticator {
  Future<Principal> authenticate(String bearerToken);
}
