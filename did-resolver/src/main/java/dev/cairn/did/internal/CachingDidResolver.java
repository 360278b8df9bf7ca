package dev.cairn.did.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.cairn.did.Did;
import dev.cairn.did.DidDocument;
import dev.cairn.did.DidError;
import dev.cairn.did.DidResolutionException;
import dev.cairn.did.DidResolver;
import dev.cairn.did.DidUrl;
import dev.cairn.did.PublicKeyFormat;
import dev.cairn.did.ResolvedVerificationMethod;
import dev.cairn.did.VerificationMethod;
import dev.cairn.did.VerificationRelationship;
import dev.cairn.did.fetch.FreshnessCache;
import dev.cairn.did.fetch.HardenedFetch;
import dev.cairn.did.jwk.DidJwkMethod;
import dev.cairn.did.key.DidKeyMethod;
import dev.cairn.did.web.DidWebMethod;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;

/**
 * The resolver: did:key and did:jwk are computed from the DID itself (and memoised: they cannot change);
 * did:web documents are fetched and kept in
 * a bounded cache for the time their server's {@code Cache-Control: max-age} allows, clamped to [1 min, 24 h]
 * (1 h when absent); a failure is remembered for 30 s. Concurrent resolutions of one DID share one fetch.
 */
public final class CachingDidResolver implements DidResolver {
  static final Duration MIN_TTL = Duration.ofMinutes(1);
  static final Duration MAX_TTL = Duration.ofHours(24);
  static final Duration DEFAULT_TTL = Duration.ofHours(1);
  static final Duration FAILURE_TTL = Duration.ofSeconds(30);

  private final DidKeyMethod key = new DidKeyMethod();
  private final DidJwkMethod jwk = new DidJwkMethod();
  private final DidWebMethod web;
  private final Clock clock;
  private final FreshnessCache<String, DidDocument> documents;
  /** did:key and did:jwk documents are functions of the DID alone: once built, they are right forever. */
  private final Cache<String, DidDocument> derived = Caffeine.newBuilder().maximumSize(10_000).build();

  public CachingDidResolver(HardenedFetch fetch, Clock clock) {
    this.web = new DidWebMethod(fetch);
    this.clock = clock;
    this.documents = new FreshnessCache<>(clock, 10_000, FAILURE_TTL, failure -> failure instanceof DidResolutionException);
  }

  @Override
  public Future<DidDocument> resolve(Did did) {
    return resolve(did, PublicKeyFormat.MULTIKEY);
  }

  @Override
  public Future<DidDocument> resolve(Did did, PublicKeyFormat format) {
    try {
      return switch (did.method()) {
        case "key" -> Future.succeededFuture(derived.get(format + " " + did, k -> key.document(did, format)));
        case "jwk" -> Future.succeededFuture(derived.get(did.toString(), k -> jwk.document(did)));
        case "web" -> resolveWeb(did);
        default -> Future.failedFuture(new DidResolutionException(DidError.METHOD_NOT_SUPPORTED,
            "did:" + did.method() + " is not supported; Cairn resolves did:key, did:jwk and did:web"));
      };
    } catch (DidResolutionException e) {
      return Future.failedFuture(e);
    }
  }

  @Override
  public Future<ResolvedVerificationMethod> verificationMethod(String didUrl, VerificationRelationship relationship) {
    DidUrl url;
    try {
      url = DidUrl.parse(didUrl);
    } catch (DidResolutionException e) {
      return Future.failedFuture(e);
    }
    if (url.fragment().isEmpty()) {
      return Future.failedFuture(new DidResolutionException(DidError.INVALID_DID,
          "a verification method is named by a DID URL with a fragment (did:…#key)"));
    }
    return resolve(url.did()).map(document -> checked(document, url, relationship));
  }

  private static ResolvedVerificationMethod checked(DidDocument document, DidUrl url,
                                                    VerificationRelationship relationship) {
    String id = url.withoutPathAndQuery();
    VerificationMethod method = document.verificationMethod(id).orElseThrow(() -> new DidResolutionException(
        DidError.NOT_FOUND, "the DID document has no verification method " + id));
    if (!document.lists(relationship, id)) {
      throw new DidResolutionException(DidError.NOT_FOUND,
          "verification method " + id + " is not listed under " + relationship.property());
    }
    if (!method.controller().equals(url.did().toString())) {
      throw new DidResolutionException(DidError.NOT_FOUND,
          "verification method " + id + " is controlled by " + method.controller() + ", not by " + url.did());
    }
    return new ResolvedVerificationMethod(id, method.controller(), method.publicKey());
  }

  private Future<DidDocument> resolveWeb(Did did) {
    return documents.get(did.toString(), () -> web.resolve(did).map(fetched ->
        new FreshnessCache.Fresh<>(fetched.document(), clock.instant().plus(ttl(fetched.maxAge())))));
  }

  static Duration ttl(java.util.Optional<Duration> maxAge) {
    Duration wanted = maxAge.orElse(DEFAULT_TTL);
    return wanted.compareTo(MIN_TTL) < 0 ? MIN_TTL : wanted.compareTo(MAX_TTL) > 0 ? MAX_TTL : wanted;
  }
}
