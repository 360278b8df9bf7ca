package dev.cairn.credentials.dataintegrity;

import dev.cairn.credentials.ReasonCode;
import dev.cairn.credentials.VerificationException;
import dev.cairn.credentials.VerificationPolicy;
import java.time.Duration;
import java.time.Instant;

/** The checks on a proof that need no key: its suite, purpose and time window (VC Data Integrity 1.0 §4.5). */
final class ProofChecks {
  static final String ASSERTION_METHOD = "assertionMethod";
  static final String AUTHENTICATION = "authentication";

  private ProofChecks() {}

  /**
   * The suite that verifies this proof. An ecdsa-sd-2023 base proof is for its holder only (VC DI ECDSA §3.4:
   * the holder derives a proof for each verifier), so a verifier shown one refuses it.
   */
  static Cryptosuite suiteOf(DataIntegrityProof proof, VerificationPolicy policy) {
    var rdfc = RdfcCryptosuite.of(proof);
    if (rdfc.isPresent()) {
      return rdfc.get();
    }
    if (EcdsaSd2023.handles(proof)) {
      boolean base = EcdsaSd2023.isBaseProof(proof.proofValue());
      if (base && policy.party() == VerificationPolicy.Party.VERIFIER) {
        throw new VerificationException(ReasonCode.BASE_PROOF_PRESENTED,
            "an ecdsa-sd-2023 base proof is for the holder; a verifier must be shown a derived proof");
      }
      return base ? EcdsaSd2023.BASE_PROOF : EcdsaSd2023.DERIVED_PROOF;
    }
    throw new VerificationException(ReasonCode.CRYPTOSUITE_UNSUPPORTED,
        "proof " + proof.suiteName() + " is not one of eddsa-rdfc-2022, ecdsa-rdfc-2019, ecdsa-sd-2023, Ed25519Signature2020");
  }

  static void purpose(DataIntegrityProof proof, String expected) {
    if (!expected.equals(proof.proofPurpose())) {
      throw new VerificationException(ReasonCode.PROOF_PURPOSE_MISMATCH,
          "proofPurpose is " + proof.proofPurpose() + "; " + expected + " is required here");
    }
  }

  /** §4.5: a proof {@code created} in the future, or past its {@code expires}, does not verify. */
  static void times(DataIntegrityProof proof, Instant now, Duration skew) {
    if (proof.created().isPresent() && proof.created().get().isAfter(now.plus(skew))) {
      throw new VerificationException(ReasonCode.PROOF_NOT_YET_VALID, "the proof was created in the future: " + proof.created().get());
    }
    if (proof.expires().isPresent() && !proof.expires().get().isAfter(now.minus(skew))) {
      throw new VerificationException(ReasonCode.PROOF_EXPIRED, "the proof expired at " + proof.expires().get());
    }
  }
}
