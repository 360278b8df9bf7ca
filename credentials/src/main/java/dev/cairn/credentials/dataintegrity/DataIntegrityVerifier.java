package dev.cairn.credentials.dataintegrity;

import dev.cairn.credentials.Check;
import dev.cairn.credentials.CheckResult;
import dev.cairn.credentials.CredentialFormat;
import dev.cairn.credentials.CryptoPool;
import dev.cairn.credentials.ReasonCode;
import dev.cairn.credentials.VerificationException;
import dev.cairn.credentials.VerificationPolicy;
import dev.cairn.credentials.VerificationResult;
import dev.cairn.credentials.VerifiedCredential;
import dev.cairn.credentials.internal.Checks;
import dev.cairn.credentials.internal.TypeCheck;
import dev.cairn.credentials.internal.Validity;
import dev.cairn.credentials.jose.IssuerKeys;
import dev.cairn.credentials.jsonld.RdfCanonicalizer;
import dev.cairn.credentials.status.StatusChecker;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * JSON-LD credentials secured with Data Integrity proofs ({@code ldp_vc}): every proof of the proof set must
 * verify (VC Data Integrity 1.0 §4.5), each with purpose {@code assertionMethod} and a verification method of the
 * issuer's DID; then validity (VCDM 2.0 validFrom/validUntil, VCDM 1.1 issuanceDate/expirationDate), the type
 * rules, and Bitstring Status List. Type rules: the types include VerifiableCredential; a VCDM 2.0 Open Badges 3.0
 * credential (OpenBadgeCredential, AchievementCredential, EndorsementCredential) is checked against 1EdTech's JSON
 * Schema, a failure refused or only reported as {@link VerificationPolicy#schemaConformance()} says. A VCDM 1.1
 * Open Badge is not schema-checked: the bundled schemas are the VCDM 2.0 ones, which reject that shape outright.
 */
public final class DataIntegrityVerifier {
  private final IssuerKeys keys;
  private final CryptoPool crypto;
  private final StatusChecker status;
  private final RdfCanonicalizer canonicalizer;
  private final Clock clock;

  public DataIntegrityVerifier(IssuerKeys keys, CryptoPool crypto, StatusChecker status, RdfCanonicalizer canonicalizer,
                               Clock clock) {
    this.keys = keys;
    this.crypto = crypto;
    this.status = status;
    this.canonicalizer = canonicalizer;
    this.clock = clock;
  }

  public Future<VerificationResult> verify(JsonObject secured, VerificationPolicy policy) {
    Checks checks = new Checks(CredentialFormat.LDP_VC);
    VcdmCredential credential;
    List<AssertionProofs.Suited> proofs;
    try {
      credential = VcdmCredential.read(secured);
      proofs = AssertionProofs.read(secured, policy, clock.instant());
    } catch (VerificationException e) {
      return Future.succeededFuture(checks.stoppedBy(e));
    }
    checks.passed(Check.SYNTAX, "ldp_vc with " + proofs.size() + " proof(s): "
        + String.join(", ", proofs.stream().map(suited -> suited.proof().suiteName()).toList()));
    return AssertionProofs.keyed(keys, proofs, credential.issuer())
        .compose(keyed -> {
          checks.passed(Check.ISSUER_KEY, "every verification method is an assertion method of " + credential.issuer());
          return crypto.run(() -> {
            JsonObject unsecured = credential.withoutProof();
            AssertionProofs.verify(unsecured, keyed, canonicalizer);
            return finish(credential, unsecured, keyed, policy, checks);
          });
        })
        .compose(verified -> status.bitstringStatus(secured.getValue("credentialStatus"), credential.issuer())
            .map(statusResult -> checks.record(statusResult).completed(verified)))
        .recover(failure -> failure instanceof VerificationException e
            ? Future.succeededFuture(checks.stoppedBy(e))
            : Future.failedFuture(failure));
  }

  private VerifiedCredential finish(VcdmCredential credential, JsonObject unsecured, List<AssertionProofs.Keyed> keyed,
                                    VerificationPolicy policy, Checks checks) {
    checks.passed(Check.SIGNATURE, String.join(", ", keyed.stream()
        .map(proof -> proof.proof().suiteName() + " proof verified").toList()));
    checks.record(Validity.check(credential.validFrom(), credential.validUntil(), clock.instant(), policy.clockSkew()));
    checks.record(CheckResult.skipped(ReasonCode.NOT_REQUIRED,
        "a credential alone proves no holder; holder binding is checked on presentations"));
    checks.record(typeCheck(credential, unsecured, policy));
    return credential.verified(CredentialFormat.LDP_VC, Optional.empty());
  }

  /** The schema sees the claims without {@code proof}: what the issuer's data model describes. */
  private static CheckResult typeCheck(VcdmCredential credential, JsonObject unsecured, VerificationPolicy policy) {
    return credential.vcdm2()
        ? TypeCheck.vcdm2(credential.types(), unsecured, policy.schemaConformance())
        : TypeCheck.vcdm11(credential.types());
  }
}
