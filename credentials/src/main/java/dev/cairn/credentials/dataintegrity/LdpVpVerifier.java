package dev.cairn.credentials.dataintegrity;

import com.nimbusds.jose.jwk.JWK;
import dev.cairn.credentials.Check;
import dev.cairn.credentials.CheckResult;
import dev.cairn.credentials.CredentialFormat;
import dev.cairn.credentials.CryptoPool;
import dev.cairn.credentials.PresentationResult;
import dev.cairn.credentials.ReasonCode;
import dev.cairn.credentials.VerificationException;
import dev.cairn.credentials.VerificationPolicy;
import dev.cairn.credentials.VerificationResult;
import dev.cairn.credentials.internal.Checks;
import dev.cairn.credentials.internal.VcdmTypes;
import dev.cairn.credentials.jose.IssuerKeys;
import dev.cairn.credentials.jsonld.RdfCanonicalizer;
import dev.cairn.did.VerificationRelationship;
import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * VCDM presentations secured with a Data Integrity proof by the holder ({@code ldp_vp}): the proof's purpose is
 * {@code authentication}, its verification method one of the holder's DID, its {@code challenge} and
 * {@code domain} the verifier's nonce and audience (VC Data Integrity 1.0 §2.1, §4.5 steps on challenge and
 * domain); every embedded credential is verified in full as a verifier would, and each one's subject must be the
 * holder when the policy asks for holder binding.
 */
public final class LdpVpVerifier {
  private final IssuerKeys keys;
  private final CryptoPool crypto;
  private final DataIntegrityVerifier credentials;
  private final RdfCanonicalizer canonicalizer;
  private final Clock clock;

  public LdpVpVerifier(IssuerKeys keys, CryptoPool crypto, DataIntegrityVerifier credentials,
                       RdfCanonicalizer canonicalizer, Clock clock) {
    this.keys = keys;
    this.crypto = crypto;
    this.credentials = credentials;
    this.canonicalizer = canonicalizer;
    this.clock = clock;
  }

  public Future<PresentationResult> verify(String json, VerificationPolicy policy) {
    Checks checks = new Checks(CredentialFormat.LDP_VP);
    JsonObject presentation;
    String holder;
    DataIntegrityProof proof;
    RdfcCryptosuite suite;
    List<JsonObject> embedded;
    try {
      presentation = parse(json);
      if (!VcdmTypes.of(presentation.getValue("type")).contains("VerifiablePresentation")) {
        throw new VerificationException(ReasonCode.TYPE_MISSING, "type must include VerifiablePresentation");
      }
      holder = VcdmCredential.id(presentation.getValue("holder"), "holder");
      List<DataIntegrityProof> proofs = DataIntegrityProof.of(presentation.getValue("proof"));
      if (proofs.size() != 1) {
        throw new VerificationException(ReasonCode.MALFORMED, "a presentation carries exactly one holder proof");
      }
      proof = proofs.get(0);
      suite = RdfcCryptosuite.of(proof).orElseThrow(() -> new VerificationException(ReasonCode.CRYPTOSUITE_UNSUPPORTED,
          "a holder proof must be eddsa-rdfc-2022, ecdsa-rdfc-2019 or Ed25519Signature2020, not " + proof.suiteName()));
      ProofChecks.purpose(proof, ProofChecks.AUTHENTICATION);
      ProofChecks.times(proof, clock.instant(), policy.clockSkew());
      embedded = embeddedCredentials(presentation.getValue("verifiableCredential"));
    } catch (VerificationException e) {
      return refused(checks, e);
    }
    checks.passed(Check.SYNTAX, "ldp_vp by " + holder + " with " + embedded.size() + " credential(s)");
    JsonObject unsecured = presentation.copy();
    unsecured.remove("proof");
    return keys.didKey(proof.verificationMethod(), holder, VerificationRelationship.AUTHENTICATION)
        .compose(key -> {
          checks.passed(Check.ISSUER_KEY, "the key is an authentication method of the holder " + holder);
          return crypto.run(() -> {
            challengeAndDomain(proof, policy);
            suite.verify(unsecured, proof, key, canonicalizer, canonicalizer.limits().start());
            checks.passed(Check.SIGNATURE, "the holder's " + suite.suiteName() + " proof verified");
            checks.passed(Check.VALIDITY, proof.expires().map(e -> "the proof is valid until " + e).orElse("the proof has no expiry"));
            return key;
          });
        })
        .compose(key -> verifyCredentials(embedded, policy).map(results -> {
          checks.record(holderBinding(holder, results, policy));
          checks.record(CheckResult.skipped(ReasonCode.NO_STATUS, "presentations have no status; see each credential"));
          checks.passed(Check.TYPE, "VerifiablePresentation");
          return new PresentationResult(checks.format(), checks.all(), Optional.of(holder), results);
        }))
        .recover(failure -> failure instanceof VerificationException e ? refused(checks, e) : Future.failedFuture(failure));
  }

  /** The verifier's nonce as {@code challenge} and its identifier as (one of) the {@code domain} values. */
  private static void challengeAndDomain(DataIntegrityProof proof, VerificationPolicy policy) {
    if (policy.keyBinding().isEmpty()) {
      return;
    }
    VerificationPolicy.KeyBindingRequirement required = policy.keyBinding().get();
    if (!proof.challenge().filter(required.nonce()::equals).isPresent()) {
      throw new VerificationException(ReasonCode.CHALLENGE_MISMATCH, "the proof's challenge is not the nonce this verifier issued");
    }
    // §2.1: domain is a string or an unordered set of strings; the verifier must be one of them.
    if (!proof.domain().contains(required.audience())) {
      throw new VerificationException(ReasonCode.DOMAIN_MISMATCH, "the proof's domain is not this verifier");
    }
  }

  private Future<List<VerificationResult>> verifyCredentials(List<JsonObject> embedded, VerificationPolicy policy) {
    VerificationPolicy asVerifier = policy.forPresentedCredentials();
    List<Future<VerificationResult>> all = new ArrayList<>();
    embedded.forEach(credential -> all.add(credentials.verify(credential, asVerifier)));
    return Future.all(all).map(done -> all.stream().map(Future::result).toList());
  }

  private static CheckResult holderBinding(String holder, List<VerificationResult> results, VerificationPolicy policy) {
    if (policy.keyBinding().isEmpty()) {
      return CheckResult.skipped(ReasonCode.NOT_REQUIRED, "signed by the holder; binding to each subject not required");
    }
    for (int i = 0; i < results.size(); i++) {
      Optional<String> subject = results.get(i).credential().flatMap(credential -> credential.subject());
      if (subject.isEmpty() || !subject.get().equals(holder)) {
        throw new VerificationException(ReasonCode.KEY_BINDING_INVALID,
            "credential " + i + " is about " + subject.orElse("no identified subject") + ", not about the holder " + holder);
      }
    }
    return CheckResult.passed(Check.HOLDER_BINDING, "signed by the holder; every credential's subject is the holder");
  }

  private static List<JsonObject> embeddedCredentials(Object value) {
    List<JsonObject> out = new ArrayList<>();
    JsonArray list = value instanceof JsonArray array ? array : value == null ? new JsonArray() : new JsonArray().add(value);
    for (Object entry : list) {
      if (!(entry instanceof JsonObject credential) || !credential.containsKey("proof")) {
        throw new VerificationException(ReasonCode.UNSUPPORTED_FORMAT,
            "an ldp_vp carries Data Integrity credentials as JSON objects with a proof");
      }
      out.add(credential);
    }
    return out;
  }

  private static JsonObject parse(String json) {
    try {
      return new JsonObject(json);
    } catch (DecodeException e) {
      throw new VerificationException(ReasonCode.MALFORMED, "the presentation is not a JSON object");
    }
  }

  private static Future<PresentationResult> refused(Checks checks, VerificationException failure) {
    return Future.succeededFuture(checks.presentationStoppedBy(failure));
  }

  /**
   * Builds a holder's presentation of {@code credentials}, signed with {@code holderKey} (Ed25519:
   * eddsa-rdfc-2022; P-256/P-384: ecdsa-rdfc-2019) for a verifier's {@code challenge} and {@code domain}.
   */
  public static JsonObject present(String holder, List<JsonObject> credentials, JWK holderKey, String verificationMethod,
                                   String challenge, String domain, java.time.Instant created, RdfCanonicalizer canonicalizer) {
    JsonObject presentation = new JsonObject()
        .put("@context", new JsonArray().add(VcdmCredential.VCDM2_CONTEXT))
        .put("type", new JsonArray().add("VerifiablePresentation"))
        .put("holder", holder)
        .put("verifiableCredential", new JsonArray(new ArrayList<>(credentials)));
    JsonObject options = new JsonObject().put("verificationMethod", verificationMethod)
        .put("proofPurpose", ProofChecks.AUTHENTICATION).put("created", created.toString())
        .put("challenge", challenge).put("domain", domain);
    RdfcCryptosuite suite = holderKey instanceof com.nimbusds.jose.jwk.OctetKeyPair
        ? RdfcCryptosuite.EDDSA_RDFC_2022 : RdfcCryptosuite.ECDSA_RDFC_2019;
    return suite.sign(presentation, options, holderKey, canonicalizer);
  }
}
