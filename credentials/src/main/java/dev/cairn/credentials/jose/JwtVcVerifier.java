package dev.cairn.credentials.jose;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jwt.SignedJWT;
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
import dev.cairn.credentials.internal.TypeCheck;
import dev.cairn.credentials.internal.Validity;
import dev.cairn.credentials.internal.VcdmTypes;
import dev.cairn.credentials.internal.XmlDateTimes;
import dev.cairn.credentials.status.StatusChecker;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * W3C credentials secured as JWTs:
 * <ul>
 *   <li>VCDM 1.1 {@code jwt_vc_json} (VCDM 1.1 §6.3.1): the credential in the {@code vc} claim, whose properties
 *       must agree with the JWT's registered claims where both are present — iss/issuer, sub/credentialSubject.id,
 *       nbf/issuanceDate, exp/expirationDate, jti/id;</li>
 *   <li>VCDM 2.0 {@code vc+jwt} (VC-JOSE-COSE §3.1.1): the payload is the credential; validFrom/validUntil; the
 *       signing key must be the issuer's; {@code iat}, when present, is the issuance time; an Open Badges 3.0
 *       credential is checked against 1EdTech's JSON Schema as the policy's schema conformance says.</li>
 * </ul>
 */
public final class JwtVcVerifier {
  static final String VCDM2_CONTEXT = "https://www.w3.org/ns/credentials/v2";
  private static final JOSEObjectType VC_JWT = new JOSEObjectType("vc+jwt");

  private final IssuerKeys issuerKeys;
  private final CryptoPool crypto;
  private final StatusChecker status;
  private final Clock clock;

  public JwtVcVerifier(IssuerKeys issuerKeys, CryptoPool crypto, StatusChecker status, Clock clock) {
    this.issuerKeys = issuerKeys;
    this.crypto = crypto;
    this.status = status;
    this.clock = clock;
  }

  /** What a credential JWT says, read and cross-checked before any key is looked up. */
  private record Reading(CredentialFormat format, String issuer, Optional<String> subject, List<String> types,
                         Optional<Instant> validFrom, Optional<Instant> validUntil, Optional<Instant> issuedAt,
                         JsonObject credential) {}

  public Future<VerificationResult> verify(String compact, VerificationPolicy policy) {
    SignedJWT jwt;
    Reading reading;
    try {
      jwt = SignedJWT.parse(compact.trim());
    } catch (ParseException e) {
      return Future.succeededFuture(new Checks(CredentialFormat.VC_JWT).stoppedBy(
          new VerificationException(ReasonCode.MALFORMED, "not a signed compact JWS")));
    }
    CredentialFormat format = VC_JWT.equals(jwt.getHeader().getType()) ? CredentialFormat.VC_JWT : CredentialFormat.JWT_VC_JSON;
    Checks checks = new Checks(format);
    try {
      JwsSignatures.checkHeader(jwt.getHeader());
      reading = format == CredentialFormat.VC_JWT ? readVcdm2(jwt) : readVcdm11(jwt);
    } catch (VerificationException e) {
      return Future.succeededFuture(checks.stoppedBy(e));
    }
    checks.passed(Check.SYNTAX, format.identifier() + " credential");
    SignedJWT signed = jwt;
    Reading read = reading;
    return issuerKeys.keyFor(signed.getHeader(), read.issuer())
        .compose(key -> {
          checks.passed(Check.ISSUER_KEY, "the key is an assertion method of " + read.issuer());
          return crypto.run(() -> {
            JwsSignatures.verify(signed, key);
            return finish(signed, read, policy, checks);
          });
        })
        .compose(credential -> status.bitstringStatus(credential.claims().getValue("credentialStatus"),
                credential.issuer())
            .map(statusResult -> checks.record(statusResult).completed(credential)))
        .recover(failure -> failure instanceof VerificationException e
            ? Future.succeededFuture(checks.stoppedBy(e))
            : Future.failedFuture(failure));
  }

  /** Everything but the status (which may need a fetch); CPU-bound, run on the crypto pool. */
  private VerifiedCredential finish(SignedJWT jwt, Reading read, VerificationPolicy policy, Checks checks) {
    checks.passed(Check.SIGNATURE, jwt.getHeader().getAlgorithm() + " signature verified");
    checks.record(Validity.check(read.validFrom(), read.validUntil(), clock.instant(), policy.clockSkew()));
    checks.record(CheckResult.skipped(ReasonCode.NOT_REQUIRED,
        "a credential alone proves no holder; holder binding is checked on presentations"));
    checks.record(read.format() == CredentialFormat.VC_JWT
        ? TypeCheck.vcdm2(read.types(), read.credential(), policy.schemaConformance())
        : TypeCheck.vcdm11(read.types()));
    return new VerifiedCredential(read.format(), read.issuer(), read.subject(), read.types(),
        read.issuedAt(), read.validFrom(), read.validUntil(), read.credential(), List.of(), Optional.empty());
  }

  private static Reading readVcdm2(SignedJWT jwt) {
    JsonObject credential = payload(jwt);
    JsonArray context = credential.getValue("@context") instanceof JsonArray array ? array : new JsonArray();
    if (context.isEmpty() || !VCDM2_CONTEXT.equals(context.getValue(0))) {
      throw new VerificationException(ReasonCode.MALFORMED, "a vc+jwt payload is a VCDM 2.0 credential: @context must start with "
          + VCDM2_CONTEXT);
    }
    String issuer = issuerId(credential.getValue("issuer"));
    return new Reading(CredentialFormat.VC_JWT, issuer, subjectId(credential), VcdmTypes.of(credential.getValue("type")),
        XmlDateTimes.read(credential.getValue("validFrom"), "validFrom"),
        XmlDateTimes.read(credential.getValue("validUntil"), "validUntil"),
        JwtClaims.numericDate(credential, "iat"), credential);
  }

  private static Reading readVcdm11(SignedJWT jwt) {
    JsonObject payload = payload(jwt);
    if (!(payload.getValue("vc") instanceof JsonObject vc)) {
      throw new VerificationException(ReasonCode.UNKNOWN_FORMAT, "a JWT credential needs typ vc+jwt or a vc claim");
    }
    // VCDM 1.1 §6.3.1: each JWT claim stands for a credential property; where both are present they must agree.
    String vcIssuer = vc.containsKey("issuer") ? issuerId(vc.getValue("issuer")) : null;
    String issuer = agree("iss", JwtClaims.string(payload, "iss").orElse(null), "issuer", vcIssuer);
    if (issuer == null) {
      throw new VerificationException(ReasonCode.MALFORMED, "the credential names no issuer (iss or vc.issuer)");
    }
    String subject = agree("sub", JwtClaims.string(payload, "sub").orElse(null), "credentialSubject.id",
        subjectId(vc).orElse(null));
    agree("jti", JwtClaims.string(payload, "jti").orElse(null), "id", JwtClaims.string(vc, "id").orElse(null));
    Optional<Instant> issuance = XmlDateTimes.read(vc.getValue("issuanceDate"), "issuanceDate");
    Optional<Instant> expiration = XmlDateTimes.read(vc.getValue("expirationDate"), "expirationDate");
    Optional<Instant> nbf = JwtClaims.numericDate(payload, "nbf");
    Optional<Instant> exp = JwtClaims.numericDate(payload, "exp");
    agreeInstant("nbf", nbf, "issuanceDate", issuance);
    agreeInstant("exp", exp, "expirationDate", expiration);
    return new Reading(CredentialFormat.JWT_VC_JSON, issuer, Optional.ofNullable(subject), VcdmTypes.of(vc.getValue("type")),
        nbf.or(() -> issuance), exp.or(() -> expiration), JwtClaims.numericDate(payload, "iat"), vc);
  }

  private static String agree(String claim, String claimValue, String property, String propertyValue) {
    if (claimValue != null && propertyValue != null && !claimValue.equals(propertyValue)) {
      throw new VerificationException(ReasonCode.CLAIMS_DISAGREE,
          "the JWT's " + claim + " (" + claimValue + ") and the credential's " + property + " (" + propertyValue + ") differ");
    }
    return claimValue != null ? claimValue : propertyValue;
  }

  private static void agreeInstant(String claim, Optional<Instant> claimValue, String property, Optional<Instant> value) {
    if (claimValue.isPresent() && value.isPresent()
        && claimValue.get().getEpochSecond() != value.get().getEpochSecond()) {
      throw new VerificationException(ReasonCode.CLAIMS_DISAGREE,
          "the JWT's " + claim + " and the credential's " + property + " differ");
    }
  }

  private static JsonObject payload(SignedJWT jwt) {
    try {
      return new JsonObject(jwt.getPayload().toString());
    } catch (RuntimeException e) {
      throw new VerificationException(ReasonCode.MALFORMED, "the JWT payload is not a JSON object");
    }
  }

  static String issuerId(Object issuer) {
    if (issuer instanceof String id) {
      return id;
    }
    if (issuer instanceof JsonObject object && object.getValue("id") instanceof String id) {
      return id;
    }
    throw new VerificationException(ReasonCode.MALFORMED, "issuer must be a URL or an object with an id");
  }

  private static Optional<String> subjectId(JsonObject credential) {
    Object subject = credential.getValue("credentialSubject");
    if (subject instanceof JsonObject object) {
      return JwtClaims.string(object, "id");
    }
    return Optional.empty();
  }
}
