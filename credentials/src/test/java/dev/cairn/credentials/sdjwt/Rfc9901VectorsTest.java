package dev.cairn.credentials.sdjwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.JWK;
import dev.cairn.credentials.VerificationPolicy.KeyBindingRequirement;
import dev.cairn.credentials.jose.JwsSignatures;
import dev.cairn.did.testing.Vectors;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * RFC 9901's examples (vectors/rfc9901/published-2025-11) and the SD-JWT VC draft's (vectors/sd-jwt-vc/draft-18),
 * sources in their READMEs, signed with the keys the
 * specification's repository publishes: the issuer signature verifies, each disclosure has the printed digest,
 * processing the presented disclosures gives the printed payload, and the KB-JWT checks out with its sd_hash.
 */
class Rfc9901VectorsTest {
  private static final String DIR = "rfc9901/published-2025-11/";
  private static final String SD_JWT_VC = "sd-jwt-vc/draft-18/";

  static Stream<String> examples() {
    return Stream.of(DIR + "section-5-main-example.json", DIR + "appendix-A.1-simple-structured-decoys.json",
        DIR + "appendix-A.2-complex-structured.json", DIR + "appendix-A.3-sd-jwt-vc.json",
        DIR + "appendix-A.4-w3c-vcdm.json", SD_JWT_VC + "example-01-identity-credential-kb.json",
        SD_JWT_VC + "example-02-identity-credential-no-kb.json", SD_JWT_VC + "example-03-pid-appendix-A1.json");
  }

  /** The SD-JWT VC draft's examples: the stricter SD-JWT VC processing (registered claims) accepts them too. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("sdJwtVcExamples")
  void theSdJwtVcDraftExamplesPassTheSdJwtVcRules(String file) {
    JsonObject example = example(file);
    SdJwt sdJwt = SdJwt.parse(example.getString("sd_jwt_presentation"));
    assertEquals(new com.nimbusds.jose.JOSEObjectType(Rfc9901.DC_SD_JWT), sdJwt.issuerJwt().getHeader().getType());
    JsonObject payload = new JsonObject(sdJwt.issuerJwt().getPayload().toString());
    JsonObject processed = DisclosureProcessor.process(payload, sdJwt.disclosures(), true);
    assertEquals(example.getJsonObject("expected_payload"), processed);
    assertTrue(processed.getValue("vct") instanceof String && processed.getValue("iss") instanceof String);
  }

  static Stream<String> sdJwtVcExamples() {
    return examples().filter(file -> file.startsWith(SD_JWT_VC));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void theIssuerSignatureVerifiesWithThePublishedKey(String file) {
    SdJwt sdJwt = SdJwt.parse(example(file).getString("sd_jwt_presentation"));
    JwsSignatures.verify(sdJwt.issuerJwt(), key("issuer"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examplesPrintingAllDisclosures")
  void everyDisclosureHasThePrintedDigestAndContent(String file) {
    for (Object entry : example(file).getJsonArray("disclosures")) {
      JsonObject vector = (JsonObject) entry;
      Disclosure disclosure = Disclosure.parse(vector.getString("encoded"));
      assertEquals(vector.getString("digest"), disclosure.digest(HashAlgorithm.SHA_256), vector.getString("encoded"));
      JsonArray decoded = vector.getJsonArray("decoded");
      assertEquals(decoded.getString(0), disclosure.salt());
      assertEquals(decoded.getValue(decoded.size() - 1), disclosure.value());
      assertEquals(decoded.size() == 2, disclosure.isArrayElement());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void processingThePresentedDisclosuresGivesThePrintedPayload(String file) {
    JsonObject example = example(file);
    SdJwt sdJwt = SdJwt.parse(example.getString("sd_jwt_presentation"));
    JsonObject payload = new JsonObject(sdJwt.issuerJwt().getPayload().toString());
    assertEquals(example.getJsonObject("expected_payload"),
        DisclosureProcessor.process(payload, sdJwt.disclosures(), false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examplesPrintingAllDisclosures")
  void processingEveryDisclosureGivesTheFullPayload(String file) {
    JsonObject example = example(file);
    String issuance = example.containsKey("sd_jwt_issuance") ? example.getString("sd_jwt_issuance")
        : example.getString("sd_jwt_issuance_DERIVED");
    SdJwt sdJwt = SdJwt.parse(issuance);
    JsonObject payload = new JsonObject(sdJwt.issuerJwt().getPayload().toString());
    assertEquals(example.getJsonObject("expected_payload_all_disclosures_DERIVED"),
        DisclosureProcessor.process(payload, sdJwt.disclosures(), false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examplesWithKeyBinding")
  void theKeyBindingJwtVerifiesWithItsNonceAudienceAndSdHash(String file) {
    JsonObject example = example(file);
    SdJwt sdJwt = SdJwt.parse(example.getString("sd_jwt_presentation"));
    assertEquals(example.getString("sd_hash"), HashAlgorithm.SHA_256.digest(sdJwt.presentedWithoutKeyBinding()));
    Instant issuedAt = Instant.ofEpochSecond(example.getLong("kb_iat"));
    KeyBinding.verify(sdJwt, key("holder"), HashAlgorithm.SHA_256,
        new KeyBindingRequirement(example.getString("nonce"), example.getString("aud"), Duration.ofMinutes(5)),
        issuedAt.plusSeconds(30), Duration.ofSeconds(60));
    assertTrue(sdJwt.keyBindingJwt().isPresent());
  }

  /** Example 02 of the SD-JWT VC draft prints only its presentation, not the issuance with every disclosure. */
  static Stream<String> examplesPrintingAllDisclosures() {
    return examples().filter(file -> example(file).containsKey("disclosures"));
  }

  static Stream<String> examplesWithKeyBinding() {
    return examples().filter(file -> example(file).containsKey("kb_jwt"));
  }

  private static JsonObject example(String file) {
    return Vectors.object(file);
  }

  private static JWK key(String name) {
    try {
      return JWK.parse(Vectors.object(DIR + "keys.json").getJsonObject(name).getMap()).toPublicJWK();
    } catch (ParseException e) {
      throw new IllegalStateException(e);
    }
  }
}
