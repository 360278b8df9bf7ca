package dev.cairn.credentials;

/** The credential and presentation formats Cairn recognises, by the names OpenID4VC uses where it has one. */
public enum CredentialFormat {
  /** SD-JWT VC (typ dc+sd-jwt, or vc+sd-jwt during the transition). */
  SD_JWT_VC("dc+sd-jwt"),
  /** VCDM 1.1 credential as a JWT with a {@code vc} claim. */
  JWT_VC_JSON("jwt_vc_json"),
  /** VCDM 1.1 presentation as a JWT with a {@code vp} claim. */
  JWT_VP_JSON("jwt_vp_json"),
  /** VCDM 2.0 secured with JOSE (typ vc+jwt). */
  VC_JWT("vc+jwt"),
  /** VCDM 2.0 presentation secured with JOSE (typ vp+jwt). */
  VP_JWT("vp+jwt"),
  /** VCDM JSON-LD credential secured with Data Integrity proofs. */
  LDP_VC("ldp_vc"),
  /** VCDM JSON-LD presentation secured with a Data Integrity proof by the holder. */
  LDP_VP("ldp_vp");

  private final String identifier;

  CredentialFormat(String identifier) {
    this.identifier = identifier;
  }

  public String identifier() {
    return identifier;
  }

  /** The format whose {@link #identifier()} this is (as stored with a credential). */
  public static java.util.Optional<CredentialFormat> byIdentifier(String identifier) {
    for (CredentialFormat format : values()) {
      if (format.identifier.equals(identifier)) {
        return java.util.Optional.of(format);
      }
    }
    return java.util.Optional.empty();
  }
}
