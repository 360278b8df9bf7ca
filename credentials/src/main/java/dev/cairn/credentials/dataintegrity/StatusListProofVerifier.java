package dev.cairn.credentials.dataintegrity;

import dev.cairn.credentials.CryptoPool;
import dev.cairn.credentials.VerificationException;
import dev.cairn.credentials.VerificationPolicy;
import dev.cairn.credentials.jose.IssuerKeys;
import dev.cairn.credentials.jsonld.RdfCanonicalizer;
import dev.cairn.credentials.status.StatusListProofs;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;

/**
 * The proofs of a status list credential secured with Data Integrity (eddsa-rdfc-2022, ecdsa-rdfc-2019, …), checked
 * with the same machinery as a credential's ({@link AssertionProofs}): purpose {@code assertionMethod}, time window,
 * an assertion method of the issuer's DID, every signature over the RDFC-1.0 canonical form under the pinned
 * contexts and canonicalization limits. A status list has no holder, so it is checked as a verifier checks a
 * credential (an ecdsa-sd-2023 base proof is refused), with the default clock skew.
 */
public final class StatusListProofVerifier implements StatusListProofs {
  private static final VerificationPolicy AS_VERIFIER = VerificationPolicy.verifying();

  private final IssuerKeys keys;
  private final CryptoPool crypto;
  private final RdfCanonicalizer canonicalizer;
  private final Clock clock;

  public StatusListProofVerifier(IssuerKeys keys, CryptoPool crypto, RdfCanonicalizer canonicalizer, Clock clock) {
    this.keys = keys;
    this.crypto = crypto;
    this.canonicalizer = canonicalizer;
    this.clock = clock;
  }

  @Override
  public <T> Future<T> verify(JsonObject securedList, String issuer, Function<JsonObject, T> read) {
    List<AssertionProofs.Suited> proofs;
    try {
      proofs = AssertionProofs.read(securedList, AS_VERIFIER, clock.instant());
    } catch (VerificationException e) {
      return Future.failedFuture(e);
    }
    return AssertionProofs.keyed(keys, proofs, issuer).compose(keyed -> crypto.run(() -> {
      JsonObject unsecured = securedList.copy();
      unsecured.remove("proof");
      AssertionProofs.verify(unsecured, keyed, canonicalizer);
      return read.apply(unsecured);
    }));
  }
}
