package dev.cairn.wallet.openid4vp;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * A verifier's {@code client_id} with its Client Identifier Prefix (OpenID4VP 1.0 §5.9). The prefix says how the
 * wallet learns who the verifier is and checks the request came from it. Cairn speaks two of them:
 * <ul>
 *   <li>{@code decentralized_identifier:} (§5.9.3): the rest is a DID; the Request Object MUST be signed with a
 *       key of that DID's document, named by {@code kid} as a DID URL;</li>
 *   <li>{@code redirect_uri:} (§5.9.3): the rest is the URI the response goes to; the request is NOT signed, so
 *       the verifier's identity is only that URI — for development and trusted networks.</li>
 * </ul>
 * Other prefixes ({@code x509_san_dns:}, {@code verifier_attestation:}, ...) are refused with a clear reason.
 */
public record ClientIdentifier(Prefix prefix, String identifier) {

  public enum Prefix {
    DECENTRALIZED_IDENTIFIER("decentralized_identifier"),
    REDIRECT_URI("redirect_uri");

    private final String text;

    Prefix(String text) {
      this.text = text;
    }

    public String text() {
      return text;
    }
  }

  public static ClientIdentifier decentralizedIdentifier(String did) {
    return new ClientIdentifier(Prefix.DECENTRALIZED_IDENTIFIER, did);
  }

  public static ClientIdentifier redirectUri(URI responseUri) {
    return new ClientIdentifier(Prefix.REDIRECT_URI, responseUri.toString());
  }

  /** Reads a {@code client_id}; the reason it cannot be used otherwise. */
  public static ClientIdentifier parse(String clientId) {
    if (clientId == null || clientId.isBlank()) {
      throw new InvalidAuthorizationRequest("invalid_request", "client_id is missing");
    }
    int colon = clientId.indexOf(':');
    String prefix = colon < 0 ? "" : clientId.substring(0, colon);
    String rest = colon < 0 ? clientId : clientId.substring(colon + 1);
    for (Prefix known : Prefix.values()) {
      if (known.text.equals(prefix)) {
        if (known == Prefix.DECENTRALIZED_IDENTIFIER && !rest.startsWith("did:")) {
          throw new InvalidAuthorizationRequest("invalid_client",
              "a decentralized_identifier client_id must name a DID, not '" + rest + "'");
        }
        if (known == Prefix.REDIRECT_URI && !isHttpUri(rest)) {
          throw new InvalidAuthorizationRequest("invalid_client",
              "a redirect_uri client_id must name an https URI, not '" + rest + "'");
        }
        return new ClientIdentifier(known, rest);
      }
    }
    throw new InvalidAuthorizationRequest("invalid_client", "client_id '" + clientId
        + "' uses a Client Identifier Prefix Cairn does not support (decentralized_identifier and redirect_uri are)");
  }

  public Optional<String> did() {
    return prefix == Prefix.DECENTRALIZED_IDENTIFIER ? Optional.of(identifier) : Optional.empty();
  }

  /** The full {@code client_id}, prefix included: also the audience presentations are bound to (Appendix B). */
  public String value() {
    return prefix.text + ":" + identifier;
  }

  @Override
  public String toString() {
    return value();
  }

  private static boolean isHttpUri(String text) {
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null;
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }
}
