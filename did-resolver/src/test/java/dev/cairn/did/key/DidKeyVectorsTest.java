package dev.cairn.did.key;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.apicatalog.multibase.Multibase;
import com.nimbusds.jose.jwk.Curve;
import dev.cairn.did.Did;
import dev.cairn.did.DidDocument;
import dev.cairn.did.DidError;
import dev.cairn.did.DidResolutionException;
import dev.cairn.did.PublicKeyFormat;
import dev.cairn.did.VerificationRelationship;
import dev.cairn.did.internal.PublicKeys;
import dev.cairn.did.testing.Vectors;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The did:key spec's published test vectors (w3c-ccg/did-method-key, test-vectors/). They present keys in the
 * older verification method types; Cairn presents them as Multikey or JsonWebKey2020, so each vector is checked
 * key by key: the same verification method ids, the same public key (as a JWK), the same relationships.
 */
class DidKeyVectorsTest {
  private final DidKeyMethod method = new DidKeyMethod();

  static Stream<Arguments> supportedVectors() {
    return Stream.of("ed25519-x25519.json", "nist-curves.json", "secp256k1.json")
        .flatMap(file -> Vectors.object("did-key/" + file).stream()
            .filter(entry -> !isP521(entry.getKey()))
            .map(entry -> Arguments.of(file, entry.getKey(), ((JsonObject) entry.getValue()).getJsonObject("didDocument"))));
  }

  static Stream<Arguments> x25519Vectors() {
    JsonObject documents = Vectors.object("did-key/x25519.json").getJsonObject("didDocument");
    return documents.stream().map(entry -> Arguments.of(entry.getKey(), entry.getValue()));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("supportedVectors")
  void resolvesToTheVectorsKeysAndMethodIds(String file, String did, JsonObject expected) {
    DidDocument ours = method.document(Did.parse(did), PublicKeyFormat.JSON_WEB_KEY);
    assertEquals(did, ours.id());
    String signingId = expected.getJsonArray("assertionMethod").getString(0);
    for (VerificationRelationship signing : List.of(VerificationRelationship.ASSERTION_METHOD,
        VerificationRelationship.AUTHENTICATION, VerificationRelationship.CAPABILITY_INVOCATION,
        VerificationRelationship.CAPABILITY_DELEGATION)) {
      assertTrue(ours.lists(signing, signingId), signing + " lists " + signingId);
    }
    for (Object entry : expected.getJsonArray("verificationMethod")) {
      JsonObject vector = (JsonObject) entry;
      String id = vector.getString("id");
      JsonObject ourMethod = ours.json().getJsonArray("verificationMethod").stream()
          .map(JsonObject.class::cast).filter(m -> m.getString("id").equals(id)).findFirst()
          .orElseThrow(() -> new AssertionError("no verification method " + id));
      assertEquals("JsonWebKey2020", ourMethod.getString("type"));
      assertEquals(did, ourMethod.getString("controller"));
      assertEquals(publicJwk(vector), ourMethod.getJsonObject("publicKeyJwk"), id);
    }
    if (file.startsWith("ed25519")) {
      // The X25519 key agreement key derived from the Ed25519 key, as the spec derives it.
      assertEquals(expected.getJsonArray("keyAgreement").getString(0),
          ours.json().getJsonArray("keyAgreement").getString(0));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("supportedVectors")
  void theMultikeyFormCarriesTheDidsOwnMultibaseValue(String file, String did, JsonObject expected) {
    DidDocument ours = method.document(Did.parse(did), PublicKeyFormat.MULTIKEY);
    JsonObject first = ours.json().getJsonArray("verificationMethod").getJsonObject(0);
    assertEquals("Multikey", first.getString("type"));
    assertEquals(did.substring("did:key:".length()), first.getString("publicKeyMultibase"));
    assertEquals(List.of("https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"),
        ours.json().getJsonArray("@context").getList());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("x25519Vectors")
  void anX25519KeyIsOnlyForKeyAgreement(String did, JsonObject expected) {
    DidDocument ours = method.document(Did.parse(did), PublicKeyFormat.JSON_WEB_KEY);
    String id = expected.getJsonArray("keyAgreement").getString(0);
    assertTrue(ours.lists(VerificationRelationship.KEY_AGREEMENT, id));
    assertTrue(!ours.lists(VerificationRelationship.ASSERTION_METHOD, id));
    assertEquals(publicJwk(expected.getJsonArray("verificationMethod").getJsonObject(0)),
        ours.json().getJsonArray("verificationMethod").getJsonObject(0).getJsonObject("publicKeyJwk"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("p521Vectors")
  void p521KeysAreRefusedAsUnsupported(String did) {
    DidResolutionException refused = assertThrows(DidResolutionException.class,
        () -> method.document(Did.parse(did), PublicKeyFormat.MULTIKEY));
    assertEquals(DidError.INVALID_PUBLIC_KEY, refused.error());
  }

  static Stream<String> p521Vectors() {
    return Vectors.object("did-key/nist-curves.json").fieldNames().stream().filter(DidKeyVectorsTest::isP521);
  }

  private static boolean isP521(String did) {
    return did.startsWith("did:key:z2J9");
  }

  /** The vector's public key as a public JWK (kty, crv, x[, y]), whatever form the vector gives it in. */
  private static JsonObject publicJwk(JsonObject vector) {
    if (vector.containsKey("publicKeyJwk")) {
      JsonObject jwk = vector.getJsonObject("publicKeyJwk");
      JsonObject out = new JsonObject().put("kty", jwk.getString("kty")).put("crv", jwk.getString("crv"))
          .put("x", jwk.getString("x"));
      return jwk.containsKey("y") ? out.put("y", jwk.getString("y")) : out;
    }
    byte[] raw = Multibase.BASE_58_BTC.decode("z" + vector.getString("publicKeyBase58"));
    Map<String, Object> jwk = switch (vector.getString("type")) {
      case "Ed25519VerificationKey2018" -> PublicKeys.ed25519(raw).jwk().toJSONObject();
      case "X25519KeyAgreementKey2019" -> PublicKeys.x25519(raw).jwk().toJSONObject();
      case "EcdsaSecp256k1VerificationKey2019" -> PublicKeys.ecPoint(Curve.SECP256K1, raw).jwk().toJSONObject();
      case "P256Key2021" -> PublicKeys.ecPoint(Curve.P_256, raw).jwk().toJSONObject();
      default -> throw new AssertionError("unexpected vector type " + vector.getString("type"));
    };
    return new JsonObject(jwk);
  }
}
