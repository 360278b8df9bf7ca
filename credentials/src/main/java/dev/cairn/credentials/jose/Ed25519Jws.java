package dev.cairn.credentials.jose;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSProvider;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import java.util.Set;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * EdDSA (Ed25519, RFC 8037) JWS signing and verification on Bouncy Castle. Nimbus's own Ed25519 classes need
 * Google Tink; Bouncy Castle is already here and about eight times faster than the JDK's Ed25519.
 */
public final class Ed25519Jws {
  private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.EdDSA, JWSAlgorithm.Ed25519);

  private Ed25519Jws() {}

  public static JWSVerifier verifier(OctetKeyPair publicKey) {
    if (!Curve.Ed25519.equals(publicKey.getCurve())) {
      throw new IllegalArgumentException("not an Ed25519 key");
    }
    Ed25519PublicKeyParameters key = new Ed25519PublicKeyParameters(publicKey.getX().decode(), 0);
    return new Verifier(key);
  }

  public static JWSSigner signer(OctetKeyPair privateKey) {
    if (!Curve.Ed25519.equals(privateKey.getCurve()) || privateKey.getD() == null) {
      throw new IllegalArgumentException("not a private Ed25519 key");
    }
    return new Signer(new Ed25519PrivateKeyParameters(privateKey.getD().decode(), 0));
  }

  /** What both sides declare to Nimbus: EdDSA only, no JCA provider involved. */
  private interface Ed25519Provider extends JWSProvider {
    @Override
    default Set<JWSAlgorithm> supportedJWSAlgorithms() {
      return ALGORITHMS;
    }

    @Override
    default JCAContext getJCAContext() {
      return new JCAContext();
    }
  }

  private record Verifier(Ed25519PublicKeyParameters key) implements JWSVerifier, Ed25519Provider {
    @Override
    public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature) {
      if (!ALGORITHMS.contains(header.getAlgorithm())) {
        return false;
      }
      Ed25519Signer verifier = new Ed25519Signer();
      verifier.init(false, key);
      verifier.update(signingInput, 0, signingInput.length);
      return verifier.verifySignature(signature.decode());
    }
  }

  private record Signer(Ed25519PrivateKeyParameters key) implements JWSSigner, Ed25519Provider {
    @Override
    public Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
      if (!ALGORITHMS.contains(header.getAlgorithm())) {
        throw new JOSEException("Ed25519 keys sign EdDSA only");
      }
      Ed25519Signer signer = new Ed25519Signer();
      signer.init(true, key);
      signer.update(signingInput, 0, signingInput.length);
      return Base64URL.encode(signer.generateSignature());
    }
  }
}
