package dev.cairn.did.jwk;

import com.nimbusds.jose.util.Base64URL;
import dev.cairn.did.Did;
import dev.cairn.did.DidDocument;
import dev.cairn.did.DidError;
import dev.cairn.did.DidResolutionException;
import dev.cairn.did.internal.PublicKeys;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;

/**
 * did:jwk (https://github.com/quartzjer/did-jwk/blob/main/spec.md): the method-specific id is the base64url of a
 * public JWK, and the document is derived from it alone. The JWK must be a public key Cairn can use; one with
 * private members is refused.
 */
public final class DidJwkMethod {
  private static final JsonArray CONTEXT = new JsonArray()
      .add("https://www.w3.org/ns/did/v1").add("https://w3id.org/security/suites/jws-2020/v1");

  /** The did:jwk spec §"Read": decode, check, and build the document with the single method {@code #0}. */
  public DidDocument document(Did did) {
    JsonObject jwk = decode(did.methodSpecificId());
    PublicKeys.fromJwk(jwk.getMap()); // refuses private members, unknown types and off-curve points
    String id = did.toString();
    String methodId = id + "#0";
    JsonObject document = new JsonObject()
        .put("@context", CONTEXT.copy())
        .put("id", id)
        .put("verificationMethod", new JsonArray().add(new JsonObject()
            .put("id", methodId).put("type", "JsonWebKey2020").put("controller", id).put("publicKeyJwk", jwk)));
    String use = jwk.getString("use");
    // Spec: "use": "sig" keys get no keyAgreement; "use": "enc" keys get only keyAgreement.
    if (!"enc".equals(use)) {
      document.put("assertionMethod", new JsonArray().add(methodId))
          .put("authentication", new JsonArray().add(methodId))
          .put("capabilityInvocation", new JsonArray().add(methodId))
          .put("capabilityDelegation", new JsonArray().add(methodId));
    }
    if (!"sig".equals(use)) {
      document.put("keyAgreement", new JsonArray().add(methodId));
    }
    return DidDocument.read(document);
  }

  private static JsonObject decode(String methodSpecificId) {
    if (!methodSpecificId.matches("[A-Za-z0-9_-]+")) {
      throw new DidResolutionException(DidError.INVALID_DID, "a did:jwk id is unpadded base64url");
    }
    try {
      return new JsonObject(new String(new Base64URL(methodSpecificId).decode(), StandardCharsets.UTF_8));
    } catch (DecodeException | ClassCastException e) {
      throw new DidResolutionException(DidError.INVALID_DID, "the did:jwk id does not decode to a JSON object");
    }
  }
}
