package dev.cairn.issuer.reference;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.security.SecureRandom;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

/**
 * The reference issuer's two keys, made at start-up and kept in memory only (a demo issuer: restart, and earlier
 * credentials no longer verify): Ed25519 for eddsa-rdfc-2022, P-256 for ES256 JWTs and ecdsa-sd-2023. Both are
 * assertion methods of the issuer's did:web DID.
 */
record IssuerSigningKeys(String did, OctetKeyPair ed25519, ECKey p256) {

  static IssuerSigningKeys generate(String did) {
    Ed25519PrivateKeyParameters secret = new Ed25519PrivateKeyParameters(new SecureRandom());
    OctetKeyPair ed25519 = new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(secret.generatePublicKey().getEncoded()))
        .d(Base64URL.encode(secret.getEncoded())).build();
    try {
      return new IssuerSigningKeys(did, ed25519, new ECKeyGenerator(Curve.P_256).generate());
    } catch (JOSEException e) {
      throw new IllegalStateException("no P-256 key generator", e);
    }
  }

  String ed25519MethodId() {
    return did + "#key-ed25519";
  }

  String p256MethodId() {
    return did + "#key-p256";
  }

  /**
   * The DID document (DID Core §5): both keys as JsonWebKey verification methods (publicKeyJwk), usable for
   * assertions only — the issuer signs credentials and status lists, nothing else.
   */
  JsonObject didDocument() {
    JsonArray methods = new JsonArray()
        .add(method(ed25519MethodId(), new JsonObject(ed25519.toPublicJWK().toJSONObject())))
        .add(method(p256MethodId(), new JsonObject(p256.toPublicJWK().toJSONObject())));
    return new JsonObject()
        .put("@context", new JsonArray().add("https://www.w3.org/ns/did/v1").add("https://w3id.org/security/jwk/v1"))
        .put("id", did)
        .put("verificationMethod", methods)
        .put("assertionMethod", new JsonArray().add(ed25519MethodId()).add(p256MethodId()));
  }

  private JsonObject method(String id, JsonObject publicJwk) {
    return new JsonObject().put("id", id).put("type", "JsonWebKey").put("controller", did).put("publicKeyJwk", publicJwk);
  }
}
