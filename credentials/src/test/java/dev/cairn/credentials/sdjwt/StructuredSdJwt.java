package dev.cairn.credentials.sdjwt;

import dev.cairn.credentials.Issuers.DidJwkIssuer;
import dev.cairn.credentials.dcql.ClaimsPath;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Issues SD-JWT VCs with selectively disclosable claims at any depth (RFC 9901 §4.2.4 nested object properties and
 * §4.2.2 array elements), for tests. Each array with a disclosable element also gets decoy digests in front of its
 * elements (§4.2.5), so array positions as issued and as the holder sees them differ.
 */
public final class StructuredSdJwt {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Set<ClaimsPath> disclosable;
  private final List<Disclosure> disclosures = new ArrayList<>();
  private final int arrayDecoys;

  private StructuredSdJwt(Set<ClaimsPath> disclosable, int arrayDecoys) {
    this.disclosable = disclosable;
    this.arrayDecoys = arrayDecoys;
  }

  /** {@code <issuer-jwt>~<disclosure>~…~}, disclosures of children before their parents'. */
  public static String issue(DidJwkIssuer issuer, JsonObject claims, Set<ClaimsPath> disclosable, int arrayDecoys) {
    StructuredSdJwt issuance = new StructuredSdJwt(disclosable, arrayDecoys);
    JsonObject payload = (JsonObject) issuance.conceal(claims, List.of());
    payload.put(Rfc9901.SD_ALG, HashAlgorithm.SHA_256.ianaName());
    StringBuilder out = new StringBuilder(issuer.sign(issuer.header(Rfc9901.DC_SD_JWT).build(), payload));
    out.append(Rfc9901.SEPARATOR);
    issuance.disclosures.forEach(disclosure -> out.append(disclosure.encoded()).append(Rfc9901.SEPARATOR));
    return out.toString();
  }

  private Object conceal(Object value, List<Object> path) {
    if (value instanceof JsonObject object) {
      JsonObject out = new JsonObject();
      List<String> digests = new ArrayList<>();
      for (String name : object.fieldNames()) {
        List<Object> child = append(path, name);
        Object concealed = conceal(object.getValue(name), child);
        if (disclosable.contains(ClaimsPath.of(child.toArray()))) {
          digests.add(keep(Disclosure.objectProperty(name, concealed)));
        } else {
          out.put(name, concealed);
        }
      }
      if (!digests.isEmpty()) {
        Collections.sort(digests);
        out.put(Rfc9901.SD, new JsonArray(new ArrayList<>(digests)));
      }
      return out;
    }
    if (value instanceof JsonArray array) {
      JsonArray out = new JsonArray();
      boolean anyDisclosable = false;
      for (int i = 0; i < array.size(); i++) {
        List<Object> child = append(path, i);
        Object concealed = conceal(array.getValue(i), child);
        if (disclosable.contains(ClaimsPath.of(child.toArray()))) {
          anyDisclosable = true;
          out.add(new JsonObject().put(Rfc9901.ARRAY_DIGEST, keep(Disclosure.arrayElement(concealed))));
        } else {
          out.add(concealed);
        }
      }
      for (int i = 0; anyDisclosable && i < arrayDecoys; i++) {
        out.getList().add(0, new JsonObject().put(Rfc9901.ARRAY_DIGEST, decoy()));
      }
      return out;
    }
    return value;
  }

  private String keep(Disclosure disclosure) {
    disclosures.add(disclosure);
    return disclosure.digest(HashAlgorithm.SHA_256);
  }

  private static String decoy() {
    byte[] random = new byte[32];
    RANDOM.nextBytes(random);
    return HashAlgorithm.SHA_256.digest(Base64.getUrlEncoder().withoutPadding().encodeToString(random));
  }

  private static List<Object> append(List<Object> path, Object component) {
    List<Object> longer = new ArrayList<>(path);
    longer.add(component);
    return longer;
  }
}
