package dev.cairn.credentials.jsonld;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.credentials.ReasonCode;
import dev.cairn.credentials.VerificationException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The bounds on JSON-LD work: a crafted graph (blank nodes that all look alike, each linked to all others) makes
 * RDFC-1.0 try every permutation; it must stop at the deadline, and the caps refuse oversized graphs before that.
 */
class RdfCanonicalizerLimitsTest {
  private static final PinnedContexts CONTEXTS = PinnedContexts.bundled();

  /** A clique of {@code size} unlabelled-looking blank nodes, all linked to each other with one predicate. */
  static JsonObject clique(int size) {
    JsonArray graph = new JsonArray();
    for (int i = 0; i < size; i++) {
      JsonArray links = new JsonArray();
      for (int j = 0; j < size; j++) {
        if (i != j) {
          links.add(new JsonObject().put("@id", "_:b" + j));
        }
      }
      graph.add(new JsonObject().put("@id", "_:b" + i).put("http://example.org/knows", links));
    }
    return new JsonObject().put("@graph", graph);
  }

  @Test
  void aBlankNodeCliqueIsRefusedAtTheDeadline() {
    RdfCanonicalizer canonicalizer = new RdfCanonicalizer(CONTEXTS,
        new CanonicalizationLimits(Duration.ofMillis(250), 10_000, 1_000));
    long started = System.nanoTime();
    VerificationException refused = assertThrows(VerificationException.class,
        () -> canonicalizer.canonicalize(JakartaJson.of(clique(10)), canonicalizer.limits().start()));
    long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
    assertEquals(ReasonCode.CANONICALIZATION_LIMIT, refused.reason());
    // One N-degree hashing step past the deadline at most; generous for a loaded CI machine.
    assertTrue(elapsedMillis < 2_000, "stopped after " + elapsedMillis + " ms");
  }

  @Test
  void aCliqueDoesNotHoldUpOtherWorkOnAnotherWorker() throws Exception {
    RdfCanonicalizer canonicalizer = new RdfCanonicalizer(CONTEXTS, CanonicalizationLimits.DEFAULT);
    JsonObject small = new JsonObject().put("@id", "https://example.org/a").put("http://example.org/name", "Ada");
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<?> attack = pool.submit(() -> canonicalizer.canonicalize(JakartaJson.of(clique(10)), canonicalizer.limits().start()));
      Future<CanonicalDataset> ordinary = pool.submit(() -> canonicalizer.canonicalize(JakartaJson.of(small),
          canonicalizer.limits().start()));
      assertEquals(1, ordinary.get(5, TimeUnit.SECONDS).nquads().size());
      java.util.concurrent.ExecutionException failed = assertThrows(java.util.concurrent.ExecutionException.class,
          () -> attack.get(5, TimeUnit.SECONDS));
      assertEquals(ReasonCode.CANONICALIZATION_LIMIT, ((VerificationException) failed.getCause()).reason());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void tooManyBlankNodesAreRefusedBeforeCanonicalization() {
    RdfCanonicalizer canonicalizer = new RdfCanonicalizer(CONTEXTS, new CanonicalizationLimits(Duration.ofSeconds(5), 10_000, 5));
    VerificationException refused = assertThrows(VerificationException.class,
        () -> canonicalizer.toRdf(JakartaJson.of(clique(6)), canonicalizer.limits().start()));
    assertEquals(ReasonCode.CANONICALIZATION_LIMIT, refused.reason());
    assertTrue(refused.getMessage().contains("blank nodes"), refused.getMessage());
  }

  @Test
  void tooManyStatementsAreRefused() {
    RdfCanonicalizer canonicalizer = new RdfCanonicalizer(CONTEXTS, new CanonicalizationLimits(Duration.ofSeconds(5), 10, 1_000));
    JsonArray values = new JsonArray();
    for (int i = 0; i < 11; i++) {
      values.add("v" + i);
    }
    JsonObject many = new JsonObject().put("@id", "https://example.org/a").put("http://example.org/p", values);
    VerificationException refused = assertThrows(VerificationException.class,
        () -> canonicalizer.toRdf(JakartaJson.of(many), canonicalizer.limits().start()));
    assertTrue(refused.getMessage().contains("RDF statements"), refused.getMessage());
  }

  @Test
  void anUndefinedTermIsAnErrorNotASilentDrop() {
    RdfCanonicalizer canonicalizer = new RdfCanonicalizer(CONTEXTS, CanonicalizationLimits.DEFAULT);
    JsonObject document = new JsonObject()
        .put("@context", new JsonArray().add("https://www.w3.org/2018/credentials/v1"))
        .put("type", new JsonArray().add("VerifiableCredential")).put("notInAnyContext", "dropped?");
    VerificationException refused = assertThrows(VerificationException.class,
        () -> canonicalizer.toRdf(JakartaJson.of(document), canonicalizer.limits().start()));
    assertEquals(ReasonCode.JSONLD_INVALID, refused.reason());
  }

  @Test
  void everyBundledContextMatchesItsPinnedHashAndLoadsOffline() {
    assertTrue(CONTEXTS.urls().contains("https://www.w3.org/ns/credentials/v2"));
    assertTrue(CONTEXTS.urls().contains("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"));
    assertTrue(CONTEXTS.urls().contains("https://w3id.org/security/suites/ed25519-2020/v1"));
  }
}
