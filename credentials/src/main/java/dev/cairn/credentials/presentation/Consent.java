package dev.cairn.credentials.presentation;

import dev.cairn.credentials.dcql.ClaimsPath;
import dev.cairn.credentials.presentation.PresentationException.Reason;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The learner's consent, as concrete claims paths (OpenID4VP 1.0 §7: keys and indices, what DCQL matching selects),
 * checked against the credential's claims as the holder sees them before anything is selected: a path that names
 * no claim is a mistake of the caller, never something to disclose around.
 */
final class Consent {
  private Consent() {}

  static void requireIn(JsonObject claims, List<ClaimsPath> consented) {
    for (ClaimsPath path : consented) {
      if (!path.isConcrete()) {
        throw new PresentationException(Reason.CLAIM_NOT_IN_CREDENTIAL,
            "a consented claim is a concrete path of keys and indices, not " + path);
      }
      if (path.select(claims) instanceof ClaimsPath.NotSelected notSelected) {
        throw new PresentationException(Reason.CLAIM_NOT_IN_CREDENTIAL,
            "the consented claim " + path + " is not in the credential: " + notSelected.detail());
      }
    }
  }
}
