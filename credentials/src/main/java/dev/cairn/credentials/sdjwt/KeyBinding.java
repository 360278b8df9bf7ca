package dev.cairn.credentials.sdjwt;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.cairn.credentials.ReasonCode;
import dev.cairn.credentials.VerificationException;
import dev.cairn.credentials.VerificationPolicy.KeyBindingRequirement;
import dev.cairn.credentials.jose.JwsSignatures;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/** The Key Binding JWT of RFC 9901 §4.3: checked on the verifier's side (§7.3), made on the holder's. */
public final class KeyBinding {
  private KeyBinding() {}

  /** §7.3: typ kb+jwt, signed by the holder key, fresh iat, the expected nonce and aud, sd_hash over the SD-JWT. */
  public static void verify(SdJwt sdJwt, JWK holderKey, HashAlgorithm algorithm, KeyBindingRequirement required,
                            Instant now, Duration skew) {
    SignedJWT kb = sdJwt.keyBindingJwt().orElseThrow(() -> new VerificationException(ReasonCode.KEY_BINDING_MISSING,
        "the presentation has no KB-JWT but the verifier requires key binding"));
    if (!new JOSEObjectType(Rfc9901.KB_JWT_TYP).equals(kb.getHeader().getType())) {
      throw invalid("the KB-JWT's typ must be kb+jwt");
    }
    try {
      JwsSignatures.verify(kb, holderKey);
    } catch (VerificationException e) {
      throw invalid("the KB-JWT signature: " + e.getMessage());
    }
    JWTClaimsSet claims;
    try {
      claims = kb.getJWTClaimsSet();
    } catch (ParseException e) {
      throw invalid("the KB-JWT payload is not a JSON object");
    }
    Date iat = claims.getIssueTime();
    if (iat == null) {
      throw invalid("the KB-JWT has no iat");
    }
    if (iat.toInstant().isAfter(now.plus(skew))) {
      throw invalid("the KB-JWT is issued in the future");
    }
    if (iat.toInstant().isBefore(now.minus(required.maxAge()).minus(skew))) {
      throw invalid("the KB-JWT is older than " + required.maxAge().toSeconds() + " s");
    }
    if (!required.nonce().equals(claims.getClaim("nonce"))) {
      throw invalid("the KB-JWT's nonce is not the one this verifier issued");
    }
    List<String> audience = claims.getAudience();
    if (audience == null || audience.size() != 1 || !required.audience().equals(audience.get(0))) {
      throw invalid("the KB-JWT's aud is not this verifier");
    }
    String expected = algorithm.digest(sdJwt.presentedWithoutKeyBinding());
    if (!expected.equals(claims.getClaim(Rfc9901.SD_HASH))) {
      throw invalid("the KB-JWT's sd_hash does not match the presented SD-JWT");
    }
  }

  /** §4.3: the holder's KB-JWT over {@code presentedWithoutKeyBinding} (ending in ~), signed with {@code signer}. */
  public static String create(String presentedWithoutKeyBinding, HashAlgorithm algorithm, JWSSigner signer,
                              JWSAlgorithm jwsAlgorithm, String nonce, String audience, Instant now) {
    JWTClaimsSet claims = new JWTClaimsSet.Builder()
        .issueTime(Date.from(now))
        .audience(audience)
        .claim("nonce", nonce)
        .claim(Rfc9901.SD_HASH, algorithm.digest(presentedWithoutKeyBinding))
        .build();
    SignedJWT kb = new SignedJWT(new JWSHeader.Builder(jwsAlgorithm).type(new JOSEObjectType(Rfc9901.KB_JWT_TYP)).build(),
        claims);
    try {
      kb.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("the holder key cannot sign " + jwsAlgorithm, e);
    }
    return kb.serialize();
  }

  private static VerificationException invalid(String detail) {
    return new VerificationException(ReasonCode.KEY_BINDING_INVALID, detail);
  }
}
