package dev.cairn.wallet.archive;

import dev.cairn.wallet.auth.PasswordHasher;
import dev.cairn.wallet.http.ProblemException;
import dev.cairn.wallet.http.ProblemType;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A wallet archive sealed under a passphrase: the ZIP encrypted with AES-256-GCM under a key derived by
 * Argon2id (RFC 9106; 19 MiB, 2 passes, 1 lane, 16-byte salt) and wrapped in a small JSON envelope
 * ({@code application/vnd.cairn.wallet-archive+json}) that names every parameter. The envelope's header is the
 * GCM associated data, so changing a parameter breaks the tag. Parameters read from an envelope are bounded,
 * so a crafted one cannot ask for gigabytes of memory.
 */
final class ArchiveEncryption {
  static final String MEDIA_TYPE = "application/vnd.cairn.wallet-archive+json";
  static final String FORMAT = "cairn-wallet-archive-encrypted/1";
  static final int MIN_PASSPHRASE = 12;
  private static final int MEMORY_KIB = 19 * 1024;
  private static final int ITERATIONS = 2;
  private static final int MAX_MEMORY_KIB = 256 * 1024;
  private static final int MAX_ITERATIONS = 10;
  private static final SecureRandom RANDOM = new SecureRandom();

  private ArchiveEncryption() {}

  static byte[] seal(byte[] zip, String passphrase) {
    byte[] salt = random(16);
    byte[] nonce = random(12);
    JsonObject header = new JsonObject().put("format", FORMAT)
        .put("kdf", new JsonObject().put("alg", "argon2id").put("m", MEMORY_KIB).put("t", ITERATIONS).put("p", 1)
            .put("salt", b64(salt)))
        .put("enc", "A256GCM").put("nonce", b64(nonce));
    byte[] key = PasswordHasher.derive(passphrase, salt, MEMORY_KIB, ITERATIONS, 1, 32);
    try {
      byte[] ciphertext = cipher(Cipher.ENCRYPT_MODE, key, nonce, header).doFinal(zip);
      return header.copy().put("ciphertext", b64(ciphertext)).encode().getBytes(StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-256-GCM is unavailable", e);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  static byte[] open(byte[] envelope, String passphrase) {
    if (passphrase == null || passphrase.isEmpty()) {
      throw new ProblemException(ProblemType.ARCHIVE_PASSPHRASE,
          "The archive is encrypted: send its passphrase in the Cairn-Archive-Passphrase header");
    }
    JsonObject header;
    byte[] salt;
    byte[] nonce;
    byte[] ciphertext;
    int memory;
    int iterations;
    int lanes;
    try {
      JsonObject json = new JsonObject(new String(envelope, StandardCharsets.UTF_8));
      ciphertext = Base64.getDecoder().decode(json.getString("ciphertext"));
      header = json.copy();
      header.remove("ciphertext");
      JsonObject kdf = header.getJsonObject("kdf");
      if (!FORMAT.equals(header.getString("format")) || !"A256GCM".equals(header.getString("enc"))
          || !"argon2id".equals(kdf.getString("alg"))) {
        throw invalid("The envelope is not a " + FORMAT + " archive");
      }
      memory = kdf.getInteger("m");
      iterations = kdf.getInteger("t");
      lanes = kdf.getInteger("p");
      salt = Base64.getDecoder().decode(kdf.getString("salt"));
      nonce = Base64.getDecoder().decode(header.getString("nonce"));
    } catch (DecodeException | ClassCastException | NullPointerException | IllegalArgumentException e) {
      throw invalid("The encrypted archive's envelope is malformed");
    }
    if (memory < 8 || memory > MAX_MEMORY_KIB || iterations < 1 || iterations > MAX_ITERATIONS || lanes < 1
        || lanes > 4 || salt.length < 8 || nonce.length != 12) {
      throw invalid("The encrypted archive asks for key-derivation parameters outside Cairn's bounds");
    }
    byte[] key = PasswordHasher.derive(passphrase, salt, memory, iterations, lanes, 32);
    try {
      return cipher(Cipher.DECRYPT_MODE, key, nonce, header).doFinal(ciphertext);
    } catch (AEADBadTagException e) {
      throw new ProblemException(ProblemType.ARCHIVE_PASSPHRASE,
          "The passphrase does not open this archive (or the archive was altered)");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-256-GCM is unavailable", e);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  private static Cipher cipher(int mode, byte[] key, byte[] nonce, JsonObject header) throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
    // The header as canonical bytes: member order as written by seal(), which open() keeps.
    cipher.updateAAD(header.encode().getBytes(StandardCharsets.UTF_8));
    return cipher;
  }

  private static byte[] random(int length) {
    byte[] bytes = new byte[length];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  private static String b64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  private static ProblemException invalid(String detail) {
    return new ProblemException(ProblemType.ARCHIVE_INVALID, detail);
  }
}
