package dev.cairn.benchmarks;

import dev.cairn.did.Did;
import dev.cairn.did.DidDocument;
import dev.cairn.did.DidResolver;
import dev.cairn.did.PublicKeyFormat;
import dev.cairn.did.PublicKeyMaterial;
import dev.cairn.did.ResolvedVerificationMethod;
import dev.cairn.did.VerificationRelationship;
import dev.cairn.did.fetch.FetchPolicy;
import dev.cairn.did.fetch.HardenedFetch;
import dev.cairn.did.key.DidKeyMethod;
import io.vertx.core.Vertx;
import java.time.Clock;
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
 * What an issuer-key lookup costs for a did:key issuer. {@code resolveAndDecodeKey}: the first time — parse the
 * DID, build the document from the multibase key (decompressing EC points, deriving X25519 for Ed25519), find
 * the method under assertionMethod and decode its key to a Java key and JWK. {@code dereferenceKnownDid}: every
 * later time, through the resolver, which memoises did:key documents (they are functions of the DID).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DidKeyResolutionBenchmark {
  @Param({"ed25519", "p256", "p384", "secp256k1"})
  public String keyType;

  private Vertx vertx;
  private DidResolver resolver;
  private final DidKeyMethod method = new DidKeyMethod();
  private Did did;
  private String didUrl;

  @Setup(Level.Trial)
  public void setUp() {
    vertx = Vertx.vertx();
    resolver = DidResolver.create(new HardenedFetch(vertx, FetchPolicy.defaults()), Clock.systemUTC());
    String did = switch (keyType) {
      case "ed25519" -> "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp";
      case "p256" -> "did:key:zDnaerx9CtbPJ1q36T5Ln5wYt3MQYeGRG5ehnPAmxcf5mDZpv";
      case "p384" -> "did:key:z82Lm1MpAkeJcix9K8TMiLd5NMAhnwkjjCBeWHXyu3U4oT2MVJJKXkcVBgjGhnLBn2Kaau9";
      case "secp256k1" -> "did:key:zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme";
      default -> throw new IllegalArgumentException(keyType);
    };
    this.did = Did.parse(did);
    didUrl = did + "#" + did.substring("did:key:".length());
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    vertx.close();
  }

  @Benchmark
  public PublicKeyMaterial resolveAndDecodeKey() {
    DidDocument document = method.document(did, PublicKeyFormat.MULTIKEY);
    return document.verificationMethod(didUrl).orElseThrow().publicKey();
  }

  @Benchmark
  public ResolvedVerificationMethod dereferenceKnownDid() {
    // did:key resolution completes synchronously: the future is already done.
    return resolver.verificationMethod(didUrl, VerificationRelationship.ASSERTION_METHOD).result();
  }
}
