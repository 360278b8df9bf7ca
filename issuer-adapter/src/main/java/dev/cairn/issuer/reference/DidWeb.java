package dev.cairn.issuer.reference;

import java.net.URI;

/**
 * did:web spec §"Create": the DID of a host (and path) — the port's colon percent-encoded, each path segment a
 * colon-separated part. A DID without a path has its document at {@code /.well-known/did.json}, one with a path at
 * {@code <path>/did.json}.
 */
final class DidWeb {
  private DidWeb() {}

  static String didOf(URI issuer) {
    StringBuilder did = new StringBuilder("did:web:").append(issuer.getHost());
    if (issuer.getPort() > 0) {
      did.append("%3A").append(issuer.getPort());
    }
    for (String segment : segments(issuer)) {
      did.append(':').append(segment);
    }
    return did.toString();
  }

  /** The absolute path on the host where the document is served. */
  static String documentPath(URI issuer) {
    String[] segments = segments(issuer);
    return segments.length == 0 ? "/.well-known/did.json" : "/" + String.join("/", segments) + "/did.json";
  }

  private static String[] segments(URI issuer) {
    String path = issuer.getRawPath() == null ? "" : issuer.getRawPath().replaceAll("^/+|/+$", "");
    return path.isEmpty() ? new String[0] : path.split("/");
  }
}
