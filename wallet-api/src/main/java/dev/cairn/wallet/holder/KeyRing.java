package dev.cairn.wallet.holder;

import com.nimbusds.jose.jwk.JWK;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The current key-encryption key, which seals everything new, and the rotated-out ones still able to open. */
public final class KeyRing {
  private final KeyEncryptionKey current;
  private final Map<String, KeyEncryptionKey> byId = new LinkedHashMap<>();

  public KeyRing(KeyEncryptionKey current, List<KeyEncryptionKey> previous) {
    this.current = current;
    byId.put(current.id(), current);
    previous.forEach(key -> byId.putIfAbsent(key.id(), key));
  }

  public KeyEncryptionKey current() {
    return current;
  }

  public Optional<KeyEncryptionKey> byId(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /**
   * A private JWK sealed under key {@code kekId} with {@code associatedData} (holder keys, verifier keys, response
   * keys), opened; the plaintext is wiped. {@code what} names the key in the failure when that KEK is not configured.
   */
  public JWK openJwk(String kekId, byte[] sealed, byte[] associatedData, String what) throws ParseException {
    KeyEncryptionKey kek = byId(kekId).orElseThrow(() -> new IllegalStateException(
        what + " is sealed under key-encryption key " + kekId + ", which is not configured"));
    byte[] plaintext = kek.open(sealed, associatedData);
    try {
      return JWK.parse(new String(plaintext, StandardCharsets.UTF_8));
    } finally {
      Arrays.fill(plaintext, (byte) 0);
    }
  }
}
