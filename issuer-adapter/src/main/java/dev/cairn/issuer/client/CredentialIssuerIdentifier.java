package dev.cairn.issuer.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * §12.2.1: "a case sensitive URL using the https scheme that contains scheme, host and, optionally, port number and
 * path components, but no query or fragment components"; and §12.2.2's well-known URL built from it.
 */
final class CredentialIssuerIdentifier {
  private CredentialIssuerIdentifier() {}

  /** Why {@code identifier} is not a Credential Issuer Identifier, or empty when it is one. */
  static Optional<String> check(String identifier) {
    try {
      URI uri = new URI(identifier);
      if (!"https".equals(uri.getScheme()) || uri.getHost() == null) {
        return Optional.of("the Credential Issuer Identifier must be an https URL with a host");
      }
      if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
        return Optional.of("the Credential Issuer Identifier has no query, fragment or user info");
      }
      return Optional.empty();
    } catch (URISyntaxException e) {
      return Optional.of("the Credential Issuer Identifier is not a URL");
    }
  }

  /** §12.2.2 / RFC 8414 §3.1: {@code wellKnown} inserted between the host (and port) and the path. */
  static URI wellKnown(String identifier, String wellKnown) {
    URI uri = URI.create(identifier);
    String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
    return URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + wellKnown + path);
  }
}
