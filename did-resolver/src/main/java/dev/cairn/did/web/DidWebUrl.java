package dev.cairn.did.web;

import dev.cairn.did.Did;
import dev.cairn.did.DidError;
import dev.cairn.did.DidResolutionException;
import dev.cairn.did.fetch.HostForms;
import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * did:web spec §"Read (Resolve)": the method-specific id {@code domain[%3Aport][:path]*} becomes
 * {@code https://domain[:port]/path/did.json}, or {@code https://domain[:port]/.well-known/did.json} without a
 * path. The domain must be a host name: IP addresses are not allowed by the spec, in any of their forms.
 */
public final class DidWebUrl {
  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
  private static final Pattern PATH_SEGMENT = Pattern.compile("[A-Za-z0-9._~-]+");

  private DidWebUrl() {}

  public static URI of(Did did) {
    String[] parts = did.methodSpecificId().split(":", -1);
    String authority = parts[0];
    String host = authority;
    String port = "";
    int portSeparator = authority.toLowerCase(Locale.ROOT).indexOf("%3a");
    if (portSeparator >= 0) {
      host = authority.substring(0, portSeparator);
      port = authority.substring(portSeparator + 3);
      if (!port.matches("[0-9]{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
        throw invalid("the port after %3A must be a number from 1 to 65535");
      }
    }
    host = host.toLowerCase(Locale.ROOT);
    validateHost(host);
    StringBuilder url = new StringBuilder("https://").append(host);
    if (!port.isEmpty()) {
      url.append(':').append(Integer.parseInt(port));
    }
    if (parts.length == 1) {
      url.append("/.well-known");
    }
    for (int i = 1; i < parts.length; i++) {
      String segment = parts[i];
      if (!PATH_SEGMENT.matcher(segment).matches() || segment.equals(".") || segment.equals("..")) {
        throw invalid("did:web path segments are plain names (no '.', '..', '/' or escapes)");
      }
      url.append('/').append(segment);
    }
    return URI.create(url.append("/did.json").toString());
  }

  /**
   * did:web spec §"Create (Register)", the inverse of {@link #of(Did)}: the DID of an https URL's host, port (its
   * colon percent-encoded) and path segments (each a colon-separated part), e.g. a Credential Issuer Identifier's.
   */
  public static String didOf(URI url) {
    if (!"https".equals(url.getScheme()) || url.getHost() == null) {
      throw invalid("a did:web is made from an https URL with a host");
    }
    String host = url.getHost().toLowerCase(Locale.ROOT);
    validateHost(host);
    StringBuilder did = new StringBuilder("did:web:").append(host);
    if (url.getPort() > 0) {
      did.append("%3A").append(url.getPort());
    }
    String path = url.getRawPath() == null ? "" : url.getRawPath().replaceAll("^/+|/+$", "");
    if (!path.isEmpty()) {
      for (String segment : path.split("/")) {
        if (!PATH_SEGMENT.matcher(segment).matches() || segment.equals(".") || segment.equals("..")) {
          throw invalid("did:web path segments are plain names (no '.', '..' or escapes)");
        }
        did.append(':').append(segment);
      }
    }
    return did.toString();
  }

  private static void validateHost(String host) {
    if (host.isEmpty() || host.length() > 253) {
      throw invalid("the domain name is empty or too long");
    }
    String[] labels = host.split("\\.", -1);
    for (String label : labels) {
      if (!LABEL.matcher(label).matches()) {
        throw invalid("'" + host + "' is not a domain name");
      }
    }
    if (HostForms.isAddressLiteral(host)) {
      throw invalid("did:web names a domain, not an IP address");
    }
  }

  private static DidResolutionException invalid(String reason) {
    return new DidResolutionException(DidError.INVALID_DID, reason);
  }
}
