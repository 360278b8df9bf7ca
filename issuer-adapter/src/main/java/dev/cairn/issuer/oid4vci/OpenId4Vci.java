package dev.cairn.issuer.oid4vci;

/**
 * Names of OpenID for Verifiable Credential Issuance 1.0 (openid-4-verifiable-credential-issuance-1_0), in one
 * place, with the section that defines each. Both the wallet client and the reference issuer speak through these.
 */
public final class OpenId4Vci {
  /** §4.1.1: the grant type of the Pre-Authorized Code Flow. */
  public static final String PRE_AUTHORIZED_CODE_GRANT = "urn:ietf:params:oauth:grant-type:pre-authorized_code";
  /** §4.1.1 / RFC 6749 §4.1: the grant type of the Authorization Code Flow. */
  public static final String AUTHORIZATION_CODE_GRANT = "authorization_code";
  /** §4.1.1 / §5.1.3: the offer's opaque value the wallet returns in the Authorization Request. */
  public static final String ISSUER_STATE = "issuer_state";
  /** RFC 7636 §4.2: the only code challenge method Cairn sends or accepts. */
  public static final String PKCE_S256 = "S256";
  /** RFC 9126 §2.2: the prefix of a pushed request's {@code request_uri}. */
  public static final String REQUEST_URI_PREFIX = "urn:ietf:params:oauth:request_uri:";
  /** §4.1.1 / §6.1: the Pre-Authorized Code, in the offer and in the Token Request. */
  public static final String PRE_AUTHORIZED_CODE = "pre-authorized_code";
  /** §4.1.1 / §6.1: the Transaction Code description in the offer, its value in the Token Request. */
  public static final String TX_CODE = "tx_code";
  /** §4.1: the two ways a Credential Offer travels. */
  public static final String CREDENTIAL_OFFER = "credential_offer";
  public static final String CREDENTIAL_OFFER_URI = "credential_offer_uri";
  /** §11.1.1: the custom scheme when the Wallet's Credential Offer Endpoint is unknown. */
  public static final String OFFER_SCHEME = "openid-credential-offer";
  /** §12.2.2: where Credential Issuer Metadata lives, inserted between host and path. */
  public static final String ISSUER_METADATA_PATH = "/.well-known/openid-credential-issuer";
  /** RFC 8414 §3: where Authorization Server Metadata lives. */
  public static final String AS_METADATA_PATH = "/.well-known/oauth-authorization-server";
  /** §5.1.1 / RFC 9396: the authorization details type of this specification. */
  public static final String OPENID_CREDENTIAL = "openid_credential";
  /** Appendix F.1: the JOSE typ of a key proof JWT. */
  public static final String PROOF_TYP = "openid4vci-proof+jwt";
  /** §8.2: the proof type whose proofs are JWTs. */
  public static final String PROOF_TYPE_JWT = "jwt";

  /** Appendix A: Credential Format Identifiers. */
  public static final String FORMAT_SD_JWT_VC = "dc+sd-jwt";
  public static final String FORMAT_JWT_VC_JSON = "jwt_vc_json";
  public static final String FORMAT_LDP_VC = "ldp_vc";

  /** §11.2.1 Notification Request events. */
  public static final String CREDENTIAL_ACCEPTED = "credential_accepted";
  public static final String CREDENTIAL_FAILURE = "credential_failure";
  public static final String CREDENTIAL_DELETED = "credential_deleted";

  /** Media types of the exchanges (§7.1, §8.1, §12.2.2). */
  public static final String JSON = "application/json";
  public static final String FORM = "application/x-www-form-urlencoded";

  private OpenId4Vci() {}
}
