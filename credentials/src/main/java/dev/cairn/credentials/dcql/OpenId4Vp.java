package dev.cairn.credentials.dcql;

/**
 * The member names and identifiers of OpenID for Verifiable Presentations 1.0 that DCQL uses, in one place, each
 * with the section that defines it (https://openid.net/specs/openid-4-verifiable-presentations-1_0.html).
 */
public final class OpenId4Vp {
  /** §6: the REQUIRED non-empty array of Credential Queries. */
  public static final String CREDENTIALS = "credentials";
  /** §6: the OPTIONAL non-empty array of Credential Set Queries. */
  public static final String CREDENTIAL_SETS = "credential_sets";

  /** §6.1 Credential Query members. {@code id} is also the Claims Query id of §6.3. */
  public static final String ID = "id";
  public static final String FORMAT = "format";
  public static final String MULTIPLE = "multiple";
  public static final String META = "meta";
  public static final String TRUSTED_AUTHORITIES = "trusted_authorities";
  public static final String REQUIRE_CRYPTOGRAPHIC_HOLDER_BINDING = "require_cryptographic_holder_binding";
  public static final String CLAIMS = "claims";
  public static final String CLAIM_SETS = "claim_sets";

  /** §6.1.1 Trusted Authorities Query members; {@code values} is also the Claims Query member of §6.3. */
  public static final String TYPE = "type";
  public static final String VALUES = "values";
  /** §6.1.1.1: Authority Key Identifier of an X.509 certificate in the Credential's chain. */
  public static final String AKI = "aki";
  /** §6.1.1.2: an ETSI TS 119 612 Trusted List. */
  public static final String ETSI_TL = "etsi_tl";
  /** §6.1.1.3: an OpenID Federation Entity Identifier (usually a Trust Anchor). */
  public static final String OPENID_FEDERATION = "openid_federation";

  /** §6.2 Credential Set Query members. */
  public static final String OPTIONS = "options";
  public static final String REQUIRED = "required";

  /** §6.3 Claims Query: the claims path pointer of §7. */
  public static final String PATH = "path";

  /** Appendix B.1.1: W3C VCs ({@code jwt_vc_json}, {@code ldp_vc}), alternatives of sets of fully expanded types. */
  public static final String TYPE_VALUES = "type_values";
  /** Appendix B.2.3: ISO mdoc, the one allowed doctype. */
  public static final String DOCTYPE_VALUE = "doctype_value";
  /** Appendix B.3.5: IETF SD-JWT VC, the allowed {@code vct} values. */
  public static final String VCT_VALUES = "vct_values";

  /** Appendix B.1.3.1.1: a VCDM credential signed as a JWT, not using JSON-LD. */
  public static final String FORMAT_JWT_VC_JSON = "jwt_vc_json";
  /** Appendix B.1.3.2.1: a VCDM credential secured with Data Integrity, using JSON-LD. */
  public static final String FORMAT_LDP_VC = "ldp_vc";
  /** Appendix B.2: ISO/IEC 18013-5 mdoc. */
  public static final String FORMAT_MSO_MDOC = "mso_mdoc";
  /** Appendix B.3.1: IETF SD-JWT VC. */
  public static final String FORMAT_DC_SD_JWT = "dc+sd-jwt";

  private OpenId4Vp() {}
}
