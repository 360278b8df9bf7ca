package dev.cairn.did.jwk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.util.Base64URL;
import dev.cairn.did.Did;
import dev.cairn.did.DidError;
import dev.cairn.did.DidResolutionException;
import dev.cairn.did.testing.Vectors;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DidJwkTest {
  private final DidJwkMethod method = new DidJwkMethod();

  static Stream<JsonObject> specExamples() {
    return new JsonArray(Vectors.text("did-jwk/spec-examples.json")).stream().map(JsonObject.class::cast);
  }

  /** The did:jwk spec's examples, document for document. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("specExamples")
  void resolvesTheSpecExamplesToTheSpecDocuments(JsonObject example) {
    JsonObject expected = example.getJsonObject("didDocument").copy();
    // The spec's P-256 example has a typo in "authentication" (did:jwk:$eyJ…); every other member names the
    // method without it, and so does the spec's algorithm.
    JsonArray authentication = expected.getJsonArray("authentication");
    if (authentication != null) {
      expected.put("authentication", new JsonArray(authentication.stream()
          .map(id -> ((String) id).replace("did:jwk:$", "did:jwk:")).toList()));
    }
    assertEquals(expected, method.document(Did.parse(example.getString("did"))).json());
  }

  @Test
  void aJwkWithPrivateMembersIsRefused() {
    String jwk = "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\","
        + "\"d\":\"nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A\"}";
    assertRefused(encode(jwk), DidError.INVALID_PUBLIC_KEY, "private");
  }

  @Test
  void aPointOffTheCurveIsRefused() {
    String jwk = "{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"acbIQiuMs3i8_uszEjJ2tpTtRM4EU3yz91PH6CdH2V0\","
        + "\"y\":\"acbIQiuMs3i8_uszEjJ2tpTtRM4EU3yz91PH6CdH2V0\"}";
    assertRefused(encode(jwk), DidError.INVALID_PUBLIC_KEY, "curve");
  }

  @Test
  void anIdThatIsNotBase64UrlJsonIsAnInvalidDid() {
    assertRefused("did:jwk:bm90IGpzb24", DidError.INVALID_DID, "JSON object");
    assertRefused("did:jwk:eyJ.e30", DidError.INVALID_DID, "base64url");
  }

  @Test
  void aSigningKeyHasNoKeyAgreement() {
    String jwk = "{\"kty\":\"EC\",\"crv\":\"P-256\",\"use\":\"sig\",\"x\":\"acbIQiuMs3i8_uszEjJ2tpTtRM4EU3yz91PH6CdH2V0\","
        + "\"y\":\"_KcyLj9vWMptnmKtm46GqDz8wf74I5LKgrl2GzH3nSE\"}";
    JsonObject document = method.document(Did.parse(encode(jwk))).json();
    assertTrue(document.containsKey("assertionMethod"));
    assertTrue(!document.containsKey("keyAgreement"));
  }

  private void assertRefused(String did, DidError error, String mentions) {
    DidResolutionException refused = assertThrows(DidResolutionException.class, () -> method.document(Did.parse(did)));
    assertEquals(error, refused.error(), refused.reason());
    assertTrue(refused.reason().contains(mentions), refused.reason());
  }

  private static String encode(String json) {
    return "did:jwk:" + Base64URL.encode(json).toString();
  }
}
