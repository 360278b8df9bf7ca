package dev.cairn.wallet.holder;

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
}
