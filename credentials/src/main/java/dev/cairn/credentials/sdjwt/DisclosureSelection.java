package dev.cairn.credentials.sdjwt;

import dev.cairn.credentials.dcql.ClaimsPath;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The holder's choice of disclosures (RFC 9901 §5, §4.3): the issuer-signed JWT with exactly the disclosures that
 * reveal the chosen claims. Claims are concrete claims paths (keys and array indices, OpenID4VP 1.0 §7), so a claim
 * name is matched whole: {@code ["address.street"]} never reaches {@code ["address", "street"]}.
 *
 * <p>A chosen claim is revealed with everything beneath it, and the disclosures of its parents are kept so that it
 * can be reached. Array positions count the elements as the holder sees them with every disclosure it holds applied
 * (decoy digests, RFC 9901 §4.2.5, and elements whose disclosure the holder lacks take no position), which is how the
 * wallet's claims, and therefore DCQL's concrete paths, are indexed.
 */
public final class DisclosureSelection {
  private DisclosureSelection() {}

  /** {@code <issuer-jwt>~<disclosure>~…~} with the chosen disclosures, in their issued order, and no KB-JWT. */
  public static String present(String issued, Collection<ClaimsPath> claims) {
    SdJwt sdJwt = SdJwt.parse(issued);
    JsonObject payload = new JsonObject(sdJwt.issuerJwt().getPayload().toString());
    HashAlgorithm algorithm = HashAlgorithm.of(payload.getValue(Rfc9901.SD_ALG));
    Map<String, Disclosure> byDigest = new HashMap<>();
    sdJwt.disclosures().forEach(disclosure -> byDigest.put(disclosure.digest(algorithm), disclosure));
    Map<String, ClaimsPath> located = new HashMap<>();
    locate(payload, List.of(), byDigest, located);
    StringBuilder out = new StringBuilder(sdJwt.issuerJwt().serialize()).append(Rfc9901.SEPARATOR);
    for (Disclosure disclosure : sdJwt.disclosures()) {
      ClaimsPath path = located.get(disclosure.encoded());
      if (path != null && claims.stream().anyMatch(chosen -> chosen.covers(path) || path.covers(chosen))) {
        out.append(disclosure.encoded()).append(Rfc9901.SEPARATOR);
      }
    }
    return out.toString();
  }

  /** Records the claims path of every disclosure reachable from {@code value}, keyed by its encoded form. */
  private static void locate(Object value, List<Object> path, Map<String, Disclosure> byDigest,
                             Map<String, ClaimsPath> into) {
    if (value instanceof JsonObject object) {
      for (String name : object.fieldNames()) {
        if (!Rfc9901.SD.equals(name)) {
          locate(object.getValue(name), append(path, name), byDigest, into);
        }
      }
      if (object.getValue(Rfc9901.SD) instanceof JsonArray digests) {
        for (Object digest : digests) {
          Disclosure disclosure = byDigest.get(String.valueOf(digest));
          if (disclosure != null && disclosure.claimName().isPresent()) {
            reached(disclosure, append(path, disclosure.claimName().get()), byDigest, into);
          }
        }
      }
    } else if (value instanceof JsonArray array) {
      int position = 0;
      for (Object element : array) {
        if (element instanceof JsonObject object && object.size() == 1
            && object.getValue(Rfc9901.ARRAY_DIGEST) instanceof String digest) {
          Disclosure disclosure = byDigest.get(digest);
          if (disclosure == null || !disclosure.isArrayElement()) {
            continue; // a decoy, or an element the holder cannot disclose: not in the holder's view
          }
          reached(disclosure, append(path, position), byDigest, into);
        } else {
          locate(element, append(path, position), byDigest, into);
        }
        position++;
      }
    }
  }

  private static void reached(Disclosure disclosure, List<Object> path, Map<String, Disclosure> byDigest,
                              Map<String, ClaimsPath> into) {
    into.put(disclosure.encoded(), ClaimsPath.of(path.toArray()));
    locate(disclosure.value(), path, byDigest, into);
  }

  private static List<Object> append(List<Object> path, Object component) {
    List<Object> longer = new ArrayList<>(path.size() + 1);
    longer.addAll(path);
    longer.add(component);
    return longer;
  }
}
