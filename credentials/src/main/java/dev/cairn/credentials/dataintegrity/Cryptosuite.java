package dev.cairn.credentials.dataintegrity;

import com.nimbusds.jose.jwk.JWK;
import dev.cairn.credentials.jsonld.Deadline;
import dev.cairn.credentials.jsonld.RdfCanonicalizer;
import io.vertx.core.json.JsonObject;

/** A Data Integrity cryptosuite's Verify Proof algorithm. CPU-bound: callers run it on the crypto pool. */
public interface Cryptosuite {

  /** The suite's name as its spec writes it ({@code eddsa-rdfc-2022}, {@code Ed25519Signature2020}, …). */
  String suiteName();

  /**
   * Verifies {@code proof} over {@code unsecured} (the secured document without its {@code proof}) with the
   * verification method's public {@code key}; returns normally when it verifies, throws a
   * {@link dev.cairn.credentials.VerificationException} with the reason otherwise.
   */
  void verify(JsonObject unsecured, DataIntegrityProof proof, JWK key, RdfCanonicalizer canonicalizer, Deadline deadline);
}
