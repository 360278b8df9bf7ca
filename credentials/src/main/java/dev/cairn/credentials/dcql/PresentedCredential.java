package dev.cairn.credentials.dcql;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Objects;

/**
 * One Presentation in a VP Token after the verifier has verified it: what the Credential is and which claims it
 * actually disclosed. DCQL is checked against these facts, never against what the wallet claims to have selected.
 *
 * @param format the Credential Format Identifier it was presented in
 * @param types for {@code dc+sd-jwt} the {@code vct}; for W3C VCs the fully expanded types; for {@code mso_mdoc} the
 *     doctype
 * @param issuer the verified issuer identifier
 * @param disclosedClaims the credential's claims as disclosed in this presentation (for SD-JWT VC the payload with
 *     only the presented disclosures applied), rooted at the credential (B.1.2)
 * @param holderBindingVerified whether a Cryptographic Holder Binding proof (KB-JWT, VP proof) was verified
 */
public record PresentedCredential(
    String format, List<String> types, String issuer, JsonObject disclosedClaims, boolean holderBindingVerified) {

  public PresentedCredential {
    Objects.requireNonNull(format, "format");
    types = List.copyOf(types);
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(disclosedClaims, "disclosedClaims");
  }

  CredentialFacts facts() {
    return new CredentialFacts(format, types, issuer, disclosedClaims, holderBindingVerified);
  }
}
