package dev.cairn.issuer.reference;

import dev.cairn.credentials.status.StatusListDocuments;
import io.vertx.core.json.JsonObject;

/**
 * Where one issued credential's status lives: an index in the Token Status List (SD-JWT VC) or in the Bitstring
 * revocation list (W3C formats), and the claim that points there.
 */
record StatusReference(boolean tokenStatusList, String listUri, long index) {

  /**
   * SD-JWT VC: the {@code status} claim (Token Status List §6.1). W3C: one {@code BitstringStatusListEntry} for
   * {@code credentialStatus} (Bitstring Status List §2.1).
   */
  JsonObject claim() {
    return tokenStatusList ? StatusListDocuments.statusClaim(listUri, index)
        : StatusListDocuments.bitstringStatusListEntry(listUri, StatusListDocuments.REVOCATION, index);
  }
}
