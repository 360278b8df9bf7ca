package dev.cairn.benchmarks;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import dev.cairn.credentials.CredentialVerifier;
import dev.cairn.credentials.VerificationPolicy;
import dev.cairn.credentials.VerificationResult;
import dev.cairn.credentials.dataintegrity.EcdsaSd2023;
import dev.cairn.credentials.dataintegrity.RdfcCryptosuite;
import dev.cairn.credentials.jsonld.CanonicalizationLimits;
import dev.cairn.credentials.jsonld.PinnedContexts;
import dev.cairn.credentials.jsonld.RdfCanonicalizer;
import dev.cairn.did.DidResolver;
import dev.cairn.did.fetch.FetchPolicy;
import dev.cairn.did.fetch.HardenedFetch;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One Open Badges 3.0-shaped micro-credential (VCDM 2.0 + OB 3.0.3 contexts: achievement with criteria, image,
 * type and skill alignment, issuer profile, a result) secured three ways, verified end to end through
 * {@link CredentialVerifier} (JSON-LD expansion with the pinned contexts, RDFC-1.0, did:key issuer key from the
 * memoised resolver, signature checks), plus the issuer's sign and the holder's derive. Run on the calling thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DataIntegrityBenchmark {
  @Param({"eddsa-rdfc-2022", "ecdsa-rdfc-2019 P-256", "ecdsa-sd-2023 derived"})
  public String suite;

  private Vertx vertx;
  private CredentialVerifier verifier;
  private RdfCanonicalizer canonicalizer;
  private JsonObject unsecured;
  private JsonObject options;
  private JWK key;
  private JsonObject secured;
  private String encoded;
  private VerificationPolicy policy;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    vertx = Vertx.vertx();
    HardenedFetch fetch = new HardenedFetch(vertx, FetchPolicy.defaults());
    Clock clock = Clock.systemUTC();
    // The deadline is a safety limit, not what is measured: a cold JVM's first canonicalization may exceed 250 ms.
    canonicalizer = new RdfCanonicalizer(PinnedContexts.bundled(), new CanonicalizationLimits(
        java.time.Duration.ofSeconds(10), CanonicalizationLimits.DEFAULT.maxQuads(),
        CanonicalizationLimits.DEFAULT.maxBlankNodes()));
    verifier = new CredentialVerifier(DidResolver.create(fetch, clock), fetch,
        vertx.createSharedWorkerExecutor("bench-crypto", 2), clock, canonicalizer);
    BenchmarkIssuer issuer = suite.startsWith("eddsa") ? BenchmarkIssuer.ed25519() : BenchmarkIssuer.p256();
    key = issuer.key();
    unsecured = badge(issuer.did());
    options = new JsonObject().put("verificationMethod", issuer.kid())
        .put("proofPurpose", "assertionMethod").put("created", "2026-11-01T00:00:00Z");
    secured = sign();
    if (suite.startsWith("ecdsa-sd")) {
      secured = EcdsaSd2023.derive(secured, selectivePointers(), canonicalizer);
      policy = VerificationPolicy.verifying();
    } else {
      policy = VerificationPolicy.importing();
    }
    encoded = secured.encode();
    VerificationResult check = verify();
    if (!check.valid()) {
      throw new IllegalStateException("the benchmark credential does not verify: " + check);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    vertx.close();
  }

  @Benchmark
  public VerificationResult verify() {
    return verifier.verify(encoded, policy).toCompletionStage().toCompletableFuture().join();
  }

  @Benchmark
  public JsonObject sign() {
    return switch (suite) {
      case "eddsa-rdfc-2022" -> RdfcCryptosuite.EDDSA_RDFC_2022.sign(unsecured, options, key, canonicalizer);
      case "ecdsa-rdfc-2019 P-256" -> RdfcCryptosuite.ECDSA_RDFC_2019.sign(unsecured, options, key, canonicalizer);
      default -> EcdsaSd2023.sign(unsecured, options, (ECKey) key, List.of("/issuer", "/validFrom"), canonicalizer);
    };
  }

  /** The holder's derive from the base proof (ecdsa-sd-2023 only; the others measure their verify again). */
  @Benchmark
  public JsonObject derive() {
    return suite.startsWith("ecdsa-sd") ? EcdsaSd2023.derive(sign(), selectivePointers(), canonicalizer) : secured;
  }

  private static List<String> selectivePointers() {
    // What the OB 3.0 schema requires of an Achievement is revealed, so the verifier's schema check passes.
    return List.of("/credentialSubject/achievement/name", "/credentialSubject/achievement/description",
        "/credentialSubject/achievement/criteria");
  }

  static JsonObject badge(String issuer) {
    JsonObject achievement = new JsonObject()
        .put("id", "https://training.example/achievements/food-safety-2")
        .put("type", new JsonArray().add("Achievement"))
        .put("achievementType", "Certificate")
        .put("name", "Food Safety Level 2")
        .put("description", "Safe food handling, hygiene and temperature control for kitchen staff.")
        .put("criteria", new JsonObject().put("narrative", "Pass the 40-question assessment with 80 % or more."))
        .put("image", new JsonObject().put("id", "https://training.example/badges/food-safety-2.png").put("type", "Image"))
        .put("alignment", new JsonArray().add(new JsonObject().put("type", new JsonArray().add("Alignment"))
            .put("targetName", "Food hygiene").put("targetUrl", "https://skills.example/food-hygiene")
            .put("targetType", "ceasn:Competency")));
    return new JsonObject()
        .put("@context", new JsonArray().add("https://www.w3.org/ns/credentials/v2")
            .add("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"))
        .put("id", "urn:uuid:1f0a7a2e-4c55-4bde-9b5e-5d2f0c4d9e11")
        .put("type", new JsonArray().add("VerifiableCredential").add("OpenBadgeCredential"))
        .put("name", "Food Safety Level 2")
        .put("issuer", new JsonObject().put("id", issuer).put("type", new JsonArray().add("Profile"))
            .put("name", "Riverside Training College").put("url", "https://training.example"))
        .put("validFrom", "2026-10-01T00:00:00Z")
        .put("credentialSubject", new JsonObject().put("id", "did:example:learner")
            .put("type", new JsonArray().add("AchievementSubject"))
            .put("achievement", achievement)
            .put("result", new JsonArray().add(new JsonObject().put("type", new JsonArray().add("Result")).put("value", "92"))));
  }
}
