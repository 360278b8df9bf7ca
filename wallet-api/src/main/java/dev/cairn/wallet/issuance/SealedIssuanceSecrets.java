package dev.cairn.wallet.issuance;

import dev.cairn.wallet.holder.KeyEncryptionKey;
import dev.cairn.wallet.holder.KeyRing;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Seals what issuance keeps that works as a bearer secret — a Credential Offer's Pre-Authorized Code (§4.1.1), a
 * deferred issuance's access token (§9), an Authorization Request's state and PKCE verifier (§5), a notification
 * handle's access token (§11) — under the key-encryption key, as holder keys are sealed
 * (docs/holder-keys.md): AES-256-GCM, associated data naming the purpose, the learner and the row, so a ciphertext
 * copied onto another row or another learner does not open.
 */
final class SealedIssuanceSecrets {
  /** What a sealed document is, part of its associated data. */
  enum Purpose {
    OFFER("offer"),
    DEFERRAL("deferral"),
    /** A started Authorization Code Flow: its state and PKCE verifier (RFC 6749 §10.12, RFC 7636). */
    AUTHORIZATION("authorization"),
    NOTIFICATION("notification");

    private final String label;

    Purpose(String label) {
      this.label = label;
    }
  }

  /** The ciphertext and the id of the KEK that sealed it, as the row stores them. */
  record Sealed(String kekId, byte[] ciphertext) {}

  private final KeyRing keys;

  SealedIssuanceSecrets(KeyRing keys) {
    this.keys = keys;
  }

  Sealed seal(Purpose purpose, UUID accountId, UUID rowId, JsonObject document) {
    KeyEncryptionKey current = keys.current();
    return new Sealed(current.id(), current.seal(document.encode().getBytes(StandardCharsets.UTF_8),
        associatedData(purpose, accountId, rowId)));
  }

  JsonObject open(Purpose purpose, UUID accountId, UUID rowId, String kekId, byte[] ciphertext) {
    KeyEncryptionKey kek = keys.byId(kekId).orElseThrow(() -> new IllegalStateException(
        "issuance row " + rowId + " is sealed under key-encryption key " + kekId + ", which is not configured"));
    return new JsonObject(new String(kek.open(ciphertext, associatedData(purpose, accountId, rowId)),
        StandardCharsets.UTF_8));
  }

  private static byte[] associatedData(Purpose purpose, UUID accountId, UUID rowId) {
    return ("cairn-issuance/v1/" + purpose.label + "/" + accountId + "/" + rowId).getBytes(StandardCharsets.US_ASCII);
  }
}
