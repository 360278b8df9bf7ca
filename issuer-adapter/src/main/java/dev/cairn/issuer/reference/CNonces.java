package dev.cairn.issuer.reference;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code c_nonce} values from the Nonce Endpoint (§7), in memory. Each is usable once, within its lifetime: a
 * Credential Request consumes the nonce its proofs carry, so a replayed proof is {@code invalid_nonce} (§13.5).
 */
final class CNonces {
  private final Map<String, Instant> expiries = new ConcurrentHashMap<>();
  private final ReferenceIssuerConfig config;
  private final Clock clock;

  CNonces(ReferenceIssuerConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
  }

  String issue() {
    Instant now = clock.instant();
    expiries.values().removeIf(expiry -> !now.isBefore(expiry)); // expired nonces never come back
    String nonce = Secrets.token();
    expiries.put(nonce, now.plus(config.nonceLifetime()));
    return nonce;
  }

  /** True once for a nonce this issuer gave out and that has not expired; false for any later use. */
  boolean consume(String nonce) {
    Instant expiry = expiries.remove(nonce);
    return expiry != null && clock.instant().isBefore(expiry);
  }
}
