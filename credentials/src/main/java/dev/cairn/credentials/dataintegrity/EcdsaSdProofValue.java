package dev.cairn.credentials.dataintegrity;

import dev.cairn.credentials.ReasonCode;
import dev.cairn.credentials.VerificationException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The two proof values of ecdsa-sd-2023 (VC DI ECDSA 1.0 §3.5.2–§3.5.7): multibase base64url-no-pad ({@code u}) of a
 * three-byte header — {@code d9 5d 00} base, {@code d9 5d 01} derived — and an untagged CBOR array of five components.
 */
final class EcdsaSdProofValue {
  private static final byte[] BASE_HEADER = {(byte) 0xd9, 0x5d, 0x00};
  private static final byte[] DERIVED_HEADER = {(byte) 0xd9, 0x5d, 0x01};

  private EcdsaSdProofValue() {}

  /** The issuer's base proof, for the holder only (§3.5.2 serializeBaseProofValue). */
  record Base(byte[] baseSignature, byte[] publicKey, byte[] hmacKey, List<byte[]> signatures,
              List<String> mandatoryPointers) {}

  /**
   * A holder's derived proof (§3.5.6): {@code labelMap} maps the verifier's canonical labels ({@code c14nN}) to
   * the HMAC labels the issuer signed ({@code u…}); {@code mandatoryIndexes} are positions in the revealed quads.
   */
  record Derived(byte[] baseSignature, byte[] publicKey, List<byte[]> signatures, Map<String, String> labelMap,
                 List<Integer> mandatoryIndexes) {}

  static boolean isBase(String proofValue) {
    byte[] bytes = decodeMultibase(proofValue);
    return startsWith(bytes, BASE_HEADER);
  }

  static String serialize(Base base) {
    List<Object> components = List.of(base.baseSignature(), base.publicKey(), base.hmacKey(),
        List.copyOf(base.signatures()), List.copyOf(base.mandatoryPointers()));
    return encode(BASE_HEADER, components);
  }

  static String serialize(Derived derived) {
    // compressLabelMap (§3.5.4): "c14nN" -> N, "u<b64url>" -> bytes; keys in ascending order.
    Map<Object, Object> compressed = new TreeMap<>();
    derived.labelMap().forEach((canonical, hmac) ->
        compressed.put(Long.parseLong(canonical.substring(4)), Base64.getUrlDecoder().decode(hmac.substring(1))));
    List<Object> indexes = new ArrayList<>(derived.mandatoryIndexes());
    List<Object> components = List.of(derived.baseSignature(), derived.publicKey(), List.copyOf(derived.signatures()),
        new LinkedHashMap<>(compressed), indexes);
    return encode(DERIVED_HEADER, components);
  }

  static Base parseBase(String proofValue) {
    List<?> components = components(proofValue, BASE_HEADER, "base");
    try {
      return new Base((byte[]) components.get(0), (byte[]) components.get(1), (byte[]) components.get(2),
          byteStrings(components.get(3)), texts(components.get(4)));
    } catch (ClassCastException e) {
      throw malformed("an ecdsa-sd-2023 base proof value has components of the wrong type");
    }
  }

  /** parseDerivedProofValue (§3.5.7), with the sizes it requires checked. */
  static Derived parseDerived(String proofValue) {
    List<?> components = components(proofValue, DERIVED_HEADER, "derived");
    try {
      byte[] baseSignature = (byte[]) components.get(0);
      byte[] publicKey = (byte[]) components.get(1);
      List<byte[]> signatures = byteStrings(components.get(2));
      Map<String, String> labelMap = new LinkedHashMap<>();
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) components.get(3)).entrySet()) {
        byte[] label = (byte[]) entry.getValue();
        if (label.length != 32) {
          throw malformed("an ecdsa-sd-2023 label must be 32 bytes");
        }
        labelMap.put("c14n" + (Long) entry.getKey(), "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(label));
      }
      List<Integer> indexes = new ArrayList<>();
      for (Object index : (List<?>) components.get(4)) {
        indexes.add(Math.toIntExact((Long) index));
      }
      if (baseSignature.length != 64 || publicKey.length != 35
          || signatures.stream().anyMatch(signature -> signature.length != 64)) {
        throw malformed("an ecdsa-sd-2023 derived proof has a signature or key of the wrong size");
      }
      return new Derived(baseSignature, publicKey, signatures, labelMap, indexes);
    } catch (ClassCastException | ArithmeticException e) {
      throw malformed("an ecdsa-sd-2023 derived proof value has components of the wrong type");
    }
  }

  private static String encode(byte[] header, List<Object> components) {
    byte[] value = EcdsaSd2023.concat(header, Cbor.encode(components));
    return "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(value);
  }

  private static List<?> components(String proofValue, byte[] header, String kind) {
    byte[] bytes = decodeMultibase(proofValue);
    if (!startsWith(bytes, header)) {
      throw malformed("not an ecdsa-sd-2023 " + kind + " proof value (header)");
    }
    Object decoded;
    try {
      decoded = Cbor.decode(bytes, header.length);
    } catch (IllegalArgumentException e) {
      throw malformed("the ecdsa-sd-2023 proof value is not valid CBOR: " + e.getMessage());
    }
    if (!(decoded instanceof List<?> list) || list.size() != 5) {
      throw malformed("an ecdsa-sd-2023 proof value is an array of five components");
    }
    return list;
  }

  private static byte[] decodeMultibase(String proofValue) {
    if (!proofValue.startsWith("u")) {
      throw malformed("an ecdsa-sd-2023 proofValue is base64url-no-pad multibase (starts with 'u')");
    }
    try {
      return Base64.getUrlDecoder().decode(proofValue.substring(1));
    } catch (IllegalArgumentException e) {
      throw malformed("the proofValue is not valid base64url");
    }
  }

  private static List<byte[]> byteStrings(Object value) {
    List<byte[]> out = new ArrayList<>();
    for (Object item : (List<?>) value) {
      out.add((byte[]) item);
    }
    return out;
  }

  private static List<String> texts(Object value) {
    List<String> out = new ArrayList<>();
    for (Object item : (List<?>) value) {
      out.add((String) item);
    }
    return out;
  }

  private static boolean startsWith(byte[] bytes, byte[] header) {
    if (bytes.length < header.length) {
      return false;
    }
    for (int i = 0; i < header.length; i++) {
      if (bytes[i] != header[i]) {
        return false;
      }
    }
    return true;
  }

  private static VerificationException malformed(String detail) {
    return new VerificationException(ReasonCode.MALFORMED, detail);
  }
}
