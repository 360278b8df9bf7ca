package dev.cairn.credentials.dcql;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Objects;

/**
 * A credential the wallet holds, as DCQL needs to see it: already verified, with the claims the holder can disclose.
 *
 * @param id the wallet's identifier for the credential, echoed in the results
 * @param format its Credential Format Identifier (OpenID4VP 1.0 Appendix B): {@code dc+sd-jwt}, {@code jwt_vc_json},
 *     {@code ldp_vc}, ...
 * @param types for {@code dc+sd-jwt} its {@code vct}; for W3C VCs its types, fully expanded as {@code type_values}
 *     expects (B.1.1: a type no {@code @context} defines stays as written); for {@code mso_mdoc} its doctype
 * @param issuer the verified issuer identifier ({@code iss}, or the VCDM {@code issuer} id)
 * @param claims the claims as the holder sees them with every disclosure applied, rooted where claims path pointers
 *     start: the credential, not a presentation (B.1.2); for {@code jwt_vc_json} the {@code vc} claim, for SD-JWT VC
 *     the processed payload
 * @param cryptographicHolderBinding whether the wallet can present it with a Cryptographic Holder Binding proof
 *     (an SD-JWT VC with a {@code cnf} key the wallet holds; a W3C VC whose subject the wallet can prove in a VP)
 */
public record DcqlCredential(
    String id,
    String format,
    List<String> types,
    String issuer,
    JsonObject claims,
    boolean cryptographicHolderBinding) {

  public DcqlCredential {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(format, "format");
    types = List.copyOf(types);
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(claims, "claims");
  }

  CredentialFacts facts() {
    return new CredentialFacts(format, types, issuer, claims, cryptographicHolderBinding);
  }
}
