package dev.cairn.credentials.dataintegrity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.nimbusds.jose.jwk.JWK;
import dev.cairn.credentials.jsonld.CanonicalDataset;
import dev.cairn.credentials.jsonld.JakartaJson;
import io.vertx.core.json.JsonObject;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The published vectors of VC DI EdDSA 1.0 Appendix B (eddsa-rdfc-2022) and VC DI ECDSA 1.0 Appendix A
 * (ecdsa-rdfc-2019, P-256 and P-384), step by step: canonical N-Quads of document and proof configuration, each
 * hash, the combined hash, the proof value (signing is deterministic), and verification of the signed document.
 */
class RdfcCryptosuiteVectorsTest {

  static Stream<Arguments> vectors() {
    return Stream.of(
        Arguments.of("vc-di-eddsa/v1.0", "eddsa-rdfc-2022"),
        Arguments.of("vc-di-eddsa/v1.0", "eddsa-rdfc-2022-employment"),
        Arguments.of("vc-di-ecdsa/v1.0", "ecdsa-rdfc-2019-p256"),
        Arguments.of("vc-di-ecdsa/v1.0", "ecdsa-rdfc-2019-p256-employment"),
        Arguments.of("vc-di-ecdsa/v1.0", "ecdsa-rdfc-2019-p384"),
        Arguments.of("vc-di-ecdsa/v1.0", "ecdsa-rdfc-2019-p384-employment"));
  }

  private record Vector(String folder, JsonObject steps) {
    String text(String step) {
      return Vectors.text(folder, steps.getString(step));
    }

    JsonObject json(String step) {
      return Vectors.json(folder, steps.getString(step));
    }

    String hex(String step) {
      return text(step).trim();
    }
  }

  private static Vector vector(String folder, String name) {
    return new Vector(folder, Vectors.json(folder, "index.json").getJsonObject(name));
  }

  private static RdfcCryptosuite suite(String name) {
    return name.startsWith("eddsa") ? RdfcCryptosuite.EDDSA_RDFC_2022 : RdfcCryptosuite.ECDSA_RDFC_2019;
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("vectors")
  void reproducesTheCanonicalDocumentAndItsHash(String folder, String name) {
    Vector vector = vector(folder, name);
    JsonObject unsigned = vector.json("unsigned");
    String algorithm = name.contains("p384") ? "SHA-384" : "SHA-256";
    CanonicalDataset canonical = Vectors.CANONICALIZER.canonicalize(JakartaJson.of(unsigned),
        Vectors.CANONICALIZER.limits().start(), algorithm);
    assertEquals(vector.text("canonicalDocument").trim(), new String(canonical.document()).trim());
    assertEquals(vector.hex("documentHash"), HexFormat.of().formatHex(RawSignatures.digest(algorithm, canonical.document())));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("vectors")
  void reproducesTheCanonicalProofConfigurationAndTheCombinedHash(String folder, String name) {
    Vector vector = vector(folder, name);
    JsonObject unsigned = vector.json("unsigned");
    JsonObject options = vector.json("proofOptions");
    RdfcCryptosuite suite = suite(name);
    CanonicalDataset proof = Vectors.CANONICALIZER.canonicalize(
        JakartaJson.of(suite.proofConfiguration(unsigned, options)), Vectors.CANONICALIZER.limits().start());
    assertEquals(vector.text("canonicalProofConfig").trim(), new String(proof.document()).trim());
    JWK key = VectorKeys.privateKey(vector.json("keyPair"));
    byte[] hashData = suite.hashData(unsigned, options, key, Vectors.CANONICALIZER, Vectors.CANONICALIZER.limits().start());
    assertEquals(vector.hex("combinedHash"), HexFormat.of().formatHex(hashData));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("vectors")
  void signsToThePublishedProofValue(String folder, String name) {
    Vector vector = vector(folder, name);
    JsonObject options = vector.json("proofOptions");
    options.remove("@context");
    JsonObject signed = suite(name).sign(vector.json("unsigned"), options,
        VectorKeys.privateKey(vector.json("keyPair")), Vectors.CANONICALIZER);
    assertEquals(vector.hex("proofValue"), signed.getJsonObject("proof").getString("proofValue"));
    assertArrayEquals(HexFormat.of().parseHex(vector.hex("signatureHex")),
        RdfcCryptosuite.proofBytes(signed.getJsonObject("proof").getString("proofValue")));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("vectors")
  void verifiesThePublishedSignedDocument(String folder, String name) {
    Vector vector = vector(folder, name);
    JsonObject signed = vector.json("signed");
    List<DataIntegrityProof> proofs = DataIntegrityProof.of(signed.getValue("proof"));
    JsonObject unsecured = signed.copy();
    unsecured.remove("proof");
    JWK key = VectorKeys.privateKey(vector.json("keyPair")).toPublicJWK();
    assertDoesNotThrow(() -> suite(name).verify(unsecured, proofs.get(0), key, Vectors.CANONICALIZER,
        Vectors.CANONICALIZER.limits().start()));
  }
}
