package dev.cairn.issuer.reference;

import dev.cairn.issuer.oid4vci.OAuthError;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Deferred issuance (§9), in memory: a Credential Request whose proofs were verified is kept under a
 * {@code transaction_id} until its credentials are ready (the demo issuer's "business process" is waiting one
 * interval). §9.1: the id is invalidated once the credentials were obtained.
 */
final class DeferredTransactions {

  /** A verified request waiting: what to mint, for whom, and when it will be ready. */
  record Pending(MicroCredentialConfiguration configuration, OfferRequest offer, List<ProvenKey> holders,
                 Instant readyAt) {}

  private final Map<String, Pending> pending = new ConcurrentHashMap<>();
  private final ReferenceIssuerConfig config;
  private final Clock clock;

  DeferredTransactions(ReferenceIssuerConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
  }

  String defer(MicroCredentialConfiguration configuration, OfferRequest offer, List<ProvenKey> holders) {
    String transactionId = Secrets.token();
    pending.put(transactionId, new Pending(configuration, offer, List.copyOf(holders),
        clock.instant().plus(config.deferredInterval())));
    return transactionId;
  }

  /**
   * The pending request when it is ready (and then forgotten), empty while it is not; {@code invalid_transaction_id}
   * for an id this issuer never gave or already completed (§9.3).
   */
  Optional<Pending> collect(String transactionId) {
    Pending found = pending.get(transactionId);
    if (found == null) {
      throw new OAuthException(OAuthError.INVALID_TRANSACTION_ID, "unknown or completed transaction_id");
    }
    if (clock.instant().isBefore(found.readyAt())) {
      return Optional.empty();
    }
    return pending.remove(transactionId, found) ? Optional.of(found) : Optional.empty();
  }
}
