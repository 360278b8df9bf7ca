package dev.cairn.issuer.reference;

import dev.cairn.issuer.oid4vci.OAuthError;
import dev.cairn.issuer.oid4vci.OpenId4Vci;
import io.vertx.core.json.JsonObject;

/**
 * Which grant an operator's offer carries (§4.1.1 {@code grants}): the Pre-Authorized Code with a Transaction Code
 * (the default, as before), or the Authorization Code with an {@code issuer_state}, for which the learner confirms
 * in a browser (§5).
 */
enum OfferGrant {
  PRE_AUTHORIZED_CODE,
  AUTHORIZATION_CODE;

  /** {@code "grant"}: absent or {@code pre-authorized_code}, or {@code authorization_code}. */
  static OfferGrant read(JsonObject body) {
    Object grant = body.getValue("grant");
    if (grant == null || OpenId4Vci.PRE_AUTHORIZED_CODE.equals(grant) || OpenId4Vci.PRE_AUTHORIZED_CODE_GRANT.equals(grant)) {
      return PRE_AUTHORIZED_CODE;
    }
    if (OpenId4Vci.AUTHORIZATION_CODE_GRANT.equals(grant)) {
      return AUTHORIZATION_CODE;
    }
    throw new OAuthException(OAuthError.INVALID_REQUEST, "grant is pre-authorized_code or authorization_code");
  }
}
