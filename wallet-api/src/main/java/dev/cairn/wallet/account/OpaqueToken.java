package dev.cairn.wallet.account;

import dev.cairn.wallet.auth.Sha256;
import java.security.SecureRandom;
import java.util.Base64;

/** 256-bit random opaque tokens (refresh tokens) and the hash under which they are stored. */
public final class OpaqueToken {
  private static final SecureRandom RANDOM = new SecureRandom();

  private OpaqueToken() {}

  /** 256 random bits, base64url: session secrets, OpenID4VP nonces and states (§5.2 asks for URL-safe characters). */
  public static String generate() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String hash(String token) {
    return Sha256.hex(token);
  }
}
