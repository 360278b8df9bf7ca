package dev.cairn.issuer.client;

import java.net.URI;
import java.util.List;

/**
 * An Authorization Request the wallet sent (§5.1) and must remember until the browser comes back: the URL the app
 * opens, and the secrets that finish the grant — {@code state} (RFC 6749 §10.12) and the PKCE {@code code_verifier}
 * (RFC 7636). The wallet keeps it sealed; it is single use.
 *
 * @param authorizationServer the issuer identifier of the Authorization Server that was asked (RFC 9207 {@code iss})
 */
public record PendingAuthorization(URI authorizationUrl, String authorizationServer, String clientId, URI redirectUri,
                                   String state, String codeVerifier, List<String> configurationIds,
                                   boolean pushed) {
  public PendingAuthorization {
    configurationIds = List.copyOf(configurationIds);
  }
}
