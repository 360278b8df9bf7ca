package dev.cairn.issuer.client;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The learner's answer to an offer: the Transaction Code they typed (when asked), and for each configuration they
 * accept, the holder keys to bind it to — one key, or several for a batch (§8.2, at most {@code batch_size}).
 */
public record Acceptance(Optional<String> txCode, Map<String, List<ProofSigner>> keysByConfiguration) {

  public Acceptance {
    Map<String, List<ProofSigner>> copy = new LinkedHashMap<>();
    keysByConfiguration.forEach((id, keys) -> copy.put(id, List.copyOf(keys)));
    keysByConfiguration = java.util.Collections.unmodifiableMap(copy);
  }

  /** Every offered configuration, each bound to {@code key}. */
  public static Acceptance allWith(ResolvedOffer offer, Optional<String> txCode, ProofSigner key) {
    Map<String, List<ProofSigner>> keys = new LinkedHashMap<>();
    offer.offer().credentialConfigurationIds().forEach(id -> keys.put(id, List.of(key)));
    return new Acceptance(txCode, keys);
  }
}
