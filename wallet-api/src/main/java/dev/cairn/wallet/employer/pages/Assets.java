package dev.cairn.wallet.employer.pages;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

/**
 * The pages' only static files, read from the classpath once at start-up. A fixed list by name, so no path from a
 * request ever reaches the classpath lookup.
 */
final class Assets {
  record Asset(byte[] bytes, String contentType) {}

  private final Map<String, Asset> byName;

  Assets() {
    this.byName = Map.of(
        "pages.css", new Asset(read("pages.css"), "text/css; charset=utf-8"),
        "request.js", new Asset(read("request.js"), "text/javascript; charset=utf-8"));
  }

  Optional<Asset> named(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  private static byte[] read(String name) {
    try (InputStream in = Assets.class.getResourceAsStream("/employer/" + name)) {
      if (in == null) {
        throw new IllegalStateException("employer/" + name + " is missing from the build");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
