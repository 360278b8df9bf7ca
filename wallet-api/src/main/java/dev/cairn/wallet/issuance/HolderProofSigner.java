package dev.cairn.wallet.issuance;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.JWK;
import dev.cairn.issuer.client.ProofSigner;
import dev.cairn.wallet.holder.HolderKey;
import dev.cairn.wallet.holder.HolderKeys;
import dev.cairn.wallet.server.Workers;
import io.vertx.core.Future;
import java.util.Optional;

/**
 * The learner's P-256 holder key as the signer of OpenID4VCI key proofs (Appendix F.1). The key is named by its
 * did:jwk DID URL ({@code #0}, did:jwk §2.2), so the issuer binds a W3C credential's subject to that DID and an
 * SD-JWT VC's {@code cnf.jwk} to the key. The private key is opened from its sealed row and used only on the crypto
 * workers; Nimbus writes the ES256 signature in JOSE form (R ‖ S, RFC 7518 §3.4).
 */
final class HolderProofSigner implements ProofSigner {
  private static final JWSHeader ES256 = new JWSHeader(JWSAlgorithm.ES256);

  private final HolderKeys holderKeys;
  private final Workers workers;
  private final HolderKey key;

  HolderProofSigner(HolderKeys holderKeys, Workers workers, HolderKey key) {
    if (!"ES256".equals(key.algorithm())) {
      throw new IllegalArgumentException("key proofs are signed with the learner's P-256 key, not " + key.algorithm());
    }
    this.holderKeys = holderKeys;
    this.workers = workers;
    this.key = key;
  }

  @Override
  public JWSAlgorithm algorithm() {
    return JWSAlgorithm.ES256;
  }

  @Override
  public JWK publicKey() {
    return key.publicJwk();
  }

  @Override
  public Optional<String> kid() {
    return Optional.of(key.didJwk() + "#0");
  }

  @Override
  public Future<byte[]> sign(byte[] signingInput) {
    return holderKeys.privateKey(key.accountId(), key.id())
        .compose(privateKey -> workers.crypto(() -> new ECDSASigner(privateKey.toECKey()).sign(ES256, signingInput).decode()));
  }
}
