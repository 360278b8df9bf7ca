package dev.cairn.credentials.jose;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jwt.SignedJWT;
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
import dev.cairn.credentials.internal.JwtClaims;
import dev.cairn.credentials.internal.Validity;
import dev.cairn.did.VerificationRelationship;
import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.text.ParseException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * W3C presentations secured as JWTs, signed by the holder (key under {@code authentication}):
 * <ul>
 *   <li>VCDM 1.1 {@code jwt_vp_json} (VCDM 1.1 §6.3.1): the {@code vp} claim carries JWT credentials; {@code iss}
 *       is the holder, {@code nonce} and {@code aud} bind it to the verifier's request;</li>
 *   <li>VCDM 2.0 {@code vp+jwt} (VC-JOSE-COSE §3.1.2): the payload is the presentation; credentials are
 *       {@code EnvelopedVerifiableCredential}s whose id is a {@code data:application/vc+jwt,…} URL.</li>
 * </ul>
 * Every credential is verified in full, and each one's subject must be the holder: a presentation cannot
 * carry someone else's credentials.
 */
public final class JwtVpVerifier {
  private static final JOSEObjectType VP_JWT = new JOSEObjectType("vp+jwt");
  private static final String ENVELOPED_PREFIX = "data:application/vc+jwt,";

  private final IssuerKeys keys;
  private final CryptoPool crypto;
  private final JwtVcVerifier credentials;
  private final Clock clock;

  public JwtVpVerifier(IssuerKeys keys, CryptoPool crypto, JwtVcVerifier credentials, Clock clock) {
    this.keys = keys;
    this.crypto = crypto;
    this.credentials = credentials;
    this.clock = clock;
  }

  private record Reading(String holder, List<String> credentials, JsonObject claims) {}

  public Future<PresentationResult> verify(String compact, VerificationPolicy policy) {
    SignedJWT jwt;
    try {
      jwt = SignedJWT.parse(compact.trim());
    } catch (ParseException e) {
      return refused(new Checks(CredentialFormat.VP_JWT), new VerificationException(ReasonCode.MALFORMED,
          "not a signed compact JWS"));
    }
    CredentialFormat format = VP_JWT.equals(jwt.getHeader().getType()) ? CredentialFormat.VP_JWT : CredentialFormat.JWT_VP_JSON;
    Checks checks = new Checks(format);
    Reading reading;
    try {
      JwsSignatures.checkHeader(jwt.getHeader());
      JsonObject claims = new JsonObject(jwt.getPayload().toString());
      reading = format == CredentialFormat.VP_JWT ? readVcdm2(claims) : readVcdm11(claims);
    } catch (VerificationException e) {
      return refused(checks, e);
    } catch (DecodeException | ClassCastException e) {
      return refused(checks, new VerificationException(ReasonCode.MALFORMED, "the presentation payload is not a JSON object"));
    }
    checks.passed(Check.SYNTAX, format.identifier() + " presentation with " + reading.credentials().size() + " credential(s)");
    SignedJWT signed = jwt;
    return keys.keyFor(signed.getHeader(), reading.holder(), VerificationRelationship.AUTHENTICATION)
        .compose(key -> {
          checks.passed(Check.ISSUER_KEY, "the key is an authentication method of the holder " + reading.holder());
          return crypto.run(() -> {
            JwsSignatures.verify(signed, key);
            checks.passed(Check.SIGNATURE, "the holder's " + signed.getHeader().getAlgorithm() + " signature verified");
            checkBinding(reading.claims(), policy, checks);
            return reading;
          });
        })
        .compose(read -> verifyCredentials(read.credentials(), policy).map(results -> {
          checks.record(holderIsSubject(read.holder(), results, checks));
          checks.record(CheckResult.skipped(ReasonCode.NO_STATUS, "presentations have no status; see each credential"));
          checks.passed(Check.TYPE, "VerifiablePresentation");
          return new PresentationResult(checks.format(), checks.all(), Optional.of(read.holder()), results);
        }))
        .recover(failure -> failure instanceof VerificationException e ? refused(checks, e) : Future.failedFuture(failure));
  }

  /** Nonce and audience when the policy asks for them (OpenID4VP), and the JWT's own validity window. */
  private void checkBinding(JsonObject claims, VerificationPolicy policy, Checks checks) {
    checks.record(Validity.check(JwtClaims.numericDate(claims, "nbf"), JwtClaims.numericDate(claims, "exp"),
        clock.instant(), policy.clockSkew()));
    if (policy.keyBinding().isEmpty()) {
      return;
    }
    VerificationPolicy.KeyBindingRequirement required = policy.keyBinding().get();
    if (!required.nonce().equals(claims.getValue("nonce"))) {
      throw new VerificationException(ReasonCode.KEY_BINDING_INVALID, "the presentation's nonce is not the one this verifier issued");
    }
    Object aud = claims.getValue("aud");
    boolean audienceMatches = required.audience().equals(aud)
        || (aud instanceof JsonArray list && list.size() == 1 && required.audience().equals(list.getValue(0)));
    if (!audienceMatches) {
      throw new VerificationException(ReasonCode.KEY_BINDING_INVALID, "the presentation's aud is not this verifier");
    }
  }

  private Future<List<VerificationResult>> verifyCredentials(List<String> jwts, VerificationPolicy policy) {
    List<Future<VerificationResult>> all = new ArrayList<>();
    jwts.forEach(jwt -> all.add(credentials.verify(jwt, policy.forPresentedCredentials())));
    return Future.all(all).map(done -> all.stream().map(Future::result).toList());
  }

  private static CheckResult holderIsSubject(String holder, List<VerificationResult> results, Checks checks) {
    for (int i = 0; i < results.size(); i++) {
      Optional<String> subject = results.get(i).credential().flatMap(credential -> credential.subject());
      if (subject.isPresent() && !subject.get().equals(holder)) {
        throw new VerificationException(ReasonCode.KEY_BINDING_INVALID,
            "credential " + i + " is about " + subject.get() + ", not about the holder " + holder);
      }
    }
    return CheckResult.passed(Check.HOLDER_BINDING, "signed by the holder; every credential's subject is the holder");
  }

  private static Reading readVcdm11(JsonObject claims) {
    if (!(claims.getValue("vp") instanceof JsonObject vp)) {
      throw new VerificationException(ReasonCode.UNKNOWN_FORMAT, "a JWT presentation needs typ vp+jwt or a vp claim");
    }
    requireType(vp, "VerifiablePresentation");
    String holder = JwtClaims.string(claims, "iss").orElse(null);
    String vpHolder = vp.getValue("holder") == null ? null : JwtVcVerifier.issuerId(vp.getValue("holder"));
    if (holder == null) {
      holder = vpHolder;
    } else if (vpHolder != null && !vpHolder.equals(holder)) {
      throw new VerificationException(ReasonCode.CLAIMS_DISAGREE, "the JWT's iss and the presentation's holder differ");
    }
    if (holder == null) {
      throw new VerificationException(ReasonCode.MALFORMED, "the presentation names no holder (iss)");
    }
    List<String> jwts = new ArrayList<>();
    for (Object entry : array(vp.getValue("verifiableCredential"))) {
      if (!(entry instanceof String jwt)) {
        throw new VerificationException(ReasonCode.UNSUPPORTED_FORMAT, "only JWT credentials are read inside a jwt_vp_json");
      }
      jwts.add(jwt);
    }
    return new Reading(holder, jwts, claims);
  }

  private static Reading readVcdm2(JsonObject presentation) {
    JsonArray context = presentation.getValue("@context") instanceof JsonArray array ? array : new JsonArray();
    if (context.isEmpty() || !JwtVcVerifier.VCDM2_CONTEXT.equals(context.getValue(0))) {
      throw new VerificationException(ReasonCode.MALFORMED, "a vp+jwt payload is a VCDM 2.0 presentation");
    }
    requireType(presentation, "VerifiablePresentation");
    if (presentation.getValue("holder") == null) {
      throw new VerificationException(ReasonCode.MALFORMED, "the presentation names no holder");
    }
    String holder = JwtVcVerifier.issuerId(presentation.getValue("holder"));
    List<String> jwts = new ArrayList<>();
    for (Object entry : array(presentation.getValue("verifiableCredential"))) {
      if (!(entry instanceof JsonObject enveloped) || !"EnvelopedVerifiableCredential".equals(enveloped.getValue("type"))
          || !(enveloped.getValue("id") instanceof String id) || !id.startsWith(ENVELOPED_PREFIX)) {
        throw new VerificationException(ReasonCode.UNSUPPORTED_FORMAT,
            "credentials in a vp+jwt must be EnvelopedVerifiableCredential with a data:application/vc+jwt id");
      }
      jwts.add(id.substring(ENVELOPED_PREFIX.length()));
    }
    return new Reading(holder, jwts, presentation);
  }

  private static void requireType(JsonObject object, String type) {
    Object types = object.getValue("type");
    boolean present = type.equals(types) || (types instanceof JsonArray list && list.contains(type));
    if (!present) {
      throw new VerificationException(ReasonCode.TYPE_MISSING, "type must include " + type);
    }
  }

  private static JsonArray array(Object value) {
    if (value instanceof JsonArray array && !array.isEmpty()) {
      return array;
    }
    throw new VerificationException(ReasonCode.MALFORMED, "verifiableCredential must be a non-empty array");
  }

  private static Future<PresentationResult> refused(Checks checks, VerificationException failure) {
    return Future.succeededFuture(checks.presentationStoppedBy(failure));
  }
}
