package dev.cairn.credentials.jsonld;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.document.JsonDocument;
import dev.cairn.credentials.ReasonCode;
import dev.cairn.credentials.VerificationException;
import dev.cairn.credentials.display.OpenBadgeFixtures;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Contexts processed once per {@code @context} URL list ({@link ProcessedContexts}): the expansion is exactly
 * titanium's own, failures are never kept, the current deadline still applies, and threads share one context.
 */
class ProcessedContextsTest {
  private static final PinnedContexts CONTEXTS = PinnedContexts.bundled();

  private static JsonObject vcdm11Credential() {
    return new JsonObject()
        .put("@context", new JsonArray().add("https://www.w3.org/2018/credentials/v1")
            .add("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"))
        .put("id", "urn:uuid:0c8f1c1e-5d38-4bd8-9c5a-1b2f3e4d5a6b")
        .put("type", new JsonArray().add("VerifiableCredential").add("OpenBadgeCredential"))
        .put("issuer", new JsonObject().put("id", "did:example:issuer").put("type", new JsonArray().add("Profile"))
            .put("name", "Example College"))
        .put("issuanceDate", "2026-01-01T00:00:00Z")
        .put("credentialSubject", new JsonObject().put("id", "did:example:learner")
            .put("type", new JsonArray().add("AchievementSubject"))
            .put("achievement", new JsonObject().put("id", "https://example.org/achievements/1")
                .put("type", new JsonArray().add("Achievement")).put("name", "Knots")
                .put("criteria", new JsonObject().put("narrative", "Tie six knots."))));
  }

  /** titanium's own expansion, without the processed-context cache. */
  private static jakarta.json.JsonArray titaniumExpansion(JsonObject document) throws Exception {
    JsonLdOptions options = new JsonLdOptions(CONTEXTS);
    options.setUndefinedTermsPolicy(JsonLdOptions.ProcessingPolicy.Fail);
    return JsonLd.expand(JsonDocument.of(JakartaJson.of(document))).options(options).get();
  }

  @Test
  void expandingWithAProcessedContextGivesExactlyTitaniumsExpansion() throws Exception {
    RdfCanonicalizer canonicalizer = new RdfCanonicalizer(CONTEXTS, CanonicalizationLimits.DEFAULT);
    for (JsonObject document : List.of(new JsonObject(OpenBadgeFixtures.FULL_BADGE),
        new JsonObject(OpenBadgeFixtures.ENDORSEMENT), vcdm11Credential())) {
      jakarta.json.JsonArray expected = titaniumExpansion(document);
      assertEquals(expected, canonicalizer.expand(JakartaJson.of(document), canonicalizer.limits().start()), "miss");
      assertEquals(expected, canonicalizer.expand(JakartaJson.of(document), canonicalizer.limits().start()), "hit");
    }
  }

  @Test
  void aContextListThatFailsIsRefusedEveryTimeAndNeverKept() {
    RdfCanonicalizer canonicalizer = new RdfCanonicalizer(CONTEXTS, CanonicalizationLimits.DEFAULT);
    JsonObject unpinned = new JsonObject().put("@context", new JsonArray().add("https://www.w3.org/ns/credentials/v2")
        .add("https://contexts.example/extra.jsonld")).put("type", "VerifiableCredential");
    // VCDM 2.0 protects `description`; OB 3.0.0 redefines it (contexts README, "@protected").
    JsonObject redefined = new JsonObject().put("@context", new JsonArray().add("https://www.w3.org/ns/credentials/v2")
        .add("https://purl.imsglobal.org/spec/ob/v3p0/context.json")).put("type", "VerifiableCredential");
    for (int attempt = 0; attempt < 2; attempt++) {
      assertEquals(ReasonCode.CONTEXT_NOT_ALLOWED, assertThrows(VerificationException.class,
          () -> canonicalizer.toRdf(JakartaJson.of(unpinned), canonicalizer.limits().start())).reason());
      assertEquals(ReasonCode.JSONLD_INVALID, assertThrows(VerificationException.class,
          () -> canonicalizer.toRdf(JakartaJson.of(redefined), canonicalizer.limits().start())).reason());
    }
  }

  @Test
  void aProcessedContextStopsAtTheDeadlineOfTheExpansionUsingIt() {
    RdfCanonicalizer canonicalizer = new RdfCanonicalizer(CONTEXTS, CanonicalizationLimits.DEFAULT);
    JsonObject badge = new JsonObject(OpenBadgeFixtures.FULL_BADGE);
    canonicalizer.expand(JakartaJson.of(badge), canonicalizer.limits().start());

    Deadline passed = Deadline.after(Duration.ofNanos(1));
    VerificationException refused = assertThrows(VerificationException.class,
        () -> canonicalizer.expand(JakartaJson.of(badge), passed));
    assertEquals(ReasonCode.CANONICALIZATION_LIMIT, refused.reason());
    canonicalizer.expand(JakartaJson.of(badge), canonicalizer.limits().start());
  }

  @Test
  void concurrentExpansionsShareOneProcessedContext() throws Exception {
    RdfCanonicalizer canonicalizer = new RdfCanonicalizer(CONTEXTS, CanonicalizationLimits.DEFAULT);
    JsonObject badge = new JsonObject(OpenBadgeFixtures.FULL_BADGE);
    List<String> expected = canonicalizer.canonicalize(JakartaJson.of(badge), canonicalizer.limits().start()).nquads();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<String>>> all = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        all.add(pool.submit(() -> canonicalizer.canonicalize(JakartaJson.of(badge),
            new CanonicalizationLimits(Duration.ofSeconds(10), 10_000, 1_000).start()).nquads()));
      }
      for (Future<List<String>> each : all) {
        assertEquals(expected, each.get(30, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
