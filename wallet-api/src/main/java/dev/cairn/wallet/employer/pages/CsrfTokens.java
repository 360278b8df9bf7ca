package dev.cairn.wallet.employer.pages;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Anti-CSRF tokens for the employer pages' forms, bound to the browser's own cookie (OWASP "signed double-submit
 * cookie"): the token is an HMAC of the session cookie once signed in, or of the sign-in cookie before. A cross-site
 * page can neither read that cookie nor compute the HMAC without the server's key, so it cannot forge a form; a token
 * seen in one session is worthless in another. Nothing is stored.
 */
final class CsrfTokens {
  static final String FIELD = "csrf";
  private static final String ALGORITHM = "HmacSHA256";

  private final SecretKeySpec key;

  CsrfTokens(byte[] key) {
    this.key = new SecretKeySpec(key.clone(), ALGORITHM);
  }

  /** The token for forms shown to the browser whose cookie is {@code binding}. */
  String token(String binding) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      byte[] tag = mac.doFinal(("cairn-employer-pages/csrf/v1/" + binding).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(tag);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA-256 is unavailable", e);
    }
  }

  /** Whether {@code presented} is the token for {@code binding}, compared in constant time. */
  boolean matches(String binding, String presented) {
    if (binding == null || binding.isEmpty() || presented == null) {
      return false;
    }
    return MessageDigest.isEqual(token(binding).getBytes(StandardCharsets.US_ASCII),
        presented.getBytes(StandardCharsets.US_ASCII));
  }
}
