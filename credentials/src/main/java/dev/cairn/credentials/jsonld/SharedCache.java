package dev.cairn.credentials.jsonld;

import com.apicatalog.jsonld.context.cache.Cache;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A thread-safe cache for titanium's parsed contexts and loaded documents, shared by every verification. Safe
 * because only pinned, immutable contexts are ever loaded; bounded because the set of pinned URLs is.
 */
final class SharedCache<K, V> implements Cache<K, V> {
  private final ConcurrentHashMap<K, V> entries = new ConcurrentHashMap<>();
  private final int capacity;

  SharedCache(int capacity) {
    this.capacity = capacity;
  }

  @Override
  public boolean containsKey(K key) {
    return entries.containsKey(key);
  }

  @Override
  public V get(K key) {
    return entries.get(key);
  }

  @Override
  public void put(K key, V value) {
    if (entries.size() < capacity) {
      entries.put(key, value);
    }
  }
}
