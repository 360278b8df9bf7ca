package dev.cairn.issuer.client;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * RFC 7636 Proof Key for Code Exchange with the S256 method: a {@code code_verifier} of 32 bytes from a CSPRNG
 * (§4.1: "recommended ... a 32-octet sequence", 43 base64url characters) and its {@code code_challenge}
 * BASE64URL(SHA256(ASCII(code_verifier))) (§4.2).
 */
record Pkce(String verifier, String challenge) {
  private static final SecureRandom RANDOM = new SecureRandom();

  static Pkce create() {
    String verifier = random();
    return new Pkce(verifier, challengeOf(verifier));
  }

  /** 256 bits from the CSPRNG, base64url: for a verifier and for {@code state} (RFC 6749 §10.12). */
  static String random() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String challengeOf(String verifier) {
    try {
      return Base64.getUrlEncoder().withoutPadding().encodeToString(
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
