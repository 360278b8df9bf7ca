package dev.cairn.credentials.dataintegrity;

import com.apicatalog.multicodec.codec.KeyCodec;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import dev.cairn.credentials.ReasonCode;
import dev.cairn.credentials.VerificationException;
import dev.cairn.credentials.jsonld.CanonicalDataset;
import dev.cairn.credentials.jsonld.Deadline;
import dev.cairn.credentials.jsonld.JakartaJson;
import dev.cairn.credentials.jsonld.RdfCanonicalizer;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code ecdsa-sd-2023} (VC DI ECDSA 1.0 §3.5): the issuer signs each non-mandatory statement with a proof-scoped
 * P-256 key and binds that key, the proof options and the mandatory statements with its own signature (the base
 * proof, for the holder only); the holder derives a proof revealing the mandatory statements plus the ones it
 * selects by JSON pointer; the verifier checks the derived proof. Blank node labels are HMAC-derived so that
 * unrevealed statements leak nothing about their neighbours' labels.
 */
public final class EcdsaSd2023 {
  static final String CRYPTOSUITE = "ecdsa-sd-2023";
  /** The Multikey header of a P-256 public key (multicodec p256-pub 0x1200 as a varint). */
  private static final int P256_MULTIKEY_LENGTH = 35;
  private static final SecureRandom RANDOM = new SecureRandom();

  /** Verifies a base proof, as its holder ("confirm" on import). */
  public static final Cryptosuite BASE_PROOF = new Cryptosuite() {
    @Override
    public String suiteName() {
      return CRYPTOSUITE + " (base)";
    }

    @Override
    public void verify(JsonObject unsecured, DataIntegrityProof proof, JWK key, RdfCanonicalizer canonicalizer,
                       Deadline deadline) {
      verifyBase(unsecured, proof, key, canonicalizer, deadline);
    }
  };

  /** Verifies a derived proof, as a verifier. */
  public static final Cryptosuite DERIVED_PROOF = new Cryptosuite() {
    @Override
    public String suiteName() {
      return CRYPTOSUITE;
    }

    @Override
    public void verify(JsonObject unsecured, DataIntegrityProof proof, JWK key, RdfCanonicalizer canonicalizer,
                       Deadline deadline) {
      verifyDerived(unsecured, proof, key, canonicalizer, deadline);
    }
  };

  private EcdsaSd2023() {}

  static boolean handles(DataIntegrityProof proof) {
    return DataIntegrityProof.DATA_INTEGRITY_PROOF.equals(proof.type()) && proof.cryptosuite().filter(CRYPTOSUITE::equals).isPresent();
  }

  static boolean isBaseProof(String proofValue) {
    return EcdsaSdProofValue.isBase(proofValue);
  }

  /** Whether {@code proof} is an ecdsa-sd-2023 base proof: the holder's to derive from, never to show (§3.5.1). */
  public static boolean isBaseProof(DataIntegrityProof proof) {
    return handles(proof) && isBaseProof(proof.proofValue());
  }

  /**
   * What a derived proof made with {@code selectivePointers} reveals (§3.5.6, createDisclosureData §3.4.15): the
   * document without its proof, cut down by selectJsonLd to the mandatory pointers of the base proof and the
   * selective ones. No key, hash or canonicalization is involved, so a wallet can show it before deriving.
   */
  public static JsonObject revealed(JsonObject secured, List<String> selectivePointers) {
    DataIntegrityProof proof = DataIntegrityProof.parse(secured.getJsonObject("proof"));
    EcdsaSdProofValue.Base base = EcdsaSdProofValue.parseBase(proof.proofValue());
    JsonObject document = secured.copy();
    document.remove("proof");
    return SelectiveDisclosure.select(combined(base.mandatoryPointers(), selectivePointers), document);
  }

  private static List<String> combined(List<String> mandatoryPointers, List<String> selectivePointers) {
    List<String> combined = new ArrayList<>(mandatoryPointers);
    combined.addAll(selectivePointers);
    return combined;
  }

  /** Add Base Proof (§3.5.1) with a fresh HMAC key and proof-scoped key pair. */
  public static JsonObject sign(JsonObject unsecured, JsonObject options, ECKey issuerKey, List<String> mandatoryPointers,
                                RdfCanonicalizer canonicalizer) {
    byte[] hmacKey = new byte[32];
    RANDOM.nextBytes(hmacKey);
    ECKey proofScoped;
    try {
      proofScoped = new ECKeyGenerator(Curve.P_256).generate();
    } catch (com.nimbusds.jose.JOSEException e) {
      throw new IllegalStateException(e);
    }
    return sign(unsecured, options, issuerKey, mandatoryPointers, hmacKey, proofScoped, canonicalizer);
  }

  /** Add Base Proof with a given HMAC key and proof-scoped key (how the spec's test vectors are made). */
  static JsonObject sign(JsonObject unsecured, JsonObject options, ECKey issuerKey, List<String> mandatoryPointers,
                         byte[] hmacKey, ECKey proofScoped, RdfCanonicalizer canonicalizer) {
    Deadline deadline = canonicalizer.limits().start();
    JsonObject proofOptions = options.copy().put("type", DataIntegrityProof.DATA_INTEGRITY_PROOF).put("cryptosuite", CRYPTOSUITE);
    proofOptions.remove("proofValue");
    // Base Proof Transformation (§3.5.2): HMAC-labelled canonical quads, grouped by the mandatory pointers.
    SelectiveDisclosure.Grouped grouped = new SelectiveDisclosure(canonicalizer).canonicalizeAndGroup(unsecured,
        hmacLabels(hmacKey), Map.of("mandatory", mandatoryPointers), deadline);
    SelectiveDisclosure.Group mandatory = grouped.groups().get("mandatory");
    // Base Proof Hashing (§3.5.3).
    byte[] proofHash = proofHash(unsecured, proofOptions, canonicalizer, deadline);
    byte[] mandatoryHash = hashJoined(mandatory.matching().values());
    // Base Proof Serialization (§3.5.5).
    List<byte[]> signatures = new ArrayList<>();
    for (String statement : mandatory.nonMatching().values()) {
      signatures.add(RawSignatures.sign(proofScoped, statement.getBytes(StandardCharsets.UTF_8)));
    }
    byte[] publicKey = KeyCodec.P256_PUBLIC_KEY.encode(RawSignatures.compressedPoint(proofScoped));
    byte[] baseSignature = RawSignatures.sign(issuerKey, concat(proofHash, publicKey, mandatoryHash));
    String proofValue = EcdsaSdProofValue.serialize(new EcdsaSdProofValue.Base(baseSignature, publicKey, hmacKey,
        signatures, mandatoryPointers));
    return unsecured.copy().put("proof", proofOptions.put("proofValue", proofValue));
  }

  /**
   * Add Derived Proof (§3.5.6): the holder's document revealing the mandatory statements and those reached by
   * {@code selectivePointers}, with a derived proof a verifier can check.
   */
  public static JsonObject derive(JsonObject secured, List<String> selectivePointers, RdfCanonicalizer canonicalizer) {
    Deadline deadline = canonicalizer.limits().start();
    DataIntegrityProof proof = DataIntegrityProof.parse(secured.getJsonObject("proof"));
    EcdsaSdProofValue.Base base = EcdsaSdProofValue.parseBase(proof.proofValue());
    JsonObject document = secured.copy();
    document.remove("proof");
    // createDisclosureData (§3.4.15).
    List<String> combinedPointers = combined(base.mandatoryPointers(), selectivePointers);
    Map<String, List<String>> definitions = new LinkedHashMap<>();
    definitions.put("mandatory", base.mandatoryPointers());
    definitions.put("selective", selectivePointers);
    definitions.put("combined", combinedPointers);
    SelectiveDisclosure disclosure = new SelectiveDisclosure(canonicalizer);
    SelectiveDisclosure.Grouped grouped = disclosure.canonicalizeAndGroup(document, hmacLabels(base.hmacKey()), definitions, deadline);
    SelectiveDisclosure.Group mandatory = grouped.groups().get("mandatory");
    SelectiveDisclosure.Group selective = grouped.groups().get("selective");
    SelectiveDisclosure.Group combined = grouped.groups().get("combined");
    List<Integer> mandatoryIndexes = new ArrayList<>();
    int relative = 0;
    for (Integer absolute : combined.matching().keySet()) {
      if (mandatory.matching().containsKey(absolute)) {
        mandatoryIndexes.add(relative);
      }
      relative++;
    }
    List<byte[]> filtered = new ArrayList<>();
    int index = 0;
    for (byte[] signature : base.signatures()) {
      while (mandatory.matching().containsKey(index)) {
        index++;
      }
      if (selective.matching().containsKey(index)) {
        filtered.add(signature);
      }
      index++;
    }
    JsonObject reveal = SelectiveDisclosure.select(combinedPointers, document);
    // The verifier's canonical labels for the revealed quads, mapped to the HMAC labels the issuer signed.
    CanonicalDataset verifierView = canonicalizer.canonicalize(combined.deskolemized(), deadline);
    Map<String, String> verifierLabelMap = new LinkedHashMap<>();
    verifierView.labels().forEach((input, verifierLabel) ->
        verifierLabelMap.put(verifierLabel.substring(2), grouped.labelMap().get(input).substring(2)));
    JsonObject derivedProof = proof.json().copy().put("proofValue", EcdsaSdProofValue.serialize(
        new EcdsaSdProofValue.Derived(base.baseSignature(), base.publicKey(), filtered, verifierLabelMap, mandatoryIndexes)));
    return reveal.put("proof", derivedProof);
  }

  /** Verify Derived Proof (§3.5.8) with createVerifyData (§3.4.19). */
  static void verifyDerived(JsonObject unsecured, DataIntegrityProof proof, JWK issuerKey, RdfCanonicalizer canonicalizer,
                            Deadline deadline) {
    EcdsaSdProofValue.Derived derived = EcdsaSdProofValue.parseDerived(proof.proofValue());
    byte[] proofHash = proofHash(unsecured, proof.options(), canonicalizer, deadline);
    Map<String, String> labels = derived.labelMap();
    CanonicalDataset nquads = canonicalizer.canonicalize(canonicalizer.toRdf(JakartaJson.of(unsecured), deadline), deadline,
        label -> {
          String replaced = labels.get(label.substring(2));
          if (replaced == null) {
            throw new VerificationException(ReasonCode.SIGNATURE_INVALID, "the derived proof's label map lacks " + label);
          }
          return "_:" + replaced;
        });
    Set<Integer> mandatoryIndexes = new HashSet<>(derived.mandatoryIndexes());
    List<String> mandatory = new ArrayList<>();
    List<String> nonMandatory = new ArrayList<>();
    for (int i = 0; i < nquads.nquads().size(); i++) {
      (mandatoryIndexes.contains(i) ? mandatory : nonMandatory).add(nquads.nquads().get(i));
    }
    checkSignatures(issuerKey, proofHash, derived.baseSignature(), derived.publicKey(), hashJoined(mandatory),
        derived.signatures(), nonMandatory);
  }

  /** The holder's check of a base proof: the same signatures, over the groups the mandatory pointers define. */
  static void verifyBase(JsonObject unsecured, DataIntegrityProof proof, JWK issuerKey, RdfCanonicalizer canonicalizer,
                         Deadline deadline) {
    EcdsaSdProofValue.Base base = EcdsaSdProofValue.parseBase(proof.proofValue());
    if (base.hmacKey().length != 32 || base.publicKey().length != P256_MULTIKEY_LENGTH) {
      throw new VerificationException(ReasonCode.MALFORMED, "an ecdsa-sd-2023 base proof has an HMAC key or public key of the wrong size");
    }
    SelectiveDisclosure.Grouped grouped = new SelectiveDisclosure(canonicalizer).canonicalizeAndGroup(unsecured,
        hmacLabels(base.hmacKey()), Map.of("mandatory", base.mandatoryPointers()), deadline);
    SelectiveDisclosure.Group mandatory = grouped.groups().get("mandatory");
    byte[] proofHash = proofHash(unsecured, proof.options(), canonicalizer, deadline);
    checkSignatures(issuerKey, proofHash, base.baseSignature(), base.publicKey(), hashJoined(mandatory.matching().values()),
        base.signatures(), List.copyOf(mandatory.nonMatching().values()));
  }

  private static void checkSignatures(JWK issuerKey, byte[] proofHash, byte[] baseSignature, byte[] publicKey,
                                      byte[] mandatoryHash, List<byte[]> signatures, List<String> nonMandatory) {
    if (!(issuerKey instanceof ECKey)) {
      throw new VerificationException(ReasonCode.KEY_ALGORITHM_MISMATCH, "ecdsa-sd-2023 needs a P-256 or P-384 issuer key");
    }
    if (signatures.size() != nonMandatory.size()) {
      throw new VerificationException(ReasonCode.SIGNATURE_INVALID, "the proof has " + signatures.size()
          + " statement signatures for " + nonMandatory.size() + " non-mandatory statements");
    }
    if (publicKey.length != P256_MULTIKEY_LENGTH || (publicKey[0] & 0xff) != 0x80 || publicKey[1] != 0x24) {
      throw new VerificationException(ReasonCode.MALFORMED, "the proof-scoped key is not a P-256 Multikey");
    }
    if (!RawSignatures.verify(issuerKey, concat(proofHash, publicKey, mandatoryHash), baseSignature)) {
      throw new VerificationException(ReasonCode.SIGNATURE_INVALID, "the ecdsa-sd-2023 base signature does not verify");
    }
    byte[] point = Arrays.copyOfRange(publicKey, 2, publicKey.length);
    for (int i = 0; i < signatures.size(); i++) {
      if (!RawSignatures.verifyEcdsa(point, Curve.P_256, nonMandatory.get(i).getBytes(StandardCharsets.UTF_8), signatures.get(i))) {
        throw new VerificationException(ReasonCode.SIGNATURE_INVALID,
            "the signature of disclosed statement " + i + " does not verify (a statement was changed or added)");
      }
    }
  }

  /** The canonical proof configuration's SHA-256: the options under the document's @context (§3.5.4). */
  private static byte[] proofHash(JsonObject document, JsonObject options, RdfCanonicalizer canonicalizer, Deadline deadline) {
    JsonObject configuration = DataIntegrityProof.configuration(options, document);
    return RawSignatures.digest("SHA-256", canonicalizer.canonicalize(JakartaJson.of(configuration), deadline).document());
  }

  private static byte[] hashJoined(java.util.Collection<String> nquads) {
    return RawSignatures.digest("SHA-256", String.join("", nquads).getBytes(StandardCharsets.UTF_8));
  }

  /** createHmacIdLabelMapFunction (§3.4.4): canonical label to "u" + base64url(HMAC-SHA-256(key, label)). */
  static UnaryOperator<String> hmacLabels(byte[] hmacKey) {
    Mac mac;
    try {
      mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(hmacKey, "HmacSHA256"));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
    return canonical -> "_:u" + Base64.getUrlEncoder().withoutPadding()
        .encodeToString(mac.doFinal(canonical.substring(2).getBytes(StandardCharsets.UTF_8)));
  }

  /** The parts one after another (hashData, sign data and proof values are all such concatenations). */
  static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] part : parts) {
      length += part.length;
    }
    byte[] out = new byte[length];
    int offset = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, out, offset, part.length);
      offset += part.length;
    }
    return out;
  }
}
