package dev.cairn.credentials.dataintegrity;

import dev.cairn.credentials.ReasonCode;
import dev.cairn.credentials.VerificationException;
import dev.cairn.credentials.internal.XmlDateTimes;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One proof of a secured document (VC Data Integrity 1.0 §2.1): its type and cryptosuite, the verification method
 * and purpose, optional {@code created}/{@code expires}, {@code challenge}/{@code domain} for presentations, and the
 * proof value. {@link #options()} is the proof without its value: what the proof configuration is built from.
 *
 * @param domain the §2.1 {@code domain}, "a string value or an unordered set of string values": one element for a
 *               string, empty when absent
 */
public record DataIntegrityProof(JsonObject json, String type, Optional<String> cryptosuite, String verificationMethod,
                                 String proofPurpose, Optional<Instant> created, Optional<Instant> expires,
                                 Optional<String> challenge, List<String> domain, String proofValue) {

  public DataIntegrityProof {
    domain = List.copyOf(domain);
  }

  public static final String DATA_INTEGRITY_PROOF = "DataIntegrityProof";

  /** The proofs of a secured document: its {@code proof} value, one object or a set (§2.1.1 proof sets). */
  public static List<DataIntegrityProof> of(Object proof) {
    List<DataIntegrityProof> proofs = new ArrayList<>();
    if (proof instanceof JsonObject single) {
      proofs.add(parse(single));
    } else if (proof instanceof JsonArray set && !set.isEmpty()) {
      for (Object entry : set) {
        if (!(entry instanceof JsonObject object)) {
          throw malformed("every proof in a proof set must be an object");
        }
        proofs.add(parse(object));
      }
    } else {
      throw malformed("proof must be an object or a non-empty array of objects");
    }
    return proofs;
  }

  public static DataIntegrityProof parse(JsonObject proof) {
    if (proof.containsKey("previousProof")) {
      throw new VerificationException(ReasonCode.UNSUPPORTED_FORMAT, "proof chains (previousProof) are not supported");
    }
    String type = string(proof, "type", true);
    String method = string(proof, "verificationMethod", true);
    String purpose = string(proof, "proofPurpose", true);
    String value = string(proof, "proofValue", true);
    return new DataIntegrityProof(proof, type, Optional.ofNullable(string(proof, "cryptosuite", false)), method, purpose,
        time(proof, "created"), time(proof, "expires"),
        Optional.ofNullable(string(proof, "challenge", false)), domain(proof.getValue("domain")), value);
  }

  /** The proof options: this proof without {@code proofValue} (§4.2 step 1 of verification). */
  public JsonObject options() {
    JsonObject options = json.copy();
    options.remove("proofValue");
    return options;
  }

  /**
   * A proof configuration: {@code options} without {@code proofValue}, under the secured document's
   * {@code @context} — what every suite here hashes as the proof half of its hash data (VC DI EdDSA 1.0 §3.3.5,
   * VC DI ECDSA 1.0 §3.3.5 and §3.5.4 for ecdsa-sd-2023). {@code options} is not changed.
   */
  static JsonObject configuration(JsonObject options, JsonObject document) {
    JsonObject configuration = options.copy();
    configuration.remove("proofValue");
    return configuration.put("@context", document.getValue("@context"));
  }

  /** The suite's name as the spec writes it: the cryptosuite for DataIntegrityProof, else the proof type. */
  public String suiteName() {
    return DATA_INTEGRITY_PROOF.equals(type) ? cryptosuite.orElse("(no cryptosuite)") : type;
  }

  private static Optional<Instant> time(JsonObject proof, String name) {
    try {
      return XmlDateTimes.read(proof.getValue(name), "proof." + name);
    } catch (VerificationException e) {
      throw malformed("proof." + name + " must be an XML Schema dateTime");
    }
  }

  private static List<String> domain(Object value) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof String single && !single.isEmpty()) {
      return List.of(single);
    }
    List<String> domains = new ArrayList<>();
    if (value instanceof JsonArray set && !set.isEmpty()) {
      for (Object entry : set) {
        if (!(entry instanceof String domain) || domain.isEmpty()) {
          throw malformed("proof.domain must be a non-empty string or a non-empty array of them");
        }
        domains.add(domain);
      }
      return domains;
    }
    throw malformed("proof.domain must be a non-empty string or a non-empty array of them");
  }

  private static String string(JsonObject proof, String name, boolean required) {
    Object value = proof.getValue(name);
    if (value == null && !required) {
      return null;
    }
    if (!(value instanceof String text) || text.isEmpty()) {
      throw malformed("proof." + name + (value == null ? " is missing" : " must be a non-empty string"));
    }
    return text;
  }

  private static VerificationException malformed(String detail) {
    return new VerificationException(ReasonCode.MALFORMED, detail);
  }
}
