package dev.cairn.credentials;

import com.nimbusds.jose.util.Base64URL;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;

/**
 * Tells a credential's format from its bytes: an SD-JWT by its {@code ~} separators, a compact JWS by its
 * {@code typ} (or, for VCDM 1.1, by its {@code vc}/{@code vp} claim), JSON-LD by its {@code proof}. Input that
 * is none of these, or a JWS with {@code alg: none}, is refused with a reason.
 */
public final class FormatDetector {
  private FormatDetector() {}

  public static CredentialFormat detect(String text) {
    String input = text == null ? "" : text.trim();
    if (input.isEmpty()) {
      throw new VerificationException(ReasonCode.UNKNOWN_FORMAT, "the credential is empty");
    }
    if (input.startsWith("{")) {
      return json(input);
    }
    int tilde = input.indexOf('~');
    String compact = tilde > 0 ? input.substring(0, tilde) : input;
    String[] parts = compact.split("\\.", -1);
    if (parts.length != 3) {
      throw new VerificationException(ReasonCode.UNKNOWN_FORMAT, "neither a JWT, an SD-JWT nor a JSON credential");
    }
    if (tilde > 0 && !parts[2].isEmpty()) {
      return CredentialFormat.SD_JWT_VC; // its header (typ, alg) is checked by the SD-JWT VC verifier itself
    }
    JsonObject header = segment(parts[0]);
    if ("none".equals(header.getString("alg")) || parts[2].isEmpty()) {
      throw new VerificationException(ReasonCode.UNSIGNED, "the JWT is not signed (alg none or no signature)");
    }
    if (input.contains("~")) {
      return CredentialFormat.SD_JWT_VC;
    }
    String typ = header.getString("typ");
    if ("vc+jwt".equals(typ)) {
      return CredentialFormat.VC_JWT;
    }
    if ("vp+jwt".equals(typ)) {
      return CredentialFormat.VP_JWT;
    }
    if ("dc+sd-jwt".equals(typ) || "vc+sd-jwt".equals(typ)) {
      return CredentialFormat.SD_JWT_VC; // an SD-JWT without disclosures and without the trailing ~
    }
    JsonObject payload = segment(parts[1]);
    if (payload.containsKey("vc")) {
      return CredentialFormat.JWT_VC_JSON;
    }
    if (payload.containsKey("vp")) {
      return CredentialFormat.JWT_VP_JSON;
    }
    throw new VerificationException(ReasonCode.UNKNOWN_FORMAT,
        "a JWT that is no credential: typ " + typ + " and neither a vc nor a vp claim");
  }

  private static CredentialFormat json(String input) {
    JsonObject document;
    try {
      document = new JsonObject(input);
    } catch (DecodeException e) {
      throw new VerificationException(ReasonCode.MALFORMED, "the credential is not valid JSON");
    }
    if (document.containsKey("proof")) {
      Object type = document.getValue("type");
      boolean presentation = "VerifiablePresentation".equals(type)
          || (type instanceof io.vertx.core.json.JsonArray types && types.contains("VerifiablePresentation"));
      return presentation ? CredentialFormat.LDP_VP : CredentialFormat.LDP_VC;
    }
    throw new VerificationException(ReasonCode.UNSIGNED, "a JSON credential without a proof is not signed");
  }

  private static JsonObject segment(String base64url) {
    try {
      return new JsonObject(new String(new Base64URL(base64url).decode(), StandardCharsets.UTF_8));
    } catch (DecodeException | ClassCastException | IllegalArgumentException e) {
      throw new VerificationException(ReasonCode.MALFORMED, "a JWT segment is not base64url JSON");
    }
  }

}
