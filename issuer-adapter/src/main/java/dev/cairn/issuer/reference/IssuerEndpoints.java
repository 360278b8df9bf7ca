package dev.cairn.issuer.reference;

import dev.cairn.did.Did;
import dev.cairn.did.web.DidWebUrl;

/**
 * The reference issuer's URLs. The router serves absolute paths on its host: the well-known documents are at the
 * host's root with the issuer's path appended (§12.2.2, RFC 8414 §3), everything else under the issuer's path.
 */
record IssuerEndpoints(ReferenceIssuerConfig config) {

  String path() {
    String path = config.issuer().getRawPath();
    return path == null ? "" : path.replaceAll("/+$", "");
  }

  String issuerMetadataPath() {
    return "/.well-known/openid-credential-issuer" + path();
  }

  String authorizationServerMetadataPath() {
    return "/.well-known/oauth-authorization-server" + path();
  }

  /** Where the did:web resolver will look for the issuer's DID document (did:web §"Read"), on this host. */
  String didDocumentPath() {
    return DidWebUrl.of(Did.parse(DidWebUrl.didOf(config.issuer()))).getRawPath();
  }

  String local(String endpoint) {
    return path() + endpoint;
  }

  String url(String endpoint) {
    return config.base() + endpoint;
  }

  static final String TOKEN = "/token";
  static final String NONCE = "/nonce";
  static final String CREDENTIAL = "/credential";
  static final String DEFERRED_CREDENTIAL = "/deferred_credential";
  static final String NOTIFICATION = "/notification";
  static final String PUSHED_AUTHORIZATION_REQUEST = "/par";
  static final String AUTHORIZATION = "/authorize";
  static final String CONSENT = "/authorize/consent";
  static final String OFFERS = "/issuer/offers";
}
