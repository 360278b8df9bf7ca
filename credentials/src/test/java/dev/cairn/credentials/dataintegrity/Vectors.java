package dev.cairn.credentials.dataintegrity;

import dev.cairn.credentials.jsonld.CanonicalizationLimits;
import dev.cairn.credentials.jsonld.PinnedContexts;
import dev.cairn.credentials.jsonld.RdfCanonicalizer;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Reads the Data Integrity vectors under {@code vectors/<spec>/<version>/}, and the canonicalizer they need. */
final class Vectors {
  /** The bundled contexts plus the W3C examples contexts the specs' examples use (tests only). */
  static final PinnedContexts CONTEXTS = PinnedContexts.bundled().with("/contexts/manifest.json")
      .with("/contexts-citizenship/manifest.json");
  /** Generous limits: these tests check results, not time (the limits have their own tests). */
  static final RdfCanonicalizer CANONICALIZER = new RdfCanonicalizer(CONTEXTS,
      new CanonicalizationLimits(Duration.ofSeconds(30), 10_000, 1_000));

  private Vectors() {}

  static String text(String folder, String file) {
    try (InputStream in = Vectors.class.getResourceAsStream("/vectors/" + folder + "/" + file)) {
      if (in == null) {
        throw new IllegalArgumentException("no vector " + folder + "/" + file);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonObject json(String folder, String file) {
    return new JsonObject(text(folder, file));
  }
}
