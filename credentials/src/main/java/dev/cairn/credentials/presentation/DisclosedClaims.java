package dev.cairn.credentials.presentation;

import dev.cairn.credentials.dcql.ClaimsPath;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a verifier sees of one credential in a presentation — the wallet shows it to the learner before consent, and
 * it is exactly what the verifier reads after verifying.
 *
 * @param claims the claims that leave, rooted where DCQL claims paths start (OpenID4VP 1.0 §7, B.1.2): for SD-JWT VC
 *     the payload with the presented disclosures applied; for {@code jwt_vc_json} the {@code vc} claim; for
 *     {@code vc+jwt} the credential; for {@code ldp_vc} the credential (as derived, for ecdsa-sd-2023) without
 *     {@code proof}
 * @param selectiveDisclosure whether the format lets the learner withhold any claim (SD-JWT VC, ecdsa-sd-2023); when
 *     false the whole credential leaves whatever was consented
 * @param alwaysDisclosed the concrete paths of the leaves (values, empty objects and arrays) that leave whatever the
 *     learner chooses: claims the issuer made non-disclosable, what the format needs a verifier to see, or, without
 *     selective disclosure, every claim
 */
public record DisclosedClaims(JsonObject claims, boolean selectiveDisclosure, List<ClaimsPath> alwaysDisclosed) {

  public DisclosedClaims {
    Objects.requireNonNull(claims, "claims");
    alwaysDisclosed = List.copyOf(alwaysDisclosed);
  }

  /** Everything in {@code claims} leaves, and nothing can be withheld. */
  static DisclosedClaims whole(JsonObject claims) {
    return new DisclosedClaims(claims, false, leaves(claims));
  }

  /** The concrete path of every leaf of {@code claims}, in document order. */
  static List<ClaimsPath> leaves(JsonObject claims) {
    List<ClaimsPath> out = new ArrayList<>();
    collect(claims, new ArrayList<>(), out);
    return out;
  }

  private static void collect(Object value, List<Object> path, List<ClaimsPath> out) {
    if (value instanceof JsonObject object && !object.isEmpty()) {
      for (String name : object.fieldNames()) {
        path.add(name);
        collect(object.getValue(name), path, out);
        path.remove(path.size() - 1);
      }
    } else if (value instanceof JsonArray array && !array.isEmpty()) {
      for (int i = 0; i < array.size(); i++) {
        path.add(i);
        collect(array.getValue(i), path, out);
        path.remove(path.size() - 1);
      }
    } else if (!path.isEmpty()) {
      out.add(ClaimsPath.of(path.toArray()));
    }
  }
}
