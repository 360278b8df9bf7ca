package dev.cairn.issuer.reference;

import dev.cairn.issuer.oid4vci.OAuthError;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pre-Authorized Codes (§4.1.1, §6.1) with their Transaction Codes, in memory. A code is single use: redeeming it
 * removes it, so a replay is {@code invalid_grant}. A wrong Transaction Code counts an attempt; at the limit the code
 * is locked — removed — so guessing a 6-digit PIN takes more offers than anyone will be given (§13.4.1).
 */
final class PreAuthorizedGrants {
  static final int TX_CODE_LENGTH = 6;

  /** An offer waiting to be redeemed. */
  record Grant(String code, String txCode, OfferRequest offer, Instant expiresAt, int failedAttempts) {
    Grant failedOnce() {
      return new Grant(code, txCode, offer, expiresAt, failedAttempts + 1);
    }
  }

  private final Map<String, Grant> grants = new ConcurrentHashMap<>();
  private final ReferenceIssuerConfig config;
  private final Clock clock;

  PreAuthorizedGrants(ReferenceIssuerConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
  }

  Grant create(OfferRequest offer) {
    Grant grant = new Grant(Secrets.token(), Secrets.digits(TX_CODE_LENGTH), offer,
        clock.instant().plus(config.preAuthorizedCodeLifetime()), 0);
    grants.put(grant.code(), grant);
    return grant;
  }

  /**
   * §6.1 Token Request: the offer behind {@code code} when {@code txCode} is its Transaction Code; the code is then
   * spent. §6.3: a missing tx_code is {@code invalid_request}; a wrong one, an unknown, expired, spent or locked code
   * is {@code invalid_grant}.
   */
  OfferRequest redeem(String code, String txCode) {
    if (txCode == null) {
      throw new OAuthException(OAuthError.INVALID_REQUEST, "this offer requires a tx_code");
    }
    Grant[] redeemed = new Grant[1];
    String[] refusal = {"the pre-authorized code is unknown, expired or already used"};
    grants.computeIfPresent(code, (key, grant) -> {
      if (!clock.instant().isBefore(grant.expiresAt())) {
        return null;
      }
      if (!sameCode(grant.txCode(), txCode)) {
        Grant failed = grant.failedOnce();
        boolean locked = failed.failedAttempts() >= config.maxTxCodeAttempts();
        refusal[0] = locked ? "wrong tx_code; the pre-authorized code is now locked"
            : "wrong tx_code (" + (config.maxTxCodeAttempts() - failed.failedAttempts()) + " attempt(s) left)";
        return locked ? null : failed;
      }
      redeemed[0] = grant;
      return null; // single use: a second Token Request with this code finds nothing
    });
    if (redeemed[0] == null) {
      throw new OAuthException(OAuthError.INVALID_GRANT, refusal[0]);
    }
    return redeemed[0].offer();
  }

  /** Compares in constant time, so response timing tells nothing about how many digits matched. */
  private static boolean sameCode(String expected, String given) {
    return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }
}
