package dev.cairn.credentials.sdjwt;

import dev.cairn.credentials.ReasonCode;
import dev.cairn.credentials.VerificationException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** The `_sd_alg` values Cairn accepts (IANA Named Information Hash Algorithm names). */
public enum HashAlgorithm {
  SHA_256("sha-256", "SHA-256"),
  SHA_384("sha-384", "SHA-384"),
  SHA_512("sha-512", "SHA-512");

  private final String name;
  private final String jca;

  HashAlgorithm(String name, String jca) {
    this.name = name;
    this.jca = jca;
  }

  public String ianaName() {
    return name;
  }

  /** RFC 9901 §4.1.1: absent means sha-256; anything but these three is refused. */
  public static HashAlgorithm of(Object sdAlg) {
    if (sdAlg == null) {
      return SHA_256;
    }
    for (HashAlgorithm algorithm : values()) {
      if (algorithm.name.equals(sdAlg)) {
        return algorithm;
      }
    }
    throw new VerificationException(ReasonCode.HASH_ALGORITHM_NOT_ALLOWED,
        "_sd_alg '" + sdAlg + "' is not accepted (sha-256, sha-384, sha-512)");
  }

  /** base64url(hash(ASCII(text))), the digest form of §4.2.3 and of sd_hash (§4.3.1). */
  public String digest(String text) {
    try {
      byte[] hash = MessageDigest.getInstance(jca).digest(text.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(jca + " is part of every JDK", e);
    }
  }
}
