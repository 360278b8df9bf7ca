package dev.cairn.issuer.client;

import com.nimbusds.jose.jwk.JWK;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A deferred issuance (§9) the wallet keeps and collects later: where and with which token, the
 * {@code transaction_id}, not before when (§8.3 {@code interval}), and what the credentials must be — the
 * configuration, and the public keys they must be bound to. Holds a bearer token: store it sealed.
 */
public record DeferredCredential(String configurationId, URI deferredEndpoint, String accessToken, String transactionId,
                                 Instant notBefore, List<JWK> holderKeys, Optional<URI> notificationEndpoint,
                                 List<Display> issuerDisplay, List<Display> credentialDisplay, String format) {
  public DeferredCredential {
    holderKeys = List.copyOf(holderKeys);
  }

  DeferredCredential later(Instant next) {
    return new DeferredCredential(configurationId, deferredEndpoint, accessToken, transactionId, next, holderKeys,
        notificationEndpoint, issuerDisplay, credentialDisplay, format);
  }

  @Override
  public String toString() {
    return "DeferredCredential[" + configurationId + " at " + deferredEndpoint + ", not before " + notBefore + "]";
  }
}
