package dev.cairn.credentials.dataintegrity;

import com.nimbusds.jose.jwk.JWK;
import dev.cairn.credentials.VerificationPolicy;
import dev.cairn.credentials.jose.IssuerKeys;
import dev.cairn.credentials.jsonld.Deadline;
import dev.cairn.credentials.jsonld.RdfCanonicalizer;
import dev.cairn.did.VerificationRelationship;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The proof set of a secured credential, checked as its issuer's assertion (VC Data Integrity 1.0 §4.5 for each
 * proof, §2.1.1 for the set): each proof has a supported suite, purpose {@code assertionMethod} and a current
 * {@code created}/{@code expires} window; its verification method is an assertion method of the issuer's DID; every
 * signature verifies. Shared by credentials ({@link DataIntegrityVerifier}) and status list credentials
 * ({@link StatusListProofVerifier}).
 */
final class AssertionProofs {
  private AssertionProofs() {}

  /** A proof with the suite that checks it. */
  record Suited(DataIntegrityProof proof, Cryptosuite suite) {}

  /** A proof with its suite and the key that made it, ready for the crypto pool. */
  record Keyed(DataIntegrityProof proof, Cryptosuite suite, JWK key) {}

  /** The checks that need no key, on every proof of {@code secured}'s set; throws the first failure. */
  static List<Suited> read(JsonObject secured, VerificationPolicy policy, Instant now) {
    List<Suited> proofs = new ArrayList<>();
    for (DataIntegrityProof proof : DataIntegrityProof.of(secured.getValue("proof"))) {
      proofs.add(new Suited(proof, ProofChecks.suiteOf(proof, policy)));
      ProofChecks.purpose(proof, ProofChecks.ASSERTION_METHOD);
      ProofChecks.times(proof, now, policy.clockSkew());
    }
    return proofs;
  }

  /** Each proof's key: its verification method, resolved under assertionMethod, must belong to {@code issuer}. */
  static Future<List<Keyed>> keyed(IssuerKeys keys, List<Suited> proofs, String issuer) {
    List<Future<Keyed>> keyed = new ArrayList<>();
    for (Suited suited : proofs) {
      keyed.add(keys.didKey(suited.proof().verificationMethod(), issuer, VerificationRelationship.ASSERTION_METHOD)
          .map(key -> new Keyed(suited.proof(), suited.suite(), key)));
    }
    return Future.all(keyed).map(all -> all.<Keyed>list());
  }

  /** Every signature, in one pass (CPU-bound: on the crypto pool); the deadline covers the whole set. */
  static void verify(JsonObject unsecured, List<Keyed> proofs, RdfCanonicalizer canonicalizer) {
    Deadline deadline = canonicalizer.limits().start();
    for (Keyed proof : proofs) {
      proof.suite().verify(unsecured, proof.proof(), proof.key(), canonicalizer, deadline);
    }
  }
}
