package dev.cairn.credentials.dataintegrity;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import dev.cairn.credentials.ReasonCode;
import dev.cairn.credentials.VerificationException;
import dev.cairn.credentials.VerificationPolicy;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * VC DI ECDSA 1.0 Appendix A.7 and A.8 (ecdsa-sd-2023): the issuer's base proof reproduced from the published
 * HMAC key and proof-scoped key, the holder's confirmation of it, the derived proof reproduced from the published
 * selective pointers, and the verifier's check of the derived document; then the ways a verifier must refuse.
 */
class EcdsaSd2023VectorsTest {
  private static final String FOLDER = "vc-di-ecdsa/v1.0";

  private record Example(JsonObject steps) {
    JsonObject base() {
      return steps.getJsonObject("base");
    }

    JsonObject derived() {
      return steps.getJsonObject("derived");
    }

    JsonObject file(JsonObject part, String step) {
      return Vectors.json(FOLDER, part.getString(step));
    }

    List<String> pointers(JsonObject part, String step) {
      return new JsonArray(Vectors.text(FOLDER, part.getString(step))).stream().map(String::valueOf).toList();
    }

    JsonObject signedBase() {
      return file(base(), "signed");
    }

    JsonObject keys() {
      return Vectors.json(FOLDER, steps.getString("keyMaterial"));
    }
  }

  private static Example example(String name) {
    return new Example(Vectors.json(FOLDER, "index.json").getJsonObject(name));
  }

  private static JsonObject withoutProof(JsonObject document) {
    JsonObject copy = document.copy();
    copy.remove("proof");
    return copy;
  }

  private static DataIntegrityProof proof(JsonObject document) {
    return DataIntegrityProof.parse(document.getJsonObject("proof"));
  }

  private static JWK issuerPublicKey(Example example) {
    return VectorKeys.privateKey(example.keys().getJsonObject("baseKeyPair")).toPublicJWK();
  }

  @ParameterizedTest
  @ValueSource(strings = {"ecdsa-sd-2023", "ecdsa-sd-2023-prc"})
  void issuerReproducesThePublishedBaseProof(String name) {
    Example example = example(name);
    JsonObject expected = example.signedBase();
    JsonObject options = example.file(example.base(), "proofOptions");
    options.remove("@context");
    JsonObject signed = EcdsaSd2023.sign(withoutProof(expected), options,
        (ECKey) VectorKeys.privateKey(example.keys().getJsonObject("baseKeyPair")),
        example.pointers(example.base(), "mandatoryPointers"),
        HexFormat.of().parseHex(example.keys().getString("hmacKeyString")),
        (ECKey) VectorKeys.privateKey(example.keys().getJsonObject("proofKeyPair")), Vectors.CANONICALIZER);
    assertEquals(expected.getJsonObject("proof").getString("proofValue"), signed.getJsonObject("proof").getString("proofValue"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"ecdsa-sd-2023", "ecdsa-sd-2023-prc"})
  void holderConfirmsThePublishedBaseProof(String name) {
    Example example = example(name);
    JsonObject base = example.signedBase();
    assertDoesNotThrow(() -> EcdsaSd2023.BASE_PROOF.verify(withoutProof(base), proof(base), issuerPublicKey(example),
        Vectors.CANONICALIZER, Vectors.CANONICALIZER.limits().start()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"ecdsa-sd-2023", "ecdsa-sd-2023-prc"})
  void holderDerivesThePublishedRevealDocument(String name) {
    Example example = example(name);
    JsonObject derived = EcdsaSd2023.derive(example.signedBase(), example.pointers(example.derived(), "selectivePointers"),
        Vectors.CANONICALIZER);
    assertEquals(example.file(example.derived(), "signed"), derived);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ecdsa-sd-2023", "ecdsa-sd-2023-prc"})
  void verifierAcceptsThePublishedDerivedDocument(String name) {
    Example example = example(name);
    JsonObject derived = example.file(example.derived(), "signed");
    assertDoesNotThrow(() -> EcdsaSd2023.DERIVED_PROOF.verify(withoutProof(derived), proof(derived),
        issuerPublicKey(example), Vectors.CANONICALIZER, Vectors.CANONICALIZER.limits().start()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"ecdsa-sd-2023", "ecdsa-sd-2023-prc"})
  void verifierRefusesABaseProof(String name) {
    DataIntegrityProof base = proof(example(name).signedBase());
    VerificationException refused = assertThrows(VerificationException.class,
        () -> ProofChecks.suiteOf(base, VerificationPolicy.verifying()));
    assertEquals(ReasonCode.BASE_PROOF_PRESENTED, refused.reason());
  }

  @ParameterizedTest
  @ValueSource(strings = {"ecdsa-sd-2023", "ecdsa-sd-2023-prc"})
  void verifierRefusesAStatementTheHolderDidNotReveal(String name) {
    Example example = example(name);
    JsonObject derived = example.file(example.derived(), "signed");
    JsonObject base = example.signedBase();
    // Put back a claim from the base document that the derived proof does not cover.
    JsonObject forged = withoutProof(derived);
    forged.put("credentialSubject", base.getJsonObject("credentialSubject").copy());
    VerificationException refused = assertThrows(VerificationException.class,
        () -> EcdsaSd2023.DERIVED_PROOF.verify(forged, proof(derived), issuerPublicKey(example), Vectors.CANONICALIZER,
            Vectors.CANONICALIZER.limits().start()));
    assertEquals(ReasonCode.SIGNATURE_INVALID, refused.reason());
  }

  @ParameterizedTest
  @ValueSource(strings = {"ecdsa-sd-2023", "ecdsa-sd-2023-prc"})
  void verifierRefusesAChangedMandatoryClaim(String name) {
    Example example = example(name);
    JsonObject derived = example.file(example.derived(), "signed");
    JsonObject forged = withoutProof(derived);
    forged.put("validUntil", "2099-12-31T00:00:00Z");
    VerificationException refused = assertThrows(VerificationException.class,
        () -> EcdsaSd2023.DERIVED_PROOF.verify(forged, proof(derived), issuerPublicKey(example), Vectors.CANONICALIZER,
            Vectors.CANONICALIZER.limits().start()));
    assertEquals(ReasonCode.SIGNATURE_INVALID, refused.reason());
  }
}
