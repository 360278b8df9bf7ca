package dev.cairn.did;

import dev.cairn.did.fetch.HardenedFetch;
import dev.cairn.did.internal.CachingDidResolver;
import io.vertx.core.Future;
import java.time.Clock;

/**
 * Resolves did:key, did:jwk and did:web DIDs and dereferences their verification methods. Every future fails
 * with a {@link DidResolutionException} naming a DID Resolution error and a specific reason. Nothing blocks the
 * calling thread; did:web documents are fetched through the {@link HardenedFetch} and cached.
 */
public interface DidResolver {

  /** The DID document of {@code did}, with did:key keys in their default (Multikey) form. */
  Future<DidDocument> resolve(Did did);

  /** As {@link #resolve(Did)}, presenting did:key keys in {@code format}. */
  Future<DidDocument> resolve(Did did, PublicKeyFormat format);

  /**
   * The verification method a DID URL names by its fragment, checked for use as {@code relationship}: the
   * document must list it under that relationship (DID Core §5.3), its controller must be the DID, and its key
   * must decode. Issuers' keys are asked for as {@code ASSERTION_METHOD}, holders' as {@code AUTHENTICATION}.
   */
  Future<ResolvedVerificationMethod> verificationMethod(String didUrl, VerificationRelationship relationship);

  static DidResolver create(HardenedFetch fetch, Clock clock) {
    return new CachingDidResolver(fetch, clock);
  }
}
