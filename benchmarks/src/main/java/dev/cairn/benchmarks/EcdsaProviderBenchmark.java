package dev.cairn.benchmarks;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.bc.BouncyCastleProviderSingleton;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** One ES256 JWS verification with Nimbus, on the JDK's SunEC provider versus Bouncy Castle (docs/crypto-providers.md). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EcdsaProviderBenchmark {
  @Param({"SunEC", "BC"})
  public String provider;

  private JWSObject jws;
  private ECDSAVerifier verifier;

  @Setup
  public void setUp() throws Exception {
    ECKey key = new ECKeyGenerator(Curve.P_256).generate();
    jws = new JWSObject(new JWSHeader(JWSAlgorithm.ES256), new Payload("{\"vct\":\"https://credentials.example/badge\"}"));
    jws.sign(new ECDSASigner(key));
    jws = JWSObject.parse(jws.serialize());
    verifier = new ECDSAVerifier(key.toPublicJWK());
    if (provider.equals("BC")) {
      verifier.getJCAContext().setProvider(BouncyCastleProviderSingleton.getInstance());
    }
  }

  @Benchmark
  public boolean verifyEs256() throws Exception {
    return jws.verify(verifier);
  }
}
