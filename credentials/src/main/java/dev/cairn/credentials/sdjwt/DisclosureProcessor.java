package dev.cairn.credentials.sdjwt;

import dev.cairn.credentials.ReasonCode;
import dev.cairn.credentials.VerificationException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * RFC 9901 §7.1, steps 3 to 5: replaces the digests in an SD-JWT payload with the disclosed claims, recursively,
 * refusing every malformation the RFC lists. Digests with no disclosure are decoys (or claims not disclosed) and
 * are dropped. The result is the payload a verifier may rely on.
 */
public final class DisclosureProcessor {
  private final HashAlgorithm algorithm;
  private final Map<String, Disclosure> byDigest = new HashMap<>();
  private final Set<String> seenDigests = new HashSet<>();
  private final Set<String> usedDisclosures = new HashSet<>();
  private final boolean topLevelRegisteredClaimsProtected;

  private DisclosureProcessor(HashAlgorithm algorithm, boolean protectRegisteredClaims) {
    this.algorithm = algorithm;
    this.topLevelRegisteredClaimsProtected = protectRegisteredClaims;
  }

  /**
   * The processed payload. {@code sdJwtVc} adds SD-JWT VC's rule that registered claims (iss, nbf, exp, cnf, vct,
   * status) are never selectively disclosable.
   */
  public static JsonObject process(JsonObject payload, List<Disclosure> disclosures, boolean sdJwtVc) {
    HashAlgorithm algorithm = HashAlgorithm.of(payload.getValue(Rfc9901.SD_ALG));
    DisclosureProcessor processor = new DisclosureProcessor(algorithm, sdJwtVc);
    for (Disclosure disclosure : disclosures) {
      // §7.1 step 3: the same disclosure presented twice is as bad as a digest used twice.
      if (processor.byDigest.put(disclosure.digest(algorithm), disclosure) != null) {
        throw new VerificationException(ReasonCode.DISCLOSURE_DUPLICATE_DIGEST, "the same disclosure is presented twice");
      }
    }
    JsonObject copy = payload.copy();
    copy.remove(Rfc9901.SD_ALG);
    JsonObject processed = processor.object(copy, true);
    // §7.1 step 4: every disclosure must be referenced by a digest in the payload or in another disclosure.
    if (processor.usedDisclosures.size() != disclosures.size()) {
      throw new VerificationException(ReasonCode.DISCLOSURE_UNREFERENCED,
          (disclosures.size() - processor.usedDisclosures.size()) + " disclosure(s) referenced by no digest");
    }
    return processed;
  }

  private JsonObject object(JsonObject input, boolean topLevel) {
    JsonObject output = new JsonObject();
    for (String name : input.fieldNames()) {
      if (!Rfc9901.SD.equals(name)) {
        output.put(name, value(input.getValue(name)));
      }
    }
    Object digests = input.getValue(Rfc9901.SD);
    if (digests == null) {
      return output;
    }
    if (!(digests instanceof JsonArray array)) {
      throw new VerificationException(ReasonCode.MALFORMED, "_sd must be an array of digests");
    }
    for (Object digest : array) {
      if (!(digest instanceof String text)) {
        throw new VerificationException(ReasonCode.MALFORMED, "_sd holds a digest that is not a string");
      }
      Disclosure disclosure = lookUp(text);
      if (disclosure == null) {
        continue; // a decoy, or a claim the holder did not disclose
      }
      String name = disclosure.claimName().orElseThrow(() -> new VerificationException(ReasonCode.DISCLOSURE_MALFORMED,
          "an array-element disclosure is referenced from an object's _sd"));
      if (topLevel && topLevelRegisteredClaimsProtected && Rfc9901.NEVER_DISCLOSABLE.contains(name)) {
        throw new VerificationException(ReasonCode.DISCLOSURE_OF_REGISTERED_CLAIM,
            "the registered claim '" + name + "' must not be selectively disclosable");
      }
      if (output.containsKey(name)) {
        throw new VerificationException(ReasonCode.DISCLOSURE_OVERWRITES_CLAIM,
            "a disclosure would overwrite the claim '" + name + "'");
      }
      output.put(name, value(disclosure.value()));
    }
    return output;
  }

  private JsonArray array(JsonArray input) {
    JsonArray output = new JsonArray();
    for (int i = 0; i < input.size(); i++) {
      Object element = input.getValue(i);
      if (element instanceof JsonObject object && object.size() == 1 && object.containsKey(Rfc9901.ARRAY_DIGEST)) {
        if (!(object.getValue(Rfc9901.ARRAY_DIGEST) instanceof String digest)) {
          throw new VerificationException(ReasonCode.MALFORMED, "an array digest must be a string");
        }
        Disclosure disclosure = lookUp(digest);
        if (disclosure == null) {
          continue; // a decoy, or an element the holder did not disclose
        }
        if (!disclosure.isArrayElement()) {
          throw new VerificationException(ReasonCode.DISCLOSURE_MALFORMED,
              "an object-property disclosure is referenced from an array element");
        }
        output.add(value(disclosure.value()));
      } else {
        output.add(value(element));
      }
    }
    return output;
  }

  private Object value(Object value) {
    if (value instanceof JsonObject object) {
      return object(object, false);
    }
    if (value instanceof JsonArray array) {
      return array(array);
    }
    return value;
  }

  /** §7.1 step 3.3.3 / 3.4.2: a digest may appear only once in the whole SD-JWT, disclosures included. */
  private Disclosure lookUp(String digest) {
    if (!seenDigests.add(digest)) {
      throw new VerificationException(ReasonCode.DISCLOSURE_DUPLICATE_DIGEST, "the digest " + digest + " appears twice");
    }
    Disclosure disclosure = byDigest.get(digest);
    if (disclosure != null) {
      usedDisclosures.add(digest);
    }
    return disclosure;
  }
}
