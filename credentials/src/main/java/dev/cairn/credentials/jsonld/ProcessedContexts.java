package dev.cairn.credentials.jsonld;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.context.ActiveContext;
import com.apicatalog.jsonld.expansion.Expansion;
import com.apicatalog.jsonld.processor.ProcessingRuntime;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Active contexts processed once per {@code @context} URL list (JSON-LD 1.1 API §4.1.2 Context Processing), for
 * documents whose {@code @context} is one URL or an array of URLs — every credential and proof configuration Cairn
 * verifies. titanium caches the parsed JSON of a remote context, but builds every term definition again for each
 * document (the OB 3.0 context's, twice per proof); here that result is built once and reused.
 *
 * <p>Safe to share: a processed context depends only on the pinned, immutable context documents behind its URLs
 * (no base IRI, the same options); titanium's expansion only reads it (each scoped context is processed into a new
 * copy). Only successful processing is kept, at most {@link #CAPACITY} lists; a list that fails (an unpinned URL, a
 * protected term redefined) fails again each time, exactly as without this cache. Nothing derived from a document
 * is kept.
 *
 * <p>The deadline: a kept context holds the {@link ProcessingRuntime} it was built with, and titanium ticks that
 * runtime while expanding with it; {@link DeadlineRuntime} answers each tick with the deadline of the expansion
 * running on the current thread.
 */
final class ProcessedContexts {
  static final int CAPACITY = 64;
  /** Looked up once: {@code JsonProvider.provider()} runs a ServiceLoader search on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  private final ConcurrentHashMap<List<String>, ActiveContext> processed = new ConcurrentHashMap<>();
  private final DeadlineRuntime runtime;

  /** {@code options}: the loader, caches and policies every expansion uses; no timeout (the deadline rules). */
  ProcessedContexts(JsonLdOptions options) {
    this.runtime = new DeadlineRuntime(options);
  }

  /** The {@code @context} URLs of a JSON object whose {@code @context} is a string or an array of strings. */
  static Optional<List<String>> urls(JsonStructure document) {
    if (!(document instanceof JsonObject object)) {
      return Optional.empty();
    }
    JsonValue context = object.get("@context");
    if (context instanceof JsonString url) {
      return Optional.of(List.of(url.getString()));
    }
    if (!(context instanceof JsonArray array) || array.isEmpty()) {
      return Optional.empty();
    }
    List<String> urls = new ArrayList<>(array.size());
    for (JsonValue entry : array) {
      if (!(entry instanceof JsonString url)) {
        return Optional.empty();
      }
      urls.add(url.getString());
    }
    return Optional.of(List.copyOf(urls));
  }

  /**
   * Expansion (API §4.1) of {@code document}, whose {@code @context} is {@code urls}: the same result as expanding it
   * whole, since Expansion step 9 would set the active context to exactly the processed {@code @context}.
   */
  JsonArray expand(JsonObject document, List<String> urls, Deadline deadline) throws JsonLdError {
    DeadlineRuntime.CURRENT.set(deadline);
    try {
      ActiveContext context = processed.get(urls);
      if (context == null) {
        context = process(document.get("@context"));
        if (processed.size() < CAPACITY) {
          processed.putIfAbsent(urls, context);
        }
      }
      JsonObject withoutContext = JSON.createObjectBuilder(document).remove("@context").build();
      JsonValue expanded = Expansion.with(context, withoutContext, null, null).frameExpansion(false).ordered(false)
          .compute();
      return asArray(expanded);
    } finally {
      DeadlineRuntime.CURRENT.remove();
    }
  }

  /** Context Processing from a new active context with no base IRI, as the expansion of a document without URL. */
  private ActiveContext process(JsonValue localContext) throws JsonLdError {
    return new ActiveContext(null, null, runtime).newContext().create(localContext, null);
  }

  /** Expansion algorithm, end of API §4.1 (as titanium's ExpansionProcessor): a lone {@code @graph} is unwrapped. */
  private static JsonArray asArray(JsonValue expanded) {
    if (expanded instanceof JsonObject object && object.size() == 1 && object.containsKey("@graph")) {
      expanded = object.get("@graph");
    }
    if (expanded == null || expanded.getValueType() == JsonValue.ValueType.NULL) {
      return JsonValue.EMPTY_JSON_ARRAY;
    }
    return expanded instanceof JsonArray array
        ? array : JSON.createArrayBuilder().add(expanded).build();
  }

  /** titanium's processing runtime with its timeout replaced by the current expansion's {@link Deadline}. */
  static final class DeadlineRuntime extends ProcessingRuntime {
    static final ThreadLocal<Deadline> CURRENT = new ThreadLocal<>();

    DeadlineRuntime(JsonLdOptions options) {
      super(options);
    }

    @Override
    public void tick() {
      Deadline deadline = CURRENT.get();
      if (deadline != null) {
        deadline.check();
      }
    }

    @Override
    public void resetTicker() {
      // The deadline is per expansion, set by ProcessedContexts.expand.
    }
  }
}
