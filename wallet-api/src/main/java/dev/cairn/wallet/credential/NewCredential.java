package dev.cairn.wallet.credential;

import dev.cairn.credentials.VerificationResult;
import dev.cairn.credentials.VerifiedCredential;
import dev.cairn.credentials.display.CredentialDisplay;
import dev.cairn.credentials.display.CredentialDisplays;
import dev.cairn.wallet.holder.HolderKey;
import io.vertx.core.json.JsonArray;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * A verified credential ready to be stored: the original bytes and their SHA-256 (how a second import of the
 * same credential is recognised), what verification found, the display data, the holder binding, and the
 * search document. CPU work (display extraction): built on a worker.
 */
record NewCredential(UUID id, UUID accountId, String contentHash, IncomingCredential incoming,
                     VerifiedCredential credential, String mediaType, String title, CredentialDisplay display,
                     String listStatus, JsonArray checks, JsonArray warnings, HolderBinding binding,
                     SearchDocument search, Instant importedAt) {

  static NewCredential of(UUID accountId, IncomingCredential incoming, VerificationResult result,
                          List<HolderKey> holderKeys, Instant now) {
    VerifiedCredential credential = result.credential().orElseThrow();
    CredentialDisplay display = CredentialDisplays.of(credential);
    String title = display.title().orElseGet(() -> fallbackTitle(credential));
    HolderBinding binding = HolderBinding.of(credential, holderKeys);
    return new NewCredential(UUID.randomUUID(), accountId, contentHash(incoming.original()), incoming, credential,
        incoming.mediaType(credential.format()), title, display, WalletStatus.listStatusOf(result),
        VerificationProblems.checks(result), CredentialWarnings.atImport(result, binding), binding, SearchDocument.of(title, display), now);
  }

  static String contentHash(byte[] original) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(original));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** No name anywhere: the most specific type (an SD-JWT VC's vct), never empty. */
  private static String fallbackTitle(VerifiedCredential credential) {
    List<String> types = credential.types().stream().filter(type -> !type.equals("VerifiableCredential")).toList();
    return types.isEmpty() ? "Credential" : types.get(types.size() - 1);
  }
}
