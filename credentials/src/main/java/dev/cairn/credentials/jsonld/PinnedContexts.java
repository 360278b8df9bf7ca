package dev.cairn.credentials.jsonld;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.document.Document;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.http.media.MediaType;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.jsonld.loader.DocumentLoaderOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.spi.JsonProvider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

/**
 * The only JSON-LD document loader Cairn uses: it serves contexts bundled in the jar, each pinned by the SHA-256
 * of its bytes (checked when loaded, so an edited file fails at start-up, not in a verification). Any other URL is
 * refused with {@link ContextNotAllowedException}; nothing is ever fetched from the network, so a credential
 * cannot make Cairn call out, and an issuer cannot change a context's meaning after signing.
 */
public final class PinnedContexts implements DocumentLoader {
  /** The production set: VC, Data Integrity, Multikey, Ed25519 2020, DID, security, status lists, Open Badges. */
  public static final String BUNDLED_MANIFEST = "/dev/cairn/credentials/contexts/manifest.json";

  private static final class Bundled {
    static final PinnedContexts INSTANCE = new PinnedContexts(Map.of()).with(BUNDLED_MANIFEST);
  }

  private final Map<String, JsonStructure> documents;

  private PinnedContexts(Map<String, JsonStructure> documents) {
    this.documents = Map.copyOf(documents);
  }

  public static PinnedContexts bundled() {
    return Bundled.INSTANCE;
  }

  /** These contexts and those of another manifest on the class path (the same shape: url, file, sha256). */
  public PinnedContexts with(String manifestResource) {
    Map<String, JsonStructure> all = new HashMap<>(documents);
    String folder = manifestResource.substring(0, manifestResource.lastIndexOf('/') + 1);
    JsonArray manifest = new JsonArray(new String(read(manifestResource), StandardCharsets.UTF_8));
    for (Object entry : manifest) {
      JsonObject pinned = (JsonObject) entry;
      byte[] bytes = read(folder + pinned.getString("file"));
      String actual = HexFormat.of().formatHex(sha256(bytes));
      if (!actual.equals(pinned.getString("sha256"))) {
        throw new IllegalStateException("bundled context " + pinned.getString("url") + " does not match its pinned hash");
      }
      all.put(pinned.getString("url"), JsonProvider.provider().createReader(new ByteArrayInputStream(bytes)).read());
    }
    return new PinnedContexts(all);
  }

  public Set<String> urls() {
    return documents.keySet();
  }

  public boolean allows(String url) {
    return documents.containsKey(url);
  }

  @Override
  public Document loadDocument(URI url, DocumentLoaderOptions options) throws JsonLdError {
    JsonStructure document = documents.get(url.toString());
    if (document == null) {
      throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED, new ContextNotAllowedException(url.toString()));
    }
    // A new wrapper each time: titanium sets the document URL on it; the JSON inside is immutable and shared.
    JsonDocument loaded = JsonDocument.of(MediaType.JSON_LD, document);
    loaded.setDocumentUrl(url);
    return loaded;
  }

  private static byte[] read(String resource) {
    try (InputStream in = PinnedContexts.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing bundled resource " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
