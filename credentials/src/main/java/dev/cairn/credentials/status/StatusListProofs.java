package dev.cairn.credentials.status;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.function.Function;

/**
 * Verifies the Data Integrity proofs of a status list credential given as JSON-LD (Bitstring Status List v1.0 §3.2,
 * "validate the proof of the status list credential"). The Data Integrity package implements it
 * ({@code dataintegrity.StatusListProofVerifier}); the status checker knows only this interface, so the verifier
 * that asks for a credential's status and the checker that verifies the status list need not know each other.
 */
public interface StatusListProofs {

  /**
   * Checks every proof of {@code securedList}'s proof set: a supported suite, proof purpose
   * {@code assertionMethod}, within its {@code created}/{@code expires} window, made with an assertion method of
   * {@code issuer}'s DID. In the same crypto-pool hop, then calls {@code read} with the list credential without its
   * {@code proof} and completes with what it returns. Fails with a
   * {@link dev.cairn.credentials.VerificationException} naming the first check that failed (or with what
   * {@code read} threw).
   */
  <T> Future<T> verify(JsonObject securedList, String issuer, Function<JsonObject, T> read);
}
