package dev.cairn.credentials.jsonld;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.processor.ToRdfProcessor;
import com.apicatalog.rdf.api.RdfConsumerException;
import com.apicatalog.rdf.api.RdfQuadConsumer;
import com.apicatalog.rdf.canon.RdfCanon;
import dev.cairn.credentials.ReasonCode;
import dev.cairn.credentials.VerificationException;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * JSON-LD to canonical RDF, within {@link CanonicalizationLimits}: expansion with {@link PinnedContexts} only and
 * undefined terms refused (Data Integrity §4.x "safe mode": a term that would silently drop out of the signed data
 * is an error), conversion to RDF (JSON-LD 1.1 API §8), and RDF Dataset Canonicalization (RDFC-1.0). Runs on the
 * caller's thread: callers put it on a worker pool.
 */
public final class RdfCanonicalizer {
  private final PinnedContexts contexts;
  private final CanonicalizationLimits limits;
  private final SharedCache<String, jakarta.json.JsonValue> contextCache;
  private final SharedCache<String, com.apicatalog.jsonld.document.Document> documentCache;
  private final ProcessedContexts processedContexts;

  public RdfCanonicalizer(PinnedContexts contexts, CanonicalizationLimits limits) {
    this.contexts = contexts;
    this.limits = limits;
    int pinned = contexts.urls().size() + 16;
    this.contextCache = new SharedCache<>(pinned);
    this.documentCache = new SharedCache<>(pinned);
    this.processedContexts = new ProcessedContexts(baseOptions());
  }

  public CanonicalizationLimits limits() {
    return limits;
  }

  public PinnedContexts contexts() {
    return contexts;
  }

  /** A JSON-LD document's canonical N-Quads, hashing blank nodes with SHA-256 (the RDFC-1.0 default). */
  public CanonicalDataset canonicalize(JsonStructure document, Deadline deadline) {
    return canonicalize(document, deadline, "SHA-256");
  }

  /**
   * As {@link #canonicalize(JsonStructure, Deadline)} with RDFC-1.0's hash algorithm chosen (§4.4: SHA-384 where the
   * suite signs with P-384, VC DI ECDSA §3).
   */
  public CanonicalDataset canonicalize(JsonStructure document, Deadline deadline, String hashAlgorithm) {
    return canonicalize(toRdf(document, deadline), deadline, UnaryOperator.identity(), hashAlgorithm);
  }

  /**
   * The document as RDF quads, counted against the caps as they are produced. A document whose {@code @context} is
   * a list of URLs is expanded with that context processed once per list ({@link ProcessedContexts}); the quads are
   * the same either way.
   */
  public List<RdfQuad> toRdf(JsonStructure document, Deadline deadline) {
    Counted counted = new Counted(limits, deadline);
    try {
      Optional<List<String>> urls = ProcessedContexts.urls(document);
      if (urls.isPresent()) {
        ToRdfProcessor.toRdf(counted, processedContexts.expand((JsonObject) document, urls.get(), deadline),
            options(deadline));
      } else {
        JsonLd.toRdf(JsonDocument.of(document)).options(options(deadline)).provide(counted);
      }
    } catch (JsonLdError e) {
      throw translate(e, deadline);
    }
    return counted.quads;
  }

  /** JSON-LD 1.1 expansion (API §4.1) with the pinned contexts (a URL-list {@code @context} processed once per list). */
  public JsonArray expand(JsonStructure document, Deadline deadline) {
    try {
      Optional<List<String>> urls = ProcessedContexts.urls(document);
      if (urls.isPresent()) {
        return processedContexts.expand((JsonObject) document, urls.get(), deadline);
      }
      return JsonLd.expand(JsonDocument.of(document)).options(options(deadline)).get();
    } catch (JsonLdError e) {
      throw translate(e, deadline);
    }
  }

  /** JSON-LD 1.1 compaction (API §4.2) of an expanded document against {@code context} (an {@code @context} value). */
  public JsonObject compact(JsonArray expanded, JsonValue context, Deadline deadline) {
    JsonObject contextDocument = JsonProvider.provider().createObjectBuilder().add("@context", context).build();
    try {
      return JsonLd.compact(JsonDocument.of(expanded), JsonDocument.of(contextDocument)).options(options(deadline)).get();
    } catch (JsonLdError e) {
      throw translate(e, deadline);
    }
  }

  private JsonLdOptions options(Deadline deadline) {
    JsonLdOptions options = baseOptions();
    options.setTimeout(deadline.remaining());
    return options;
  }

  /** Pinned contexts only, undefined terms refused, the shared caches; no timeout. */
  private JsonLdOptions baseOptions() {
    JsonLdOptions options = new JsonLdOptions(contexts);
    options.setUndefinedTermsPolicy(JsonLdOptions.ProcessingPolicy.Fail);
    options.setContextCache(contextCache);
    options.setDocumentCache(documentCache);
    return options;
  }

  /** RDFC-1.0 over the given quads; the deadline is checked at every step of the N-degree hashing. */
  public CanonicalDataset canonicalize(Collection<RdfQuad> quads, Deadline deadline) {
    return canonicalize(quads, deadline, UnaryOperator.identity(), "SHA-256");
  }

  /**
   * RDFC-1.0, then each canonical blank node label ({@code _:c14nN}) replaced by {@code relabel}'s answer and the
   * lines sorted again — the labelReplacementCanonicalizeNQuads step of the selective disclosure suites.
   */
  public CanonicalDataset canonicalize(Collection<RdfQuad> quads, Deadline deadline, UnaryOperator<String> relabel) {
    return canonicalize(quads, deadline, relabel, "SHA-256");
  }

  private CanonicalDataset canonicalize(Collection<RdfQuad> quads, Deadline deadline, UnaryOperator<String> relabel,
                                        String hashAlgorithm) {
    RdfCanon canon = RdfCanon.create(hashAlgorithm, deadline::check);
    try {
      for (RdfQuad quad : quads) {
        canon.quad(quad.subject(), quad.predicate(), quad.object(), quad.datatype(), quad.language(),
            quad.direction(), quad.graph());
      }
      List<String> lines = new ArrayList<>(quads.size());
      canon.provide((s, p, o, datatype, language, direction, graph) -> {
        lines.add(new RdfQuad(blank(s, relabel), p, datatype == null ? blank(o, relabel) : o, datatype, language,
            direction, blank(graph, relabel)).toNQuad());
        return null;
      });
      // RDFC-1.0 §4.4.3 step 5: sorted in code point order (UTF-16 order differs above the BMP).
      lines.sort(RdfCanonicalizer::byCodePoint);
      return new CanonicalDataset(lines, canon.mapping());
    } catch (RdfConsumerException e) {
      throw new VerificationException(ReasonCode.JSONLD_INVALID, "the RDF dataset could not be canonicalized");
    }
  }

  private static String blank(String term, UnaryOperator<String> relabel) {
    return term != null && RdfQuadConsumer.isBlank(term) ? relabel.apply(term) : term;
  }

  static int byCodePoint(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  private static VerificationException translate(JsonLdError error, Deadline deadline) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof ContextNotAllowedException refused) {
        return new VerificationException(ReasonCode.CONTEXT_NOT_ALLOWED, refused.getMessage());
      }
      if (cause instanceof VerificationException limit) {
        return limit;
      }
    }
    if (deadline.remaining().isZero()) {
      deadline.check();
    }
    return new VerificationException(ReasonCode.JSONLD_INVALID,
        "the document is not valid JSON-LD for Data Integrity: " + error.getCode() + " " + error.getMessage());
  }

  /** Collects quads, refusing a graph larger than the caps, and checking the deadline as it goes. */
  private static final class Counted implements RdfQuadConsumer {
    private final CanonicalizationLimits limits;
    private final Deadline deadline;
    private final List<RdfQuad> quads = new ArrayList<>();
    private final Set<String> blankNodes = new HashSet<>();

    Counted(CanonicalizationLimits limits, Deadline deadline) {
      this.limits = limits;
      this.deadline = deadline;
    }

    @Override
    public RdfQuadConsumer quad(String subject, String predicate, String object, String datatype, String language,
                                String direction, String graph) {
      if (quads.size() == limits.maxQuads()) {
        throw new VerificationException(ReasonCode.CANONICALIZATION_LIMIT,
            "the document has more than " + limits.maxQuads() + " RDF statements");
      }
      blank(subject);
      if (datatype == null) {
        blank(object);
      }
      blank(graph);
      deadline.check();
      quads.add(new RdfQuad(subject, predicate, object, datatype, language, direction, graph));
      return this;
    }

    private void blank(String term) {
      if (term != null && RdfQuadConsumer.isBlank(term) && blankNodes.add(term)
          && blankNodes.size() > limits.maxBlankNodes()) {
        throw new VerificationException(ReasonCode.CANONICALIZATION_LIMIT,
            "the document has more than " + limits.maxBlankNodes() + " blank nodes");
      }
    }
  }
}
