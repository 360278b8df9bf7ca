package dev.cairn.wallet.holder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * An AES-256 key-encryption key (KEK) for holder private keys. Sealing is AES-256-GCM with a fresh 96-bit nonce
 * (NIST SP 800-38D §8.2.2) and associated data naming the row, so a ciphertext copied to another row does not
 * open. The id is the first 8 bytes of SHA-256 of the key: rows record which KEK sealed them, which is what
 * rotation needs. The file holds the 32 bytes in base64 (or raw); docs/holder-keys.md explains rotation.
 */
public final class KeyEncryptionKey {
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec key;
  private final String id;

  private KeyEncryptionKey(byte[] raw) {
    if (raw.length != 32) {
      throw new IllegalStateException("a key-encryption key must be 32 bytes (AES-256), not " + raw.length);
    }
    this.key = new SecretKeySpec(raw, "AES");
    this.id = idOf(raw);
  }

  public static KeyEncryptionKey of(byte[] raw) {
    return new KeyEncryptionKey(raw.clone());
  }

  /** Blocking file I/O, at start-up: the operator's file, or the one generated at first start. */
  public static KeyEncryptionKey loadOrCreate(Optional<Path> configured, Path home) {
    if (configured.isPresent()) {
      return read(configured.get());
    }
    Path generated = home.resolve("keys").resolve("kek");
    return Files.exists(generated) ? read(generated) : create(generated);
  }

  public static KeyEncryptionKey read(Path file) {
    try {
      byte[] bytes = Files.readAllBytes(file);
      if (bytes.length == 32) {
        return new KeyEncryptionKey(bytes);
      }
      String text = new String(bytes, StandardCharsets.US_ASCII).trim();
      try {
        return new KeyEncryptionKey(Base64.getDecoder().decode(text));
      } catch (IllegalArgumentException notStandard) {
        return new KeyEncryptionKey(Base64.getUrlDecoder().decode(text));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the key-encryption key file " + file, e);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("the key-encryption key file " + file + " holds neither 32 raw bytes nor base64");
    }
  }

  private static KeyEncryptionKey create(Path file) {
    byte[] raw = new byte[32];
    RANDOM.nextBytes(raw);
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, Base64.getEncoder().encodeToString(raw) + "\n", StandardCharsets.US_ASCII,
          StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException notPosix) {
        // Non-POSIX file systems keep their default permissions; docs/holder-keys.md says where the key lives.
      }
      return new KeyEncryptionKey(raw);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the key-encryption key to " + file, e);
    }
  }

  public String id() {
    return id;
  }

  /** A key for another purpose (such as signing page cursors), derived with HMAC-SHA-256 under this key. */
  public byte[] derive(String purpose) {
    try {
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
      return mac.doFinal(("cairn/" + purpose).getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA-256 is unavailable", e);
    }
  }

  /** nonce ‖ ciphertext ‖ tag. */
  public byte[] seal(byte[] plaintext, byte[] associatedData) {
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(associatedData);
      byte[] sealed = cipher.doFinal(plaintext);
      return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-256-GCM is unavailable", e);
    }
  }

  /** Fails with {@link SealedDataException} when the key, the data or the associated data is not the sealer's. */
  public byte[] open(byte[] sealed, byte[] associatedData) {
    if (sealed.length < NONCE_BYTES + TAG_BITS / 8) {
      throw new SealedDataException("sealed data is too short");
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
      cipher.updateAAD(associatedData);
      return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
    } catch (AEADBadTagException e) {
      throw new SealedDataException("authentication tag mismatch");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-256-GCM is unavailable", e);
    }
  }

  private static String idOf(byte[] raw) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(raw);
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Sealed data that does not open: wrong key, tampered bytes or another row's ciphertext. */
  public static final class SealedDataException extends RuntimeException {
    public SealedDataException(String message) {
      super(message, null, false, false);
    }
  }
}
