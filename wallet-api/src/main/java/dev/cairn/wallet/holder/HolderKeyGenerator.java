package dev.cairn.wallet.holder;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import dev.cairn.did.PublicKeyMaterial.KeyType;
import dev.cairn.did.internal.PublicKeys;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

/**
 * Makes a learner's two holder keys (P-256 for ES256, Ed25519 for EdDSA) and their DID forms: did:jwk (the
 * public JWK, base64url) and did:key (the multicodec public key, multibase base58btc; P-256 compressed).
 * CPU work: call it on a worker thread.
 */
final class HolderKeyGenerator {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final KeyRing keys;

  HolderKeyGenerator(KeyRing keys) {
    this.keys = keys;
  }

  List<NewHolderKey> generate(UUID accountId, Instant now) {
    return List.of(p256(accountId, now), ed25519(accountId, now));
  }

  private NewHolderKey p256(UUID accountId, Instant now) {
    try {
      ECKey key = new ECKeyGenerator(Curve.P_256).generate();
      byte[] compressed = CustomNamedCurves.getByName("secp256r1").getCurve()
          .createPoint(key.getX().decodeToBigInteger(), key.getY().decodeToBigInteger()).getEncoded(true);
      return sealed(accountId, "ES256", key, PublicKeys.toMultibase(KeyType.P256, compressed), now);
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot generate a P-256 key", e);
    }
  }

  private NewHolderKey ed25519(UUID accountId, Instant now) {
    Ed25519PrivateKeyParameters secret = new Ed25519PrivateKeyParameters(RANDOM);
    byte[] x = secret.generatePublicKey().getEncoded();
    OctetKeyPair key = new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(x))
        .d(Base64URL.encode(secret.getEncoded())).build();
    return sealed(accountId, "EdDSA", key, PublicKeys.toMultibase(KeyType.ED25519, x), now);
  }

  private NewHolderKey sealed(UUID accountId, String algorithm, JWK privateJwk, String multibase, Instant now) {
    try {
      UUID id = UUID.randomUUID();
      JWK publicJwk = privateJwk.toPublicJWK();
      String didJwk = "did:jwk:" + Base64URL.encode(publicJwk.toJSONString());
      HolderKey key = new HolderKey(id, accountId, algorithm, publicJwk,
          publicJwk.computeThumbprint().toString(), didJwk, "did:key:" + multibase, now);
      byte[] plaintext = privateJwk.toJSONString().getBytes(StandardCharsets.UTF_8);
      try {
        KeyEncryptionKey kek = keys.current();
        return new NewHolderKey(key, kek.id(), kek.seal(plaintext, HolderKeys.associatedData(accountId, id)));
      } finally {
        Arrays.fill(plaintext, (byte) 0);
      }
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot compute a JWK thumbprint", e);
    }
  }
}
