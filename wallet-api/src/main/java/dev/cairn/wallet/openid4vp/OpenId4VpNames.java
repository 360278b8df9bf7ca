package dev.cairn.wallet.openid4vp;

/**
 * The names OpenID for Verifiable Presentations 1.0 gives the members of an Authorization Request (§5), its
 * Request Object (§5.7, RFC 9101) and its Response (§8). DCQL's own names are in
 * {@link dev.cairn.credentials.dcql.OpenId4Vp}.
 */
public final class OpenId4VpNames {
  /** The custom URL scheme a wallet registers for requests it is shown as a link or a QR code (§13.1.2). */
  public static final String SCHEME = "openid4vp";

  /** §5.2 / RFC 9101 §5.2: the URL the Request Object is fetched from, and whom it is from. */
  public static final String CLIENT_ID = "client_id";
  public static final String REQUEST_URI = "request_uri";
  public static final String REQUEST_URI_METHOD = "request_uri_method";

  /** RFC 9101 §10.2 as used by §5.7: the {@code typ} of a Request Object, and the media type it is served as. */
  public static final String REQUEST_OBJECT_TYP = "oauth-authz-req+jwt";
  public static final String REQUEST_OBJECT_MEDIA_TYPE = "application/oauth-authz-req+jwt";
  /** §5.8: the {@code aud} of a Request Object when the wallet's metadata is not known (static discovery). */
  public static final String STATIC_DISCOVERY_AUDIENCE = "https://self-issued.me/v2";

  /** §5.1 and §5.6 request parameters. */
  public static final String RESPONSE_TYPE = "response_type";
  public static final String RESPONSE_MODE = "response_mode";
  public static final String RESPONSE_URI = "response_uri";
  public static final String NONCE = "nonce";
  public static final String STATE = "state";
  public static final String DCQL_QUERY = "dcql_query";
  public static final String CLIENT_METADATA = "client_metadata";
  /** Cairn's extension: the verifier's reason for asking, shown to the learner (OAuth ignores unknown parameters). */
  public static final String PURPOSE = "purpose";

  /** §5.1: the only response type a presentation request uses here. */
  public static final String VP_TOKEN = "vp_token";
  /** §8.2: the response is POSTed as a form to {@code response_uri}. */
  public static final String DIRECT_POST = "direct_post";
  /** §8.3: as {@code direct_post}, with the parameters in one JWE under {@code response}. */
  public static final String DIRECT_POST_JWT = "direct_post.jwt";
  public static final String RESPONSE = "response";

  /** §5.1 client_metadata members used for response encryption (§8.3). */
  public static final String JWKS = "jwks";
  public static final String ENCRYPTED_RESPONSE_ENC_VALUES_SUPPORTED = "encrypted_response_enc_values_supported";
  public static final String VP_FORMATS_SUPPORTED = "vp_formats_supported";
  public static final String CLIENT_NAME = "client_name";

  /** §8.2: what the verifier may answer the wallet's POST with. */
  public static final String REDIRECT_URI = "redirect_uri";
  public static final String RESPONSE_CODE = "response_code";

  /** §8.5 and RFC 6749 §4.1.2.1 error response parameters. */
  public static final String ERROR = "error";
  public static final String ERROR_DESCRIPTION = "error_description";
  public static final String ACCESS_DENIED = "access_denied";
  public static final String INVALID_REQUEST = "invalid_request";

  private OpenId4VpNames() {}
}
