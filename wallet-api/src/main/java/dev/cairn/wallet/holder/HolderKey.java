package dev.cairn.wallet.holder;

import com.nimbusds.jose.jwk.JWK;
import java.time.Instant;
import java.util.UUID;

/**
 * The public side of one of a learner's holder keys: what a credential can be bound to (a {@code cnf} key or a
 * subject DID) and what the learner's app is shown. The private key never leaves {@link HolderKeys}.
 *
 * @param thumbprint the RFC 7638 JWK thumbprint (SHA-256), which is how a {@code cnf.jwk} is matched
 */
public record HolderKey(UUID id, UUID accountId, String algorithm, JWK publicJwk, String thumbprint, String didJwk,
                        String didKey, Instant createdAt) {

  /** Whether a DID or DID URL (a credential subject id, a {@code cnf.kid}) names this key. */
  public boolean isNamedBy(String didOrDidUrl) {
    return names(didJwk, didOrDidUrl) || names(didKey, didOrDidUrl);
  }

  private static boolean names(String did, String candidate) {
    return candidate.equals(did) || candidate.startsWith(did + "#");
  }
}
