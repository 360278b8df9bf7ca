package dev.cairn.did;

import dev.cairn.did.internal.PublicKeys;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * A verification method of a DID document (DID Core §5.2): its absolute id, type, controller and public key.
 * The key is decoded on first use and kept, so a cached document decodes each key once.
 */
public final class VerificationMethod {
  private final String id;
  private final String type;
  private final String controller;
  private final JsonObject json;
  private volatile PublicKeyMaterial key;

  VerificationMethod(String id, String type, String controller, JsonObject json) {
    this.id = id;
    this.type = type;
    this.controller = controller;
    this.json = json;
  }

  public String id() {
    return id;
  }

  public String type() {
    return type;
  }

  public String controller() {
    return controller;
  }

  /** The decoded key; fails with invalidPublicKey when the method's key material is missing or malformed. */
  public PublicKeyMaterial publicKey() {
    PublicKeyMaterial decoded = key;
    if (decoded == null) {
      decoded = decode();
      key = decoded;
    }
    return decoded;
  }

  private PublicKeyMaterial decode() {
    Object jwk = json.getValue("publicKeyJwk");
    if (jwk instanceof JsonObject object) {
      return PublicKeys.fromJwk(object.getMap());
    }
    if (jwk instanceof Map<?, ?> map) {
      @SuppressWarnings("unchecked")
      Map<String, Object> members = (Map<String, Object>) map;
      return PublicKeys.fromJwk(members);
    }
    Object multibase = json.getValue("publicKeyMultibase");
    if (multibase instanceof String text) {
      return PublicKeys.fromMultibase(text);
    }
    Object base58 = json.getValue("publicKeyBase58");
    if (base58 instanceof String text && "Ed25519VerificationKey2018".equals(type)) {
      return PublicKeys.fromBase58Ed25519(text);
    }
    throw new DidResolutionException(DidError.INVALID_PUBLIC_KEY,
        "verification method " + id + " has no publicKeyJwk, publicKeyMultibase or publicKeyBase58 Cairn can read");
  }
}
