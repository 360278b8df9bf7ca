package dev.cairn.benchmarks;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.cairn.credentials.jose.Ed25519Jws;
import dev.cairn.did.PublicKeyMaterial.KeyType;
import dev.cairn.did.internal.PublicKeys;
import io.vertx.core.json.JsonObject;
import java.security.SecureRandom;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

/**
 * A did:key issuer holding a freshly generated private key, for the benchmarks' fixtures: its DID, the
 * verification method ({@code did:key:z…#z…}), the JWS algorithm and a signer. Resolving a did:key needs no
 * network, so a benchmark's issuer key never depends on anything outside the process.
 */
public record BenchmarkIssuer(String did, String kid, JWSAlgorithm algorithm, JWK key, JWSSigner signer) {

  /** ES256: the did:key multicodec carries the compressed P-256 point. */
  public static BenchmarkIssuer p256() {
    try {
      ECKey key = new ECKeyGenerator(Curve.P_256).generate();
      byte[] compressed = CustomNamedCurves.getByName("secp256r1").getCurve()
          .createPoint(key.getX().decodeToBigInteger(), key.getY().decodeToBigInteger()).getEncoded(true);
      return of(PublicKeys.toMultibase(KeyType.P256, compressed), JWSAlgorithm.ES256, key, new ECDSASigner(key));
    } catch (Exception e) {
      throw new IllegalStateException("could not generate a P-256 issuer key", e);
    }
  }

  /** EdDSA, signed with Bouncy Castle through {@link Ed25519Jws} (Nimbus's own Ed25519 signer needs Tink). */
  public static BenchmarkIssuer ed25519() {
    Ed25519PrivateKeyParameters secret = new Ed25519PrivateKeyParameters(new SecureRandom());
    byte[] x = secret.generatePublicKey().getEncoded();
    OctetKeyPair key = new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(x))
        .d(Base64URL.encode(secret.getEncoded())).build();
    return of(PublicKeys.toMultibase(KeyType.ED25519, x), JWSAlgorithm.EdDSA, key, Ed25519Jws.signer(key));
  }

  private static BenchmarkIssuer of(String multibase, JWSAlgorithm algorithm, JWK key, JWSSigner signer) {
    return new BenchmarkIssuer("did:key:" + multibase, "did:key:" + multibase + "#" + multibase, algorithm, key, signer);
  }

  public JWK publicJwk() {
    return key.toPublicJWK();
  }

  public JWSHeader.Builder header(String typ) {
    return new JWSHeader.Builder(algorithm).type(new JOSEObjectType(typ)).keyID(kid);
  }

  public String sign(String typ, JsonObject payload) throws Exception {
    SignedJWT jwt = new SignedJWT(header(typ).build(), JWTClaimsSet.parse(payload.encode()));
    jwt.sign(signer);
    return jwt.serialize();
  }
}
