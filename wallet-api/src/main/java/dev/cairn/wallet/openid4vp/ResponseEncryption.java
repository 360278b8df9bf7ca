package dev.cairn.wallet.openid4vp;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDHDecrypter;
import com.nimbusds.jose.crypto.ECDHEncrypter;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.text.ParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Encrypted responses (OpenID4VP 1.0 §8.3, response mode {@code direct_post.jwt} §8.3.1): the wallet encrypts the
 * response parameters as an unsigned JWE to a key from the verifier's {@code client_metadata.jwks}, with that key's
 * {@code alg} (ECDH-ES here) and {@code kid}, and an {@code enc} the verifier lists (default A128GCM).
 */
public final class ResponseEncryption {
  /** §8.3: the default when {@code encrypted_response_enc_values_supported} is absent. */
  public static final EncryptionMethod DEFAULT_ENC = EncryptionMethod.A128GCM;
  private static final List<EncryptionMethod> SUPPORTED = List.of(EncryptionMethod.A128GCM, EncryptionMethod.A256GCM);

  private ResponseEncryption() {}

  /** The verifier's side: a P-256 key made for one request; its public half goes into client_metadata. */
  public static ECKey newRequestKey() {
    try {
      return new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.ENCRYPTION).algorithm(JWEAlgorithm.ECDH_ES)
          .keyID(UUID.randomUUID().toString()).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot make a P-256 key", e);
    }
  }

  /** The {@code client_metadata} members that ask for an encrypted response to {@code key}. */
  public static JsonObject clientMetadata(ECKey key) {
    return new JsonObject()
        .put(OpenId4VpNames.JWKS, new JsonObject().put("keys", new JsonArray().add(new JsonObject(key.toPublicJWK().toJSONObject()))))
        .put(OpenId4VpNames.ENCRYPTED_RESPONSE_ENC_VALUES_SUPPORTED,
            new JsonArray(SUPPORTED.stream().map(EncryptionMethod::getName).toList()));
  }

  /** The wallet's side: {@code parameters} encrypted as §8.3 asks, to a key of {@code clientMetadata}. */
  public static String encrypt(JsonObject parameters, JsonObject clientMetadata) {
    ECKey key = encryptionKey(clientMetadata).orElseThrow(() -> new InvalidAuthorizationRequest("invalid_request",
        "direct_post.jwt needs an ECDH-ES P-256 key with a kid in client_metadata.jwks"));
    EncryptionMethod enc = chosenEnc(clientMetadata);
    JWEHeader header = new JWEHeader.Builder(JWEAlgorithm.ECDH_ES, enc).keyID(key.getKeyID()).build();
    JWEObject jwe = new JWEObject(header, new Payload(parameters.encode()));
    try {
      jwe.encrypt(new ECDHEncrypter(key));
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot encrypt to the verifier's key", e);
    }
    return jwe.serialize();
  }

  /** Whether the wallet can answer this verifier in {@code direct_post.jwt}. */
  public static boolean canEncryptTo(JsonObject clientMetadata) {
    return encryptionKey(clientMetadata).isPresent();
  }

  /**
   * The verifier's side: the response parameters inside {@code jwe}, decrypted with the request's own key.
   * Empty when it is not a JWE for that key.
   */
  public static Optional<JsonObject> decrypt(String jwe, ECKey requestKey) {
    try {
      JWEObject object = JWEObject.parse(jwe);
      if (!JWEAlgorithm.ECDH_ES.equals(object.getHeader().getAlgorithm())
          || !SUPPORTED.contains(object.getHeader().getEncryptionMethod())) {
        return Optional.empty();
      }
      object.decrypt(new ECDHDecrypter(requestKey));
      return Optional.of(new JsonObject(object.getPayload().toString()));
    } catch (ParseException | JOSEException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** §5.1 / §8.3: every key has a kid, and the JWE alg is the key's alg; Cairn encrypts with ECDH-ES on P-256. */
  private static Optional<ECKey> encryptionKey(JsonObject clientMetadata) {
    if (!(clientMetadata.getValue(OpenId4VpNames.JWKS) instanceof JsonObject jwks)
        || !(jwks.getValue("keys") instanceof JsonArray keys)) {
      return Optional.empty();
    }
    for (Object entry : keys) {
      if (entry instanceof JsonObject json) {
        try {
          JWK key = JWK.parse(json.encode());
          if (key instanceof ECKey ec && Curve.P_256.equals(ec.getCurve()) && key.getKeyID() != null
              && JWEAlgorithm.ECDH_ES.equals(key.getAlgorithm()) && !key.isPrivate()
              && (key.getKeyUse() == null || KeyUse.ENCRYPTION.equals(key.getKeyUse()))) {
            return Optional.of(ec);
          }
        } catch (ParseException e) {
          // not a key Cairn can use; try the next
        }
      }
    }
    return Optional.empty();
  }

  private static EncryptionMethod chosenEnc(JsonObject clientMetadata) {
    if (clientMetadata.getValue(OpenId4VpNames.ENCRYPTED_RESPONSE_ENC_VALUES_SUPPORTED) instanceof JsonArray values) {
      for (Object value : values) {
        for (EncryptionMethod method : SUPPORTED) {
          if (method.getName().equals(value)) {
            return method;
          }
        }
      }
      throw new InvalidAuthorizationRequest("invalid_request",
          "the verifier accepts no content encryption Cairn supports (A128GCM, A256GCM)");
    }
    return DEFAULT_ENC;
  }
}
