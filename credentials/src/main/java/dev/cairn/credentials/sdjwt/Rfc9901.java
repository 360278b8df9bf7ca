package dev.cairn.credentials.sdjwt;

import java.util.Set;

/** Names and media types of SD-JWT (RFC 9901) and SD-JWT VC (draft-ietf-oauth-sd-jwt-vc), in one place. */
public final class Rfc9901 {
  /** §4.2.4.1: the digests of an object's selectively disclosable properties. */
  public static final String SD = "_sd";
  /** §4.2.4.2: the key of an array element's digest object. */
  public static final String ARRAY_DIGEST = "...";
  /** §4.1.1: the hash algorithm of the digests; sha-256 when absent. */
  public static final String SD_ALG = "_sd_alg";
  /** §4.1.2: the holder's key, in the JWT confirmation claim (RFC 7800). */
  public static final String CNF = "cnf";
  public static final String SEPARATOR = "~";
  /** §4.3: the KB-JWT's typ, and its digest over the presented SD-JWT. */
  public static final String KB_JWT_TYP = "kb+jwt";
  public static final String SD_HASH = "sd_hash";
  /** SD-JWT VC §3.1: the media types of the issuer-signed JWT (vc+sd-jwt during the transition). */
  public static final String DC_SD_JWT = "dc+sd-jwt";
  public static final String VC_SD_JWT = "vc+sd-jwt";
  /** SD-JWT VC §3.2.2.2: claims that must never be selectively disclosed. */
  public static final Set<String> NEVER_DISCLOSABLE = Set.of("iss", "nbf", "exp", "cnf", "vct", "status");

  private Rfc9901() {}
}
