package dev.cairn.credentials.presentation;

import dev.cairn.credentials.CredentialFormat;
import io.vertx.core.json.JsonObject;
import java.util.Objects;

/**
 * One credential presented for one verifier's request: the value to put in the {@code vp_token} under its Credential
 * Query id (OpenID4VP 1.0 §8.1), and what it discloses.
 *
 * @param format the presentation's format: {@link CredentialFormat#SD_JWT_VC} (an SD-JWT with a KB-JWT),
 *     {@link CredentialFormat#JWT_VP_JSON}, {@link CredentialFormat#VP_JWT} or {@link CredentialFormat#LDP_VP}
 * @param vpTokenEntry a {@code String} (the compact SD-JWT+KB or VP-JWT) or, for ldp_vp, a {@link JsonObject}
 * @param disclosed what the verifier sees of the credential once it has verified the presentation
 */
public record Presentation(CredentialFormat format, Object vpTokenEntry, DisclosedClaims disclosed) {

  public Presentation {
    Objects.requireNonNull(format, "format");
    if (!(vpTokenEntry instanceof String) && !(vpTokenEntry instanceof JsonObject)) {
      throw new IllegalArgumentException("a vp_token entry is a string or a JSON object");
    }
    Objects.requireNonNull(disclosed, "disclosed");
  }

  /** The entry as text: the compact serialization, or the ldp_vp's JSON. */
  public String text() {
    return vpTokenEntry instanceof JsonObject json ? json.encode() : (String) vpTokenEntry;
  }
}
