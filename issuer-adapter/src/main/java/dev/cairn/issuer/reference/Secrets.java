package dev.cairn.issuer.reference;

import java.security.SecureRandom;
import java.util.Base64;

/** Unpredictable values (§7.2: "New challenge values MUST be unpredictable"): codes, tokens, nonces, PINs. */
final class Secrets {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Secrets() {}

  /** 256 bits, base64url. */
  static String token() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** A numeric Transaction Code of {@code length} digits (§4.1.1 {@code input_mode} numeric). */
  static String digits(int length) {
    StringBuilder code = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      code.append(RANDOM.nextInt(10));
    }
    return code.toString();
  }
}
