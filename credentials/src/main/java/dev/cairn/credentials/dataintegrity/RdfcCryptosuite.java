package dev.cairn.credentials.dataintegrity;

import com.apicatalog.multibase.Multibase;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import dev.cairn.credentials.ReasonCode;
import dev.cairn.credentials.VerificationException;
import dev.cairn.credentials.jsonld.CanonicalDataset;
import dev.cairn.credentials.jsonld.Deadline;
import dev.cairn.credentials.jsonld.JakartaJson;
import dev.cairn.credentials.jsonld.RdfCanonicalizer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Optional;

/**
 * The three cryptosuites that sign the RDFC-1.0 canonical form of the whole document:
 * <ul>
 *   <li>{@code eddsa-rdfc-2022} (VC DI EdDSA 1.0 §3.3): Ed25519, SHA-256;</li>
 *   <li>{@code ecdsa-rdfc-2019} (VC DI ECDSA 1.0 §3.3): P-256 with SHA-256 or P-384 with SHA-384;</li>
 *   <li>{@code Ed25519Signature2020} (CCG Ed25519 Signature 2020 §4): the legacy proof type, same hashing.</li>
 * </ul>
 * Each signs {@code hash(canonical proof configuration) || hash(canonical document)}; the proof value is the
 * signature in base58btc multibase.
 */
public enum RdfcCryptosuite implements Cryptosuite {
  EDDSA_RDFC_2022(DataIntegrityProof.DATA_INTEGRITY_PROOF, "eddsa-rdfc-2022"),
  ECDSA_RDFC_2019(DataIntegrityProof.DATA_INTEGRITY_PROOF, "ecdsa-rdfc-2019"),
  ED25519_SIGNATURE_2020("Ed25519Signature2020", null);

  static final String ED25519_2020_CONTEXT = "https://w3id.org/security/suites/ed25519-2020/v1";

  private final String proofType;
  private final String cryptosuite;

  RdfcCryptosuite(String proofType, String cryptosuite) {
    this.proofType = proofType;
    this.cryptosuite = cryptosuite;
  }

  public static Optional<RdfcCryptosuite> of(DataIntegrityProof proof) {
    for (RdfcCryptosuite suite : values()) {
      if (suite.proofType.equals(proof.type()) && (suite.cryptosuite == null || proof.cryptosuite().filter(suite.cryptosuite::equals).isPresent())) {
        return Optional.of(suite);
      }
    }
    return Optional.empty();
  }

  /** The proof type and cryptosuite entries a new proof of this suite carries. */
  public JsonObject proofHeader() {
    JsonObject header = new JsonObject().put("type", proofType);
    return cryptosuite == null ? header : header.put("cryptosuite", cryptosuite);
  }

  @Override
  public String suiteName() {
    return cryptosuite == null ? proofType : cryptosuite;
  }

  /**
   * Verify Proof (EdDSA §3.3.2 / ECDSA §3.3.2): {@code unsecured} is the secured document without its proof.
   * Fails with a reason; returns normally when the signature is good.
   */
  @Override
  public void verify(JsonObject unsecured, DataIntegrityProof proof, JWK key, RdfCanonicalizer canonicalizer,
                     Deadline deadline) {
    checkKey(key);
    byte[] signature = proofBytes(proof.proofValue());
    JsonObject options = proof.options();
    JsonObject document = unsecured;
    Object proofContext = options.getValue("@context");
    if (proofContext != null && this != ED25519_SIGNATURE_2020) {
      // §3.3.2 step 4: the document's @context must start with the proof's, which then replaces it.
      if (!startsWith(unsecured.getValue("@context"), proofContext)) {
        throw new VerificationException(ReasonCode.SIGNATURE_INVALID,
            "the proof's @context is not a prefix of the document's @context");
      }
      document = unsecured.copy().put("@context", proofContext);
    }
    byte[] hashData = hashData(document, options, key, canonicalizer, deadline);
    if (!RawSignatures.verify(key, hashData, signature)) {
      throw new VerificationException(ReasonCode.SIGNATURE_INVALID,
          suiteName() + " proof by " + proof.verificationMethod() + " does not verify");
    }
  }

  /** Add Proof (§3.3.1): the document with a new proof made from {@code options} (type and cryptosuite are set here). */
  public JsonObject sign(JsonObject unsecured, JsonObject options, JWK privateKey, RdfCanonicalizer canonicalizer) {
    checkKey(privateKey);
    JsonObject proofOptions = options.copy().mergeIn(proofHeader());
    byte[] hashData = hashData(unsecured, proofOptions, privateKey, canonicalizer, canonicalizer.limits().start());
    String proofValue = Multibase.BASE_58_BTC.encode(RawSignatures.sign(privateKey, hashData));
    return unsecured.copy().put("proof", proofOptions.put("proofValue", proofValue));
  }

  /** hashData: hash(canonical proof configuration) || hash(canonical document) (§3.3.4 / §3.3.5). */
  byte[] hashData(JsonObject document, JsonObject proofOptions, JWK key, RdfCanonicalizer canonicalizer,
                  Deadline deadline) {
    String algorithm = key instanceof ECKey ec ? RawSignatures.hashAlgorithm(ec.getCurve()) : "SHA-256";
    CanonicalDataset canonicalDocument = canonicalizer.canonicalize(JakartaJson.of(document), deadline, algorithm);
    CanonicalDataset canonicalProof = canonicalizer.canonicalize(
        JakartaJson.of(proofConfiguration(document, proofOptions)), deadline, algorithm);
    byte[] proofHash = RawSignatures.digest(algorithm, canonicalProof.document());
    byte[] documentHash = RawSignatures.digest(algorithm, canonicalDocument.document());
    return EcdsaSd2023.concat(proofHash, documentHash);
  }

  /** Proof Configuration (§3.3.5): the options, checked, under the document's @context. */
  JsonObject proofConfiguration(JsonObject document, JsonObject proofOptions) {
    if (!proofType.equals(proofOptions.getString("type"))
        || (cryptosuite != null && !cryptosuite.equals(proofOptions.getString("cryptosuite")))) {
      throw new VerificationException(ReasonCode.CRYPTOSUITE_UNSUPPORTED, "the proof is not a " + suiteName() + " proof");
    }
    if (this == ED25519_SIGNATURE_2020 && !contains(document.getValue("@context"), ED25519_2020_CONTEXT)) {
      throw new VerificationException(ReasonCode.JSONLD_INVALID,
          "an Ed25519Signature2020 document must include the context " + ED25519_2020_CONTEXT);
    }
    return DataIntegrityProof.configuration(proofOptions, document);
  }

  private void checkKey(JWK key) {
    boolean fits = switch (this) {
      case EDDSA_RDFC_2022, ED25519_SIGNATURE_2020 -> key instanceof OctetKeyPair okp && Curve.Ed25519.equals(okp.getCurve());
      case ECDSA_RDFC_2019 -> key instanceof ECKey ec && (Curve.P_256.equals(ec.getCurve()) || Curve.P_384.equals(ec.getCurve()));
    };
    if (!fits) {
      throw new VerificationException(ReasonCode.KEY_ALGORITHM_MISMATCH,
          suiteName() + " needs " + (this == ECDSA_RDFC_2019 ? "a P-256 or P-384" : "an Ed25519") + " key, not " + key.getKeyType()
              + (key instanceof ECKey ec ? " " + ec.getCurve() : key instanceof OctetKeyPair okp ? " " + okp.getCurve() : ""));
    }
  }

  static byte[] proofBytes(String proofValue) {
    if (!proofValue.startsWith("z")) {
      throw new VerificationException(ReasonCode.MALFORMED, "proofValue must be base58btc multibase (start with 'z')");
    }
    try {
      return Multibase.BASE_58_BTC.decode(proofValue);
    } catch (IllegalArgumentException e) {
      throw new VerificationException(ReasonCode.MALFORMED, "proofValue is not valid base58btc");
    }
  }

  private static boolean startsWith(Object documentContext, Object proofContext) {
    JsonArray document = asArray(documentContext);
    JsonArray proof = asArray(proofContext);
    if (proof.size() > document.size()) {
      return false;
    }
    for (int i = 0; i < proof.size(); i++) {
      if (!java.util.Objects.equals(proof.getValue(i), document.getValue(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean contains(Object context, String url) {
    return asArray(context).contains(url);
  }

  private static JsonArray asArray(Object value) {
    return value instanceof JsonArray array ? array : value == null ? new JsonArray() : new JsonArray().add(value);
  }
}
