package dev.cairn.did;

import com.nimbusds.jose.jwk.JWK;
import java.security.PublicKey;

/** A verification method's public key, decoded and checked, both as a Java key and as a public JWK. */
public record PublicKeyMaterial(KeyType type, PublicKey publicKey, JWK jwk) {

  /** The key types Cairn accepts in verification methods. */
  public enum KeyType { ED25519, X25519, P256, P384, SECP256K1, RSA }
}
