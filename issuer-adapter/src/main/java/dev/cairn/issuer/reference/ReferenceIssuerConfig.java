package dev.cairn.issuer.reference;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The reference issuer's settings, read once. Every lifetime here is measured on the injected clock.
 *
 * @param issuer                  the Credential Issuer Identifier (§12.2.1): https, host, optional port and path
 * @param name                    the issuer's display name, in metadata and in every credential's issuer profile
 * @param preAuthorizedCodeLifetime §4.1.1: "This code MUST be short lived and single use"
 * @param maxTxCodeAttempts       wrong Transaction Codes tolerated before the Pre-Authorized Code is locked
 * @param accessTokenLifetime     §13.6: tokens longer than five minutes count as long-lived; these are bearer tokens
 * @param nonceLifetime           how long a {@code c_nonce} stays usable (§7.2), single use within it
 * @param proofMaxAge             how old a key proof's {@code iat} may be (Appendix F.4), and, a tenth of it, how far
 *                                in the future
 * @param batchSize               §12.2.4 {@code batch_credential_issuance.batch_size}: most proofs in one request
 * @param deferredInterval        §8.3: the {@code interval} a deferred answer asks the Wallet to wait
 * @param authorizationDetails    whether the Token Endpoint answers {@code authorization_details} with
 *                                {@code credential_identifiers} when the Token Request carries them (§6.2)
 * @param adminToken              when present, {@code POST /issuer/offers} requires it as a bearer token
 */
public record ReferenceIssuerConfig(URI issuer, String name, Duration preAuthorizedCodeLifetime,
                                    int maxTxCodeAttempts, Duration accessTokenLifetime, Duration nonceLifetime,
                                    Duration proofMaxAge, int batchSize, Duration deferredInterval,
                                    boolean authorizationDetails, Optional<String> adminToken) {

  public ReferenceIssuerConfig {
    if (!"https".equals(issuer.getScheme()) || issuer.getHost() == null || issuer.getRawQuery() != null
        || issuer.getRawFragment() != null) {
      throw new IllegalArgumentException("a Credential Issuer Identifier is an https URL without query or fragment");
    }
    if (maxTxCodeAttempts < 1 || batchSize < 2) {
      throw new IllegalArgumentException("at least one tx_code attempt, and a batch_size of 2 or more (§12.2.4)");
    }
  }

  public static ReferenceIssuerConfig defaults(URI issuer) {
    return new ReferenceIssuerConfig(issuer, "Cairn Reference Academy", Duration.ofMinutes(10), 3,
        Duration.ofMinutes(5), Duration.ofMinutes(5), Duration.ofMinutes(5), 5, Duration.ofSeconds(5), true,
        Optional.empty());
  }

  public ReferenceIssuerConfig withAuthorizationDetails(boolean answered) {
    return new ReferenceIssuerConfig(issuer, name, preAuthorizedCodeLifetime, maxTxCodeAttempts, accessTokenLifetime,
        nonceLifetime, proofMaxAge, batchSize, deferredInterval, answered, adminToken);
  }

  public ReferenceIssuerConfig withAdminToken(String token) {
    return new ReferenceIssuerConfig(issuer, name, preAuthorizedCodeLifetime, maxTxCodeAttempts, accessTokenLifetime,
        nonceLifetime, proofMaxAge, batchSize, deferredInterval, authorizationDetails, Optional.of(token));
  }

  /** The identifier without a trailing slash, so endpoint URLs are built by appending a path. */
  public String base() {
    String text = issuer.toString();
    return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
  }
}
