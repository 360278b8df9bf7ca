package dev.cairn.did;

import java.util.regex.Pattern;

/**
 * A DID, as DID Core §3.1 defines its syntax: {@code did:<method-name>:<method-specific-id>}, where the method
 * name is lower-case letters and digits and the method-specific id is (colon-separated) runs of idchars and
 * percent-escapes.
 */
public record Did(String method, String methodSpecificId) {
  private static final Pattern METHOD = Pattern.compile("[a-z0-9]+");
  // DID Core §3.1: idchar = ALPHA / DIGIT / "." / "-" / "_" / pct-encoded; segments joined by ":".
  private static final Pattern METHOD_SPECIFIC_ID =
      Pattern.compile("([A-Za-z0-9._-]|%[0-9A-Fa-f]{2})*(:([A-Za-z0-9._-]|%[0-9A-Fa-f]{2})*)*"
          + "([A-Za-z0-9._-]|%[0-9A-Fa-f]{2})");
  /** Longer DIDs are refused before any regular expression looks at them. */
  public static final int MAX_LENGTH = 4096;

  public Did {
    if (!METHOD.matcher(method).matches()) {
      throw invalid("the method name must be lower-case letters and digits");
    }
    if (!METHOD_SPECIFIC_ID.matcher(methodSpecificId).matches()) {
      throw invalid("the method-specific id has characters a DID may not contain");
    }
  }

  public static Did parse(String text) {
    if (text == null || text.length() > MAX_LENGTH) {
      throw invalid("a DID has at most " + MAX_LENGTH + " characters");
    }
    if (!text.startsWith("did:")) {
      throw invalid("a DID starts with 'did:'");
    }
    int colon = text.indexOf(':', 4);
    if (colon < 0) {
      throw invalid("a DID is did:<method>:<method-specific-id>");
    }
    return new Did(text.substring(4, colon), text.substring(colon + 1));
  }

  @Override
  public String toString() {
    return "did:" + method + ":" + methodSpecificId;
  }

  private static DidResolutionException invalid(String reason) {
    return new DidResolutionException(DidError.INVALID_DID, reason);
  }
}
