package dev.cairn.issuer.reference;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code issuer_state} values of Authorization Code offers (§4.1.1), in memory. The reference issuer has no
 * login: the issuer_state the wallet sends back in the Authorization Request (§5.1.3) is how it knows which learner
 * and achievement the request is about. Spent when an authorization code is issued for it, so one offer authorizes
 * one issuance, like a Pre-Authorized Code.
 */
final class IssuerStates {
  private record Held(OfferRequest offer, Instant expiresAt) {}

  private final Map<String, Held> states = new ConcurrentHashMap<>();
  private final ReferenceIssuerConfig config;
  private final Clock clock;

  IssuerStates(ReferenceIssuerConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
  }

  /** A new issuer_state for {@code offer}, valid as long as a Pre-Authorized Code would be. */
  String create(OfferRequest offer) {
    Instant now = clock.instant();
    states.values().removeIf(held -> !now.isBefore(held.expiresAt()));
    String state = Secrets.token();
    states.put(state, new Held(offer, now.plus(config.preAuthorizedCodeLifetime())));
    return state;
  }

  Instant expiresAt(String state) {
    return states.get(state).expiresAt();
  }

  /** The offer behind a known, unexpired issuer_state; it stays usable. */
  Optional<OfferRequest> find(String state) {
    Held held = state == null ? null : states.get(state);
    return held == null || !clock.instant().isBefore(held.expiresAt()) ? Optional.empty() : Optional.of(held.offer());
  }

  /** True once, for the request that gets the authorization code; false when it was spent or expired meanwhile. */
  boolean spend(String state) {
    Held held = states.remove(state);
    return held != null && clock.instant().isBefore(held.expiresAt());
  }
}
