package dev.cairn.did.web;

import dev.cairn.did.Did;
import dev.cairn.did.DidDocument;
import dev.cairn.did.DidError;
import dev.cairn.did.DidResolutionException;
import dev.cairn.did.fetch.FetchException;
import dev.cairn.did.fetch.FetchedBody;
import dev.cairn.did.fetch.HardenedFetch;
import dev.cairn.did.internal.BoundedJson;
import io.vertx.core.Future;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * did:web: the document is fetched over HTTPS through the hardened client and must name the DID it was
 * fetched for as its {@code id} (did:web spec §"Read": "the id of the resolved DID document MUST match the
 * did:web DID being resolved").
 */
public final class DidWebMethod {
  static final Set<String> MEDIA_TYPES = Set.of(
      "application/did+json", "application/did+ld+json", "application/json", "application/ld+json");

  /** A fetched and checked document and how long its server lets it be cached. */
  public record Fetched(DidDocument document, Optional<Duration> maxAge) {}

  private final HardenedFetch fetch;

  public DidWebMethod(HardenedFetch fetch) {
    this.fetch = fetch;
  }

  public Future<Fetched> resolve(Did did) {
    URI url;
    try {
      url = DidWebUrl.of(did);
    } catch (DidResolutionException e) {
      return Future.failedFuture(e);
    }
    return fetch.get(url, MEDIA_TYPES)
        .recover(failure -> Future.failedFuture(failure instanceof FetchException fetchFailure
            ? new DidResolutionException(DidError.NOT_FOUND,
                "the DID document could not be fetched: " + fetchFailure.getMessage(), fetchFailure)
            : failure))
        .map(body -> new Fetched(read(did, body), body.maxAge()));
  }

  private static DidDocument read(Did did, FetchedBody body) {
    DidDocument document = body.jsonObject()
        .map(DidDocument::read)
        .orElseThrow(() -> new DidResolutionException(DidError.NOT_FOUND,
            "the DID document is not a JSON object (malformed, or nested deeper than " + BoundedJson.MAX_DEPTH + " levels)"));
    if (!did.toString().equals(document.id())) {
      throw new DidResolutionException(DidError.NOT_FOUND,
          "the DID document's id '" + document.id() + "' is not the DID " + did);
    }
    return document;
  }
}
