package dev.cairn.did.internal;

import dev.cairn.did.Did;
import dev.cairn.did.DidDocument;
import io.vertx.core.Future;

/** One DID method's Read operation: from a DID of that method to its DID document. */
public interface DidMethod {
  /** The method name, as in {@code did:<name>:…}. */
  String name();

  /** Resolves {@code did}; fails with a {@link dev.cairn.did.DidResolutionException}. */
  Future<DidDocument> resolve(Did did);
}
