package dev.cairn.benchmarks;

import dev.cairn.credentials.CredentialVerifier;
import dev.cairn.credentials.VerificationPolicy;
import dev.cairn.credentials.VerificationResult;
import dev.cairn.credentials.sdjwt.HashAlgorithm;
import dev.cairn.credentials.sdjwt.KeyBinding;
import dev.cairn.credentials.sdjwt.SdJwtBuilder;
import dev.cairn.did.DidResolver;
import dev.cairn.did.fetch.FetchPolicy;
import dev.cairn.did.fetch.HardenedFetch;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
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
 * Verification of one Open Badges-shaped micro-credential through {@link CredentialVerifier}, end to end
 * (format detection, did:key issuer key from the memoised resolver, signatures on the crypto pool, disclosure
 * digests, validity): an SD-JWT VC presentation with 7 disclosable claims, 2 decoys, a nested object and 3
 * disclosable array elements plus a KB-JWT (ES256 and EdDSA), a VCDM 2.0 vc+jwt and a VCDM 1.1 JWT (ES256).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CredentialVerificationBenchmark {
  @Param({"sd-jwt-vc+kb ES256", "sd-jwt-vc+kb EdDSA", "vc+jwt ES256", "jwt-vc-1.1 ES256"})
  public String credential;

  private Vertx vertx;
  private CredentialVerifier verifier;
  private String presented;
  private VerificationPolicy policy;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    vertx = Vertx.vertx();
    HardenedFetch fetch = new HardenedFetch(vertx, FetchPolicy.defaults());
    Clock clock = Clock.systemUTC();
    verifier = new CredentialVerifier(DidResolver.create(fetch, clock), fetch,
        vertx.createSharedWorkerExecutor("bench-crypto", 2), clock);
    boolean eddsa = credential.contains("EdDSA");
    BenchmarkIssuer issuer = eddsa ? BenchmarkIssuer.ed25519() : BenchmarkIssuer.p256();
    // The holder signs its KB-JWT with the same algorithm family as the issuer.
    BenchmarkIssuer holder = eddsa ? BenchmarkIssuer.ed25519() : BenchmarkIssuer.p256();
    policy = VerificationPolicy.importing();
    if (credential.startsWith("sd-jwt")) {
      JsonObject claims = badge(issuer.did()).put("cnf", new JsonObject().put("jwk", new JsonObject(holder.publicJwk().toJSONObject())));
      String issued = new SdJwtBuilder(claims, Set.of("given_name", "family_name", "email", "birthdate", "result",
          "achievement_description", "skills"), Set.of("skills")).decoys(2).sign(issuer.header("dc+sd-jwt"), issuer.signer());
      String withoutKb = SdJwtBuilder.present(issued, Set.of("given_name", "family_name", "email", "birthdate", "result",
          "achievement_description", "skills"));
      presented = withoutKb + KeyBinding.create(withoutKb, HashAlgorithm.SHA_256, holder.signer(), holder.algorithm(),
          "nonce-123", "https://employer.example", Instant.now());
      policy = VerificationPolicy.presentation("nonce-123", "https://employer.example");
    } else if (credential.startsWith("vc+jwt")) {
      presented = issuer.sign("vc+jwt", vcdm2(issuer.did()));
    } else {
      long now = Instant.now().getEpochSecond();
      JsonObject vc = vcdm2(issuer.did());
      vc.put("@context", new JsonArray().add("https://www.w3.org/2018/credentials/v1"));
      vc.remove("validFrom");
      presented = issuer.sign("JWT", new JsonObject().put("iss", issuer.did()).put("nbf", now - 60).put("exp", now + 86_400)
          .put("vc", vc));
    }
    VerificationResult check = verify();
    if (!check.valid()) {
      throw new IllegalStateException("benchmark fixture does not verify: " + check);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    vertx.close();
  }

  @Benchmark
  public VerificationResult verify() {
    return verifier.verify(presented, policy).toCompletionStage().toCompletableFuture().join();
  }

  private static JsonObject badge(String issuer) {
    long now = Instant.now().getEpochSecond();
    return new JsonObject().put("iss", issuer).put("vct", "https://credentials.example/open-badge")
        .put("iat", now).put("exp", now + 86_400)
        .put("achievement", "Food Safety Level 2").put("achievement_description", "Safe food handling in kitchens")
        .put("given_name", "Ada").put("family_name", "Lovelace").put("email", "ada@example.org")
        .put("birthdate", "1990-12-10")
        .put("result", new JsonObject().put("score", 92).put("grade", "distinction"))
        .put("skills", new JsonArray().add("hygiene").add("allergens").add("temperature control"));
  }

  private static JsonObject vcdm2(String issuer) {
    return new JsonObject()
        .put("@context", new JsonArray().add("https://www.w3.org/ns/credentials/v2"))
        .put("type", new JsonArray().add("VerifiableCredential").add("OpenBadgeCredential"))
        .put("issuer", new JsonObject().put("id", issuer).put("name", "Example Training"))
        .put("validFrom", Instant.now().minusSeconds(60).toString())
        .put("credentialSubject", new JsonObject().put("id", "did:example:learner")
            .put("achievement", new JsonObject().put("name", "Food Safety Level 2")
                .put("criteria", new JsonObject().put("narrative", "Pass the assessment"))));
  }
}
