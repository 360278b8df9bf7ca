package dev.cairn.did.key;

import com.nimbusds.jose.jwk.OctetKeyPair;
import dev.cairn.did.Did;
import dev.cairn.did.DidDocument;
import dev.cairn.did.DidError;
import dev.cairn.did.DidResolutionException;
import dev.cairn.did.PublicKeyFormat;
import dev.cairn.did.PublicKeyMaterial;
import dev.cairn.did.PublicKeyMaterial.KeyType;
import dev.cairn.did.internal.PublicKeys;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * did:key (W3C CCG "The did:key Method"): the method-specific id is a multibase (base58btc) multicodec public
 * key, and the document is derived from it alone. Supported: Ed25519 ({@code z6Mk…}), X25519 ({@code z6LS…},
 * key agreement only), P-256 ({@code zDn…}), P-384 ({@code z82…}) and secp256k1 ({@code zQ3…}). An Ed25519
 * key also gets the X25519 key derived from it as its keyAgreement method (spec §"Encryption Method Creation").
 */
public final class DidKeyMethod {
  private static final String DID_CONTEXT = "https://www.w3.org/ns/did/v1";
  private static final String MULTIKEY_CONTEXT = "https://w3id.org/security/multikey/v1";
  private static final String JWS_2020_CONTEXT = "https://w3id.org/security/suites/jws-2020/v1";

  /** The spec's document creation algorithm, presenting keys in {@code format}. */
  public DidDocument document(Did did, PublicKeyFormat format) {
    String multibase = did.methodSpecificId();
    if (!multibase.startsWith("z")) {
      throw new DidResolutionException(DidError.INVALID_DID, "a did:key id is base58btc multibase (starts with 'z')");
    }
    PublicKeyMaterial key = PublicKeys.fromMultibase(multibase); // fails with invalidPublicKey
    String id = did.toString();
    List<JsonObject> methods = new ArrayList<>();
    JsonArray signing = new JsonArray();
    JsonArray agreement = new JsonArray();
    JsonObject method = method(id, multibase, key, format);
    methods.add(method);
    // An X25519 key is for key agreement only; every other key signs.
    (key.type() == KeyType.X25519 ? agreement : signing).add(method.getString("id"));
    if (key.type() == KeyType.ED25519) {
      byte[] x25519 = PublicKeys.x25519FromEd25519(((OctetKeyPair) key.jwk()).getX().decode());
      JsonObject derived = method(id, PublicKeys.toMultibase(KeyType.X25519, x25519), PublicKeys.x25519(x25519), format);
      methods.add(derived);
      agreement.add(derived.getString("id"));
    }
    JsonObject document = new JsonObject()
        .put("@context", new JsonArray().add(DID_CONTEXT)
            .add(format == PublicKeyFormat.MULTIKEY ? MULTIKEY_CONTEXT : JWS_2020_CONTEXT))
        .put("id", id)
        .put("verificationMethod", new JsonArray(new ArrayList<>(methods)));
    if (!signing.isEmpty()) {
      document.put("authentication", signing.copy())
          .put("assertionMethod", signing.copy())
          .put("capabilityDelegation", signing.copy())
          .put("capabilityInvocation", signing.copy());
    }
    if (!agreement.isEmpty()) {
      document.put("keyAgreement", agreement);
    }
    return DidDocument.read(document);
  }

  private static JsonObject method(String did, String multibase, PublicKeyMaterial key, PublicKeyFormat format) {
    JsonObject method = new JsonObject()
        .put("id", did + "#" + multibase)
        .put("type", format.verificationMethodType())
        .put("controller", did);
    return format == PublicKeyFormat.MULTIKEY
        ? method.put("publicKeyMultibase", multibase)
        : method.put("publicKeyJwk", new JsonObject(key.jwk().toJSONObject()));
  }

}
