package dev.cairn.credentials.dcql;

import static dev.cairn.credentials.dcql.OpenId4Vp.TYPE;
import static dev.cairn.credentials.dcql.OpenId4Vp.VALUES;

import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * A Trusted Authorities Query (OpenID4VP 1.0 §6.1.1): an authority or trust framework that certifies Issuers the
 * Verifier accepts. A credential matches the query when it "matches with one of the provided values in one of the
 * provided types".
 *
 * <p>The spec's types ({@code aki}, {@code etsi_tl}, {@code openid_federation}) need X.509 chains, ETSI Trusted Lists
 * or federation trust chains that Cairn's credentials do not carry, so they are read and kept but not {@link
 * #supported() supported}: no credential can be shown to match them. Cairn adds {@link #CAIRN_ISSUER}, a plain list
 * of accepted issuer identifiers.
 *
 * @param type the Type Identifier
 * @param values the non-empty values whose meaning the type defines
 */
public record TrustedAuthority(String type, List<String> values) {
  /**
   * Cairn's own type, not defined by OpenID4VP: each value is an issuer identifier (the {@code iss} of an SD-JWT VC or
   * JWT, or the {@code issuer} id of a VCDM credential, usually a DID or an https URL), matched by exact string
   * equality against the credential's verified issuer. A URI so that it can never collide with a type a later
   * version of the spec defines.
   */
  public static final String CAIRN_ISSUER = "https://cairn.dev/trusted-authorities/issuer";

  public TrustedAuthority {
    values = List.copyOf(values);
  }

  /** Whether Cairn can decide if a credential matches this entry; only {@link #CAIRN_ISSUER} can be. */
  public boolean supported() {
    return CAIRN_ISSUER.equals(type);
  }

  /** Whether a credential from this issuer matches this entry; never for a type that is not supported. */
  public boolean accepts(String issuer) {
    return supported() && values.contains(issuer);
  }

  static TrustedAuthority parse(Object value, String member) {
    JsonObject json = JsonMembers.object(value, member);
    String type = JsonMembers.nonEmptyString(
        JsonMembers.required(json, TYPE, member), JsonMembers.member(member, TYPE));
    List<String> values = JsonMembers.nonEmptyStrings(
        JsonMembers.required(json, VALUES, member), JsonMembers.member(member, VALUES));
    return new TrustedAuthority(type, values);
  }
}
