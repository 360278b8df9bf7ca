package dev.cairn.issuer.client;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import dev.cairn.credentials.jose.Ed25519Jws;
import io.vertx.core.Future;
import java.util.Optional;

/**
 * A holder key that signs key proofs (Appendix F.1) — the learner's key, which the wallet keeps: the client never
 * sees a private key. The wallet says how the issuer should name the key ({@code kid}, a DID URL such as
 * {@code did:jwk:…#0} or {@code did:key:…#…}; or, when empty, the public {@code jwk} in the header) and signs the
 * JWS signing input on its own worker pool.
 */
public interface ProofSigner {

  /** ES256 or EdDSA; it must be one the configuration's {@code proof_signing_alg_values_supported} lists. */
  JWSAlgorithm algorithm();

  /** The public key the credential will be bound to. */
  JWK publicKey();

  /** The DID URL naming {@link #publicKey()}, or empty to send the key itself as {@code jwk}. */
  Optional<String> kid();

  /** The JWS signature (RFC 7515 §5.1) of {@code signingInput}, in JOSE form (R||S for ECDSA). */
  Future<byte[]> sign(byte[] signingInput);

  /**
   * A signer holding {@code privateKey} in memory (a P-256 or Ed25519 JWK), signing on the calling thread: for tools
   * and tests. The wallet implements this interface over its sealed key store instead.
   */
  static ProofSigner inMemory(JWK privateKey, Optional<String> kid) {
    JWSAlgorithm algorithm = privateKey instanceof OctetKeyPair ? JWSAlgorithm.EdDSA : JWSAlgorithm.ES256;
    JWSSigner signer;
    try {
      signer = privateKey instanceof OctetKeyPair okp ? Ed25519Jws.signer(okp) : new ECDSASigner((ECKey) privateKey);
    } catch (JOSEException e) {
      throw new IllegalArgumentException("not a signing key: " + e.getMessage(), e);
    }
    JWSHeader header = new JWSHeader(algorithm);
    return new ProofSigner() {
      @Override
      public JWSAlgorithm algorithm() {
        return algorithm;
      }

      @Override
      public JWK publicKey() {
        return privateKey.toPublicJWK();
      }

      @Override
      public Optional<String> kid() {
        return kid;
      }

      @Override
      public Future<byte[]> sign(byte[] signingInput) {
        try {
          return Future.succeededFuture(signer.sign(header, signingInput).decode());
        } catch (JOSEException e) {
          return Future.failedFuture(e);
        }
      }
    };
  }
}
