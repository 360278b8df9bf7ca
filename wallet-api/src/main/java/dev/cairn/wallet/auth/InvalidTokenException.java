package dev.cairn.wallet.auth;

/** A bearer token that Cairn does not accept; the message says why in words safe to show the caller. */
public final class InvalidTokenException extends RuntimeException {
  public InvalidTokenException(String reason) {
    super(reason, null, false, false);
  }
}
