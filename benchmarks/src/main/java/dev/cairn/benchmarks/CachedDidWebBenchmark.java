package dev.cairn.benchmarks;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import dev.cairn.did.DidResolver;
import dev.cairn.did.ResolvedVerificationMethod;
import dev.cairn.did.VerificationRelationship;
import dev.cairn.did.fetch.FetchPolicy;
import dev.cairn.did.fetch.HardenedFetch;
import dev.cairn.did.testing.TestHttpsServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Dereferencing an issuer key of a did:web issuer whose document is in the cache (the common case: the
 * document is fetched once per max-age): cache lookup, relationship and controller checks, memoised key.
 * The document is served once, in set-up, by a real HTTPS server on loopback.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CachedDidWebBenchmark {
  private Vertx vertx;
  private TestHttpsServer server;
  private DidResolver resolver;
  private String didUrl;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    vertx = Vertx.vertx();
    server = new TestHttpsServer(vertx);
    Path trust = server.certificate.writeCertificate(Files.createTempDirectory("bench"));
    ECKey key = new ECKeyGenerator(Curve.P_256).generate();
    String did = "did:web:localhost%3A" + server.port();
    server.serveJson("/.well-known/did.json", new JsonObject()
        .put("id", did)
        .put("verificationMethod", new JsonArray().add(new JsonObject().put("id", "#key-1")
            .put("type", "JsonWebKey2020").put("controller", did)
            .put("publicKeyJwk", new JsonObject(key.toPublicJWK().toJSONObject()))))
        .put("assertionMethod", new JsonArray().add("#key-1")).encode(), "max-age=86400");
    resolver = DidResolver.create(new HardenedFetch(vertx,
        FetchPolicy.defaults().allowingPrivateHosts(Set.of("localhost")).trusting(trust)), Clock.systemUTC());
    didUrl = did + "#key-1";
    resolver.verificationMethod(didUrl, VerificationRelationship.ASSERTION_METHOD)
        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    server.close();
    vertx.close();
  }

  @Benchmark
  public ResolvedVerificationMethod dereferenceCachedKey() {
    return resolver.verificationMethod(didUrl, VerificationRelationship.ASSERTION_METHOD).result();
  }
}
