package dev.cairn.issuer.testing;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import dev.cairn.did.PublicKeyMaterial;
import dev.cairn.did.internal.PublicKeys;
import dev.cairn.issuer.client.ProofSigner;
import java.security.SecureRandom;
import java.util.Optional;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

/** Holder keys made in the test, named the three ways a key proof can name them. */
public final class Holders {
  private Holders() {}

  /** A P-256 key named by its did:jwk DID URL ({@code #0}). */
  public static ProofSigner p256DidJwk() {
    ECKey key = p256();
    return ProofSigner.inMemory(key, Optional.of(didJwk(key) + "#0"));
  }

  /** A P-256 key sent as the proof's {@code jwk} header. */
  public static ProofSigner p256Jwk() {
    return ProofSigner.inMemory(p256(), Optional.empty());
  }

  /** An Ed25519 key named by its did:key DID URL. */
  public static ProofSigner ed25519DidKey() {
    Ed25519PrivateKeyParameters secret = new Ed25519PrivateKeyParameters(new SecureRandom());
    byte[] x = secret.generatePublicKey().getEncoded();
    OctetKeyPair key = new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(x)).d(Base64URL.encode(secret.getEncoded())).build();
    String multibase = PublicKeys.toMultibase(PublicKeyMaterial.KeyType.ED25519, x);
    return ProofSigner.inMemory(key, Optional.of("did:key:" + multibase + "#" + multibase));
  }

  public static ECKey p256() {
    try {
      return new ECKeyGenerator(Curve.P_256).generate();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public static String didJwk(JWK key) {
    return "did:jwk:" + Base64URL.encode(key.toPublicJWK().toJSONString());
  }
}
