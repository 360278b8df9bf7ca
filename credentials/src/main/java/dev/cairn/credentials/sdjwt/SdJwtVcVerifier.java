package dev.cairn.credentials.sdjwt;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.jwk.JWK;
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
import dev.cairn.credentials.internal.JwtClaims;
import dev.cairn.credentials.internal.Validity;
import dev.cairn.credentials.jose.IssuerKeys;
import dev.cairn.credentials.jose.JwsSignatures;
import dev.cairn.credentials.status.StatusChecker;
import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies an SD-JWT VC (draft-ietf-oauth-sd-jwt-vc over RFC 9901 §7): shape, typ, algorithm, issuer key,
 * signature, disclosures, validity, status, holder binding and vct, in that order, each recorded.
 */
public final class SdJwtVcVerifier {
  private static final Set<JOSEObjectType> TYPES =
      Set.of(new JOSEObjectType(Rfc9901.DC_SD_JWT), new JOSEObjectType(Rfc9901.VC_SD_JWT));

  private final IssuerKeys issuerKeys;
  private final CryptoPool crypto;
  private final StatusChecker status;
  private final Clock clock;

  public SdJwtVcVerifier(IssuerKeys issuerKeys, CryptoPool crypto, StatusChecker status, Clock clock) {
    this.issuerKeys = issuerKeys;
    this.crypto = crypto;
    this.status = status;
    this.clock = clock;
  }

  public Future<VerificationResult> verify(String presented, VerificationPolicy policy) {
    Checks checks = new Checks(CredentialFormat.SD_JWT_VC);
    SdJwt sdJwt;
    JsonObject claims;
    try {
      sdJwt = SdJwt.parse(presented.trim());
      if (!TYPES.contains(sdJwt.issuerJwt().getHeader().getType())) {
        throw new VerificationException(ReasonCode.MALFORMED, "an SD-JWT VC's typ is dc+sd-jwt (or vc+sd-jwt), not "
            + sdJwt.issuerJwt().getHeader().getType());
      }
      // The payload exactly as signed, parsed once, as a JSON tree every later stage reads. Decoded with java.util's
      // decoder: Nimbus's Payload.toString() decodes in constant time, a defence for secrets that a public payload
      // does not need and that cost about a tenth of a mixed load's CPU (docs/performance.md).
      claims = new JsonObject(new String(Base64.getUrlDecoder().decode(sdJwt.issuerJwt().getParsedParts()[1].toString()),
          StandardCharsets.UTF_8));
      if (!(claims.getValue("iss") instanceof String)) {
        throw new VerificationException(ReasonCode.MALFORMED, "an SD-JWT VC must have iss");
      }
      JwsSignatures.checkHeader(sdJwt.issuerJwt().getHeader());
    } catch (VerificationException e) {
      return Future.succeededFuture(checks.stoppedBy(e));
    } catch (DecodeException | ClassCastException | IllegalArgumentException e) {
      return Future.succeededFuture(checks.stoppedBy(new VerificationException(ReasonCode.MALFORMED,
          "the issuer-signed JWT's payload is not a JSON object")));
    }
    SdJwt parsed = sdJwt;
    JsonObject payload = claims;
    String issuer = payload.getString("iss");
    // cnf is never selectively disclosable, so a holder key by reference can be resolved before processing.
    Optional<String> holderKid = HolderKeys.kid(payload.getValue(Rfc9901.CNF));
    Future<Optional<JWK>> referencedHolderKey = holderKid.isPresent() && policy.keyBinding().isPresent()
        ? issuerKeys.holderKey(holderKid.get()).map(Optional::of)
        : Future.succeededFuture(Optional.empty());
    return issuerKeys.keyFor(parsed.issuerJwt().getHeader(), issuer)
        .compose(key -> referencedHolderKey.compose(holderKey -> {
          checks.passed(Check.ISSUER_KEY, "the key is an assertion method of " + issuer);
          // All CPU work — both signatures, the digests — in one hop to the crypto pool, off the event loop.
          return crypto.run(() -> {
            JwsSignatures.verify(parsed.issuerJwt(), key);
            return finish(parsed, payload, holderKey, policy, checks);
          });
        }))
        .compose(credential -> status.tokenStatus(credential.claims().getValue("status"), credential.issuer())
            .map(statusResult -> checks.record(statusResult).completed(credential)))
        .recover(failure -> failure instanceof VerificationException e
            ? Future.succeededFuture(checks.stoppedBy(e))
            : Future.failedFuture(failure));
  }

  /** Everything but the status (which may need a fetch); CPU-bound, run on the crypto pool. */
  private VerifiedCredential finish(SdJwt sdJwt, JsonObject raw, Optional<JWK> referencedHolderKey,
                                    VerificationPolicy policy, Checks checks) {
    checks.passed(Check.SIGNATURE, sdJwt.issuerJwt().getHeader().getAlgorithm() + " signature verified");
    HashAlgorithm algorithm = HashAlgorithm.of(raw.getValue(Rfc9901.SD_ALG));
    JsonObject processed = DisclosureProcessor.process(raw, sdJwt.disclosures(), true);
    checks.passed(Check.SYNTAX, sdJwt.disclosures().size() + " disclosure(s) verified against their digests");
    Instant now = clock.instant();
    Optional<Instant> notBefore = JwtClaims.numericDate(raw, "nbf");
    Optional<Instant> expires = JwtClaims.numericDate(raw, "exp");
    checks.record(Validity.check(notBefore, expires, now, policy.clockSkew()));
    Optional<JWK> holderKey = referencedHolderKey.isPresent() || HolderKeys.kid(processed.getValue(Rfc9901.CNF)).isPresent()
        ? referencedHolderKey : HolderKeys.fromCnf(processed.getValue(Rfc9901.CNF));
    if (policy.keyBinding().isPresent()) {
      JWK key = holderKey.orElseThrow(() -> new VerificationException(ReasonCode.KEY_BINDING_INVALID,
          "key binding is required but the credential has no cnf key"));
      KeyBinding.verify(sdJwt, key, algorithm, policy.keyBinding().get(), now, policy.clockSkew());
      checks.passed(Check.HOLDER_BINDING, "KB-JWT verified with the cnf key");
    } else {
      boolean bound = processed.containsKey(Rfc9901.CNF);
      checks.record(CheckResult.skipped(bound ? ReasonCode.NOT_REQUIRED : ReasonCode.NO_HOLDER_KEY,
          bound ? "key binding not required by this verification" : "the credential has no cnf key"));
    }
    Object vct = processed.getValue("vct");
    if (!(vct instanceof String type) || type.isEmpty()) {
      throw new VerificationException(ReasonCode.TYPE_MISSING, "an SD-JWT VC must have a vct string");
    }
    checks.passed(Check.TYPE, "vct " + type);
    return new VerifiedCredential(CredentialFormat.SD_JWT_VC, raw.getString("iss"),
        Optional.ofNullable(processed.getValue("sub") instanceof String sub ? sub : null), List.of(type),
        JwtClaims.numericDate(raw, "iat"), notBefore, expires, processed, sdJwt.disclosures(), holderKey);
  }


}
