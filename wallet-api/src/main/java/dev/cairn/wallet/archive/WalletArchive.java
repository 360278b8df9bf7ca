package dev.cairn.wallet.archive;

import dev.cairn.wallet.http.ProblemException;
import dev.cairn.wallet.http.ProblemType;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The portable wallet archive (docs/wallet.md, "Export and portability"): a ZIP holding {@code manifest.json}
 * and every original credential byte for byte under {@code credentials/}. The manifest lists, per credential,
 * its file, media type, SHA-256, tags, note and pin; and the stacks with their credentials in order. Reading is
 * bounded (entries, sizes, total expanded bytes) so a ZIP bomb is refused, and every file must match its hash.
 */
final class WalletArchive {
  static final String MEDIA_TYPE = "application/zip";
  static final String FORMAT = "cairn-wallet-archive/1";
  static final String MANIFEST = "manifest.json";
  private static final int MAX_ENTRIES = 20_001;

  /** One credential in the archive: its manifest entry and its original bytes. */
  record Entry(JsonObject manifest, byte[] original) {}

  private WalletArchive() {}

  static byte[] write(JsonObject manifest, Map<String, byte[]> files) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry(MANIFEST));
      zip.write(manifest.encodePrettily().getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        zip.putNextEntry(new ZipEntry(file.getKey()));
        zip.write(file.getValue());
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The manifest and every credential it lists, checked against its SHA-256; anything wrong is archive-invalid. */
  static Read read(byte[] zipBytes, int maxTotalBytes, int maxEntryBytes) {
    Map<String, byte[]> files = new HashMap<>();
    long total = 0;
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(zipBytes))) {
      ZipEntry entry;
      while ((entry = zip.getNextEntry()) != null) {
        if (files.size() >= MAX_ENTRIES) {
          throw invalid("The archive has more than " + (MAX_ENTRIES - 1) + " credentials");
        }
        if (entry.isDirectory()) {
          continue;
        }
        byte[] content = readBounded(zip, entry.getName().equals(MANIFEST) ? maxTotalBytes : maxEntryBytes,
            entry.getName());
        total += content.length;
        if (total > maxTotalBytes) {
          throw invalid("The archive expands to more than " + maxTotalBytes + " bytes");
        }
        if (files.put(entry.getName(), content) != null) {
          throw invalid("The archive holds '" + entry.getName() + "' twice");
        }
      }
    } catch (ZipException e) {
      throw invalid("The body is not a readable ZIP archive");
    } catch (IOException e) {
      throw invalid("The archive could not be read: " + e.getMessage());
    }
    byte[] manifestBytes = files.get(MANIFEST);
    if (manifestBytes == null) {
      throw invalid("The archive has no manifest.json");
    }
    JsonObject manifest;
    try {
      manifest = new JsonObject(new String(manifestBytes, StandardCharsets.UTF_8));
    } catch (DecodeException e) {
      throw invalid("manifest.json is not JSON");
    }
    if (!FORMAT.equals(manifest.getValue("format"))) {
      throw invalid("manifest.json is not a " + FORMAT + " manifest");
    }
    JsonArray credentials = array(manifest, "credentials");
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < credentials.size(); i++) {
      if (!(credentials.getValue(i) instanceof JsonObject listed) || !(listed.getValue("file") instanceof String file)
          || !(listed.getValue("sha256") instanceof String sha256) || !(listed.getValue("id") instanceof String)) {
        throw invalid("manifest.json credentials[" + i + "] lacks its id, file or sha256");
      }
      byte[] original = files.get(file);
      if (original == null) {
        throw invalid("manifest.json lists '" + file + "', which the archive does not hold");
      }
      if (!sha256(original).equals(sha256)) {
        throw invalid("'" + file + "' does not match its SHA-256 in manifest.json");
      }
      entries.add(new Entry(listed, original));
    }
    array(manifest, "stacks");
    return new Read(manifest, entries);
  }

  record Read(JsonObject manifest, List<Entry> credentials) {}

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The file name extension of a credential's media type, so an unpacked archive opens sensibly. */
  static String extension(String mediaType) {
    return switch (mediaType) {
      case "application/dc+sd-jwt", "application/vc+sd-jwt" -> ".sd-jwt";
      case "application/vc+ld+json", "application/ld+json", "application/json" -> ".json";
      default -> ".jwt";
    };
  }

  private static byte[] readBounded(ZipInputStream zip, int limit, String name) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int read;
    while ((read = zip.read(buffer)) > 0) {
      if (out.size() + read > limit) {
        throw invalid("'" + name + "' is larger than " + limit + " bytes");
      }
      out.write(buffer, 0, read);
    }
    return out.toByteArray();
  }

  private static JsonArray array(JsonObject manifest, String name) {
    if (!(manifest.getValue(name) instanceof JsonArray array)) {
      throw invalid("manifest.json has no '" + name + "' array");
    }
    return array;
  }

  static ProblemException invalid(String detail) {
    return new ProblemException(ProblemType.ARCHIVE_INVALID, detail);
  }
}
