package dev.cairn.credentials.openbadges;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.apicatalog.multibase.Multibase;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import dev.cairn.credentials.VerifierUnderTest;
import dev.cairn.credentials.CheckResult;
import dev.cairn.credentials.CredentialFormat;
import dev.cairn.credentials.Outcome;
import dev.cairn.credentials.VerificationException;
import dev.cairn.credentials.VerificationPolicy;
import dev.cairn.credentials.VerificationResult;
import dev.cairn.credentials.VerifiedCredential;
import dev.cairn.credentials.dataintegrity.DataIntegrityProof;
import dev.cairn.credentials.dataintegrity.RdfcCryptosuite;
import dev.cairn.credentials.display.CredentialDisplays;
import dev.cairn.credentials.internal.VcdmTypes;
import dev.cairn.credentials.internal.XmlDateTimes;
import dev.cairn.credentials.jsonld.CanonicalizationLimits;
import dev.cairn.credentials.jsonld.JakartaJson;
import dev.cairn.credentials.jsonld.PinnedContexts;
import dev.cairn.credentials.jsonld.RdfCanonicalizer;
import dev.cairn.did.testing.Await;
import dev.cairn.did.testing.TestClock;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Open Badges 3.0 examples from 1EdTech's specification repository ({@code vectors/openbadges/3.0/index.json}, sources
 * and hashes in its README), each run for what it is recorded to do: the outcome of {@link CredentialVerifier},
 * canonicalization under the bundled contexts, the OB 3.0 JSON Schema, and the display data. The implementation
 * guide's signed walkthrough is also checked step by step: its published hashes, its signature, and its proof through
 * our eddsa-rdfc-2022 suite once its pre-release context URL is read as the context 1EdTech's validator serves for it.
 */
class OpenBadgesSpecExamplesTest {
  private static final String FOLDER = "/vectors/openbadges/3.0/";
  private static final TestClock CLOCK = new TestClock();
  private static final RdfCanonicalizer CANONICALIZER =
      new RdfCanonicalizer(PinnedContexts.bundled(), CanonicalizationLimits.DEFAULT);
  @RegisterExtension
  static final VerifierUnderTest VERIFIER = new VerifierUnderTest(CLOCK, CANONICALIZER);

  static Stream<Arguments> vectors() {
    return new JsonObject(text("index.json")).getJsonArray("vectors").stream().map(JsonObject.class::cast)
        .map(vector -> Arguments.of(Named.of(vector.getString("name"), vector)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void specExampleBehavesAsRecorded(JsonObject vector) throws Exception {
    byte[] bytes = bytes(vector.getString("file"));
    assertEquals(vector.getString("sha256"), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)),
        "the stored file is the one the README names");
    String source = new String(bytes, StandardCharsets.UTF_8);
    JsonObject expect = vector.getJsonObject("expect");
    boolean walkthrough = "linked-data-proof-walkthrough".equals(vector.getString("form"));
    String credential = walkthrough ? markdownBlock(source, "### Signed credential") : respecExample(source);

    assertVerification(credential, expect.getJsonObject("verification"));
    assertCanonicalization(new JsonObject(credential), expect.getString("canonicalization"));
    assertSchema(new JsonObject(credential), expect.getJsonObject("schema"));
    assertEquals(expect.getJsonObject("display"), CredentialDisplays.of(asIfVerified(new JsonObject(credential))).toJson());
    if (walkthrough) {
      assertWalkthroughSteps(source);
      assertAliasedProofVerifies(source, expect.getJsonObject("contextAlias"));
    }
  }

  /** The first check that did not pass is the recorded one, with the recorded reason. */
  private static void assertVerification(String credential, JsonObject expected) {
    VerificationResult result = Await.result(VERIFIER.verify(credential, VerificationPolicy.importing()));
    CheckResult first = result.checks().stream().filter(check -> check.outcome() == Outcome.FAILED).findFirst()
        .orElseThrow(() -> new AssertionError("expected a failure, got " + result.checks()));
    assertEquals(expected.getString("check"), first.check().name(), first.toString());
    assertEquals(expected.getString("reason"), first.reason().orElseThrow().code(), first.toString());
  }

  private static void assertCanonicalization(JsonObject credential, String expected) {
    JsonObject unsecured = credential.copy();
    unsecured.remove("proof");
    if ("ok".equals(expected)) {
      CANONICALIZER.canonicalize(JakartaJson.of(unsecured), CANONICALIZER.limits().start());
      return;
    }
    VerificationException refused = assertThrows(VerificationException.class,
        () -> CANONICALIZER.canonicalize(JakartaJson.of(unsecured), CANONICALIZER.limits().start()));
    assertEquals(expected, refused.reason().code(), refused.getMessage());
  }

  private static void assertSchema(JsonObject credential, JsonObject expected) {
    credential.remove("proof");
    OpenBadgesSchema.Findings findings = OpenBadgesSchema.bundled().check(credential);
    assertEquals(expected.getString("name"), findings.schema());
    assertEquals(expected.getInteger("errorCount"), findings.errorCount(), findings.messages().toString());
    if (expected.containsKey("firstMessage")) {
      assertEquals(expected.getString("firstMessage"), findings.messages().get(0));
    }
  }

  /** The published hashes are those of the published canonical forms, and the signature verifies over them. */
  private static void assertWalkthroughSteps(String markdown) throws Exception {
    byte[] proofHash = sha256(markdownBlock(markdown, "### Proof normalized") + "\n");
    byte[] documentHash = sha256(markdownBlock(markdown, "### Document normalized") + "\n");
    assertEquals(inlineHex(markdown, "### Proof hash (hex)"), HexFormat.of().formatHex(proofHash));
    assertEquals(inlineHex(markdown, "### Document hash (hex)"), HexFormat.of().formatHex(documentHash));
    byte[] hashData = HexFormat.of().parseHex(inlineHex(markdown, "### Data to sign (hex)"));
    assertArrayEquals(concat(proofHash, documentHash), hashData);
    byte[] signature = HexFormat.of().parseHex(inlineHex(markdown, "### Signature (hex)"));
    assertArrayEquals(signature, Multibase.BASE_58_BTC.decode(inlineHex(markdown, "### Proof value (hex)")));
    Ed25519Signer verify = new Ed25519Signer();
    verify.init(false, new Ed25519PublicKeyParameters(publicKey(markdown)));
    verify.update(hashData, 0, hashData.length);
    assertTrue(verify.verifySignature(signature), "the published signature verifies with the published key");
  }

  /**
   * With the pre-release context URL read as the context that 1EdTech's validator serves for it (OB 3.0.0), the
   * signed credential canonicalizes to the published document and its proof verifies through our suite.
   */
  private static void assertAliasedProofVerifies(String markdown, JsonObject alias) {
    JsonObject secured = new JsonObject(markdownBlock(markdown, "### Signed credential")
        .replace(alias.getString("from"), alias.getString("to")));
    JsonObject unsecured = secured.copy();
    unsecured.remove("proof");
    assertEquals(markdownBlock(markdown, "### Document normalized") + "\n",
        String.join("", CANONICALIZER.canonicalize(JakartaJson.of(unsecured), CANONICALIZER.limits().start()).nquads()));
    OctetKeyPair key = new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(publicKey(markdown))).build();
    RdfcCryptosuite.EDDSA_RDFC_2022.verify(unsecured, DataIntegrityProof.parse(secured.getJsonObject("proof")), key,
        CANONICALIZER, CANONICALIZER.limits().start());
  }

  /**
   * The credential as a verifier would leave it, read leniently (these are mostly unsigned examples): VCDM 2.0
   * {@code validFrom}/{@code validUntil} and no issuance time, VCDM 1.1 {@code issuanceDate}/{@code expirationDate}.
   */
  private static VerifiedCredential asIfVerified(JsonObject credential) {
    credential.remove("proof");
    Object issuer = credential.getValue("issuer");
    String issuerId = issuer instanceof JsonObject profile ? profile.getString("id") : String.valueOf(issuer);
    boolean vcdm2 = "https://www.w3.org/ns/credentials/v2".equals(credential.getJsonArray("@context").getValue(0));
    Optional<java.time.Instant> from = XmlDateTimes.read(credential.getValue(vcdm2 ? "validFrom" : "issuanceDate"), "from");
    Optional<java.time.Instant> until = XmlDateTimes.read(credential.getValue(vcdm2 ? "validUntil" : "expirationDate"), "until");
    return new VerifiedCredential(CredentialFormat.LDP_VC, issuerId, Optional.empty(),
        VcdmTypes.of(credential.getValue("type")), vcdm2 ? Optional.empty() : from, from, until, credential, List.of(),
        Optional.empty());
  }

  /** A respec example file: a JavaScript template string whose first {@code <pre>} element is the JSON. */
  private static String respecExample(String source) {
    int start = source.indexOf('>', source.indexOf("<pre")) + 1;
    return source.substring(start, source.indexOf("</pre>", start));
  }

  /** The fenced code block that follows {@code heading}, without its fences. */
  private static String markdownBlock(String markdown, String heading) {
    int fence = markdown.indexOf("```", markdown.indexOf(heading));
    int start = markdown.indexOf('\n', fence) + 1;
    return markdown.substring(start, markdown.indexOf("\n```", start));
  }

  /** The inline code value ({@code `…`}) that follows {@code heading}. */
  private static String inlineHex(String markdown, String heading) {
    int start = markdown.indexOf('`', markdown.indexOf(heading)) + 1;
    return markdown.substring(start, markdown.indexOf('`', start));
  }

  private static byte[] publicKey(String markdown) {
    return HexFormat.of().parseHex(inlineHex(markdown, "Public key (hex):"));
  }

  private static byte[] sha256(String text) throws Exception {
    return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] concat(byte[] first, byte[] second) {
    byte[] both = new byte[first.length + second.length];
    System.arraycopy(first, 0, both, 0, first.length);
    System.arraycopy(second, 0, both, first.length, second.length);
    return both;
  }

  private static String text(String file) {
    return new String(bytes(file), StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String file) {
    try (InputStream in = OpenBadgesSpecExamplesTest.class.getResourceAsStream(FOLDER + file)) {
      if (in == null) {
        throw new IllegalStateException("missing vector " + file);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
