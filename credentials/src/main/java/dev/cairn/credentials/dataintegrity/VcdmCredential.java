package dev.cairn.credentials.dataintegrity;

import com.nimbusds.jose.jwk.JWK;
import dev.cairn.credentials.CredentialFormat;
import dev.cairn.credentials.ReasonCode;
import dev.cairn.credentials.VerificationException;
import dev.cairn.credentials.VerifiedCredential;
import dev.cairn.credentials.internal.VcdmTypes;
import dev.cairn.credentials.internal.XmlDateTimes;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a JSON-LD credential says, read before any proof is checked: its data model version (by its first
 * {@code @context}), issuer, subject, types and validity window — VCDM 2.0 §4.9 {@code validFrom}/{@code validUntil},
 * VCDM 1.1 §4.6/§4.7 {@code issuanceDate}/{@code expirationDate}.
 *
 * @param vcdm2 the first {@code @context} is VCDM 2.0's (else VCDM 1.1's)
 */
record VcdmCredential(JsonObject json, boolean vcdm2, String issuer, Optional<String> subject, List<String> types,
                      Optional<Instant> validFrom, Optional<Instant> validUntil) {
  static final String VCDM1_CONTEXT = "https://www.w3.org/2018/credentials/v1";
  static final String VCDM2_CONTEXT = "https://www.w3.org/ns/credentials/v2";

  static VcdmCredential read(JsonObject json) {
    Object context = json.getValue("@context");
    Object first = context instanceof JsonArray array && !array.isEmpty() ? array.getValue(0) : context;
    boolean vcdm2 = VCDM2_CONTEXT.equals(first);
    if (!vcdm2 && !VCDM1_CONTEXT.equals(first)) {
      throw new VerificationException(ReasonCode.MALFORMED,
          "a credential's first @context must be " + VCDM2_CONTEXT + " or " + VCDM1_CONTEXT);
    }
    String issuer = id(json.getValue("issuer"), "issuer");
    Optional<Instant> from = XmlDateTimes.read(json.getValue(vcdm2 ? "validFrom" : "issuanceDate"), vcdm2 ? "validFrom" : "issuanceDate");
    Optional<Instant> until = XmlDateTimes.read(json.getValue(vcdm2 ? "validUntil" : "expirationDate"), vcdm2 ? "validUntil" : "expirationDate");
    return new VcdmCredential(json, vcdm2, issuer, subjectId(json.getValue("credentialSubject")),
        VcdmTypes.of(json.getValue("type")), from, until);
  }

  JsonObject withoutProof() {
    JsonObject unsecured = json.copy();
    unsecured.remove("proof");
    return unsecured;
  }

  /**
   * The verified credential. Its issuance time is VCDM 1.1's {@code issuanceDate} (§4.6, which is also when it
   * becomes valid); VCDM 2.0 has no issuance date, only {@code validFrom} (§4.9), so {@code issuedAt} is empty and
   * {@code validFrom} alone says when the credential starts to hold.
   */
  VerifiedCredential verified(CredentialFormat format, Optional<JWK> holderKey) {
    Optional<Instant> issuedAt = vcdm2 ? Optional.empty() : validFrom;
    return new VerifiedCredential(format, issuer, subject, types, issuedAt, validFrom, validUntil, withoutProof(),
        List.of(), holderKey);
  }

  static String id(Object value, String property) {
    if (value instanceof String id && !id.isEmpty()) {
      return id;
    }
    if (value instanceof JsonObject object && object.getValue("id") instanceof String id && !id.isEmpty()) {
      return id;
    }
    throw new VerificationException(ReasonCode.MALFORMED, property + " must be a URL or an object with an id");
  }

  private static Optional<String> subjectId(Object subject) {
    if (subject instanceof JsonObject object && object.getValue("id") instanceof String id) {
      return Optional.of(id);
    }
    if (subject instanceof JsonArray array && array.size() == 1) {
      return subjectId(array.getValue(0));
    }
    return Optional.empty();
  }
}
