package dev.cairn.credentials.presentation;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jwt.SignedJWT;
import dev.cairn.credentials.CredentialFormat;
import dev.cairn.credentials.dcql.ClaimsPath;
import dev.cairn.credentials.presentation.PresentationException.Reason;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * W3C credentials secured as JWTs, presented whole (no selective disclosure in these formats) in a VP-JWT signed
 * by the holder, {@code kid} its verification method:
 * <ul>
 *   <li>{@code jwt_vc_json} (VCDM 1.1 §6.3.1): a JWT with a {@code vp} claim wrapping the credential JWT; {@code iss}
 *       and {@code vp.holder} the holder; {@code nonce} the request's nonce and {@code aud} the Client Identifier
 *       (OpenID4VP 1.0 B.1.3.1.5); {@code iat}, a short {@code exp}, a fresh {@code jti};</li>
 *   <li>{@code vc+jwt} (VC-JOSE-COSE §3.1.2): a {@code typ vp+jwt} whose payload is a VCDM 2.0 presentation
 *       carrying the credential as an {@code EnvelopedVerifiableCredential} ({@code data:application/vc+jwt,…},
 *       VCDM 2.0 "Enveloped Verifiable Credentials"), with the same {@code nonce}, {@code aud}, {@code iat} and
 *       {@code exp} as JWT claims beside its properties (§3.1.3).</li>
 * </ul>
 */
final class JwtVpPresenter implements FormatPresenter {
  /** How long a VP-JWT is good for: enough to cross the network, too short to be worth replaying. */
  static final Duration LIFETIME = Duration.ofMinutes(5);
  private static final String VCDM1_CONTEXT = "https://www.w3.org/2018/credentials/v1";
  private static final String VCDM2_CONTEXT = "https://www.w3.org/ns/credentials/v2";
  private static final String ENVELOPED_PREFIX = "data:application/vc+jwt,";

  private final CredentialFormat credentialFormat;

  JwtVpPresenter(CredentialFormat credentialFormat) {
    if (credentialFormat != CredentialFormat.JWT_VC_JSON && credentialFormat != CredentialFormat.VC_JWT) {
      throw new IllegalArgumentException("not a JWT credential format: " + credentialFormat);
    }
    this.credentialFormat = credentialFormat;
  }

  /** The credential JWT, its claims as DCQL roots them (the {@code vc} claim, or the payload), and its subject. */
  private record Issued(String compact, JsonObject claims, Optional<String> subject) {}

  @Override
  public DisclosedClaims preview(String credential, List<ClaimsPath> consented) {
    Issued issued = read(credential);
    Consent.requireIn(issued.claims(), consented);
    return DisclosedClaims.whole(issued.claims());
  }

  @Override
  public Presentation present(String credential, List<ClaimsPath> consented, Holder holder, String nonce,
                              String audience, Instant now) {
    Issued issued = read(credential);
    // The verifier refuses a credential about anyone but the presenter; without a subject, anyone may present it.
    Holder presenter = issued.subject().map(holder::asSubject).orElse(holder);
    Consent.requireIn(issued.claims(), consented);
    JsonObject binding = new JsonObject().put("nonce", nonce).put("aud", audience)
        .put("iat", now.getEpochSecond()).put("exp", now.plus(LIFETIME).getEpochSecond());
    String vp = credentialFormat == CredentialFormat.JWT_VC_JSON
        ? sign(presenter, "JWT", vcdm11(presenter, issued.compact()).mergeIn(binding))
        : sign(presenter, "vp+jwt", vcdm2(presenter, issued.compact()).mergeIn(binding));
    CredentialFormat format = credentialFormat == CredentialFormat.JWT_VC_JSON
        ? CredentialFormat.JWT_VP_JSON : CredentialFormat.VP_JWT;
    return new Presentation(format, vp, DisclosedClaims.whole(issued.claims()));
  }

  /** VCDM 1.1 §6.3.1: {@code iss} is the holder, {@code jti} the presentation's id, {@code vp} the presentation. */
  private static JsonObject vcdm11(Holder holder, String credentialJwt) {
    JsonObject vp = new JsonObject()
        .put("@context", new JsonArray().add(VCDM1_CONTEXT))
        .put("type", new JsonArray().add("VerifiablePresentation"))
        .put("holder", holder.did())
        .put("verifiableCredential", new JsonArray().add(credentialJwt));
    return new JsonObject().put("iss", holder.did()).put("jti", "urn:uuid:" + UUID.randomUUID()).put("vp", vp);
  }

  /** VC-JOSE-COSE §3.1.2: the payload is the presentation; the credential rides enveloped, unchanged. */
  private static JsonObject vcdm2(Holder holder, String credentialJwt) {
    JsonObject enveloped = new JsonObject()
        .put("@context", new JsonArray().add(VCDM2_CONTEXT))
        .put("type", "EnvelopedVerifiableCredential")
        .put("id", ENVELOPED_PREFIX + credentialJwt);
    return new JsonObject()
        .put("@context", new JsonArray().add(VCDM2_CONTEXT))
        .put("type", new JsonArray().add("VerifiablePresentation"))
        .put("holder", holder.did())
        .put("verifiableCredential", new JsonArray().add(enveloped));
  }

  private static String sign(Holder holder, String typ, JsonObject payload) {
    JWSHeader header = new JWSHeader.Builder(holder.algorithm()).type(new JOSEObjectType(typ))
        .keyID(holder.verificationMethod()).build();
    JWSObject jws = new JWSObject(header, new Payload(payload.encode()));
    try {
      jws.sign(holder.signer());
    } catch (JOSEException e) {
      throw new IllegalStateException("the holder key cannot sign " + holder.algorithm(), e);
    }
    return jws.serialize();
  }

  private Issued read(String credential) {
    JsonObject payload;
    String compact = credential.trim();
    try {
      payload = new JsonObject(SignedJWT.parse(compact).getPayload().toString());
    } catch (ParseException | DecodeException | ClassCastException e) {
      throw new PresentationException(Reason.UNREADABLE_CREDENTIAL, "not a signed JWT credential");
    }
    if (credentialFormat == CredentialFormat.VC_JWT) {
      return new Issued(compact, payload, subjectId(payload));
    }
    if (!(payload.getValue("vc") instanceof JsonObject vc)) {
      throw new PresentationException(Reason.UNREADABLE_CREDENTIAL, "a jwt_vc_json credential has a vc claim");
    }
    // VCDM 1.1 §6.3.1: sub stands for credentialSubject.id (the verifier makes sure they agree when both are there).
    Optional<String> sub = payload.getValue("sub") instanceof String id ? Optional.of(id) : Optional.empty();
    return new Issued(compact, vc, sub.or(() -> subjectId(vc)));
  }

  private static Optional<String> subjectId(JsonObject credential) {
    return credential.getValue("credentialSubject") instanceof JsonObject subject
        && subject.getValue("id") instanceof String id ? Optional.of(id) : Optional.empty();
  }
}
