package dev.cairn.issuer.reference;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.cairn.credentials.dataintegrity.EcdsaSd2023;
import dev.cairn.credentials.dataintegrity.RdfcCryptosuite;
import dev.cairn.credentials.jsonld.RdfCanonicalizer;
import dev.cairn.credentials.sdjwt.SdJwtBuilder;
import io.vertx.core.json.JsonObject;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * Signs one micro-credential in a configuration's format, bound to a proven holder key. CPU-bound (signatures,
 * RDF canonicalization): call on a worker pool.
 */
final class CredentialMinter {
  /** SD-JWT VC claims the learner chooses to show or not (the issue's "personal fields and results"). */
  private static final Set<String> SELECTIVELY_DISCLOSABLE = Set.of("name", "email", "result");
  /** ecdsa-sd-2023 statements every derived proof must reveal: who issued what, when, and to which holder. */
  private static final List<String> MANDATORY_POINTERS = List.of("/issuer", "/validFrom", "/type", "/name",
      "/credentialSubject/id", "/credentialSubject/type", "/credentialSubject/achievement", "/credentialStatus");

  private final ReferenceIssuerConfig config;
  private final IssuerSigningKeys keys;
  private final RdfCanonicalizer canonicalizer;
  private final Clock clock;

  CredentialMinter(ReferenceIssuerConfig config, IssuerSigningKeys keys, RdfCanonicalizer canonicalizer, Clock clock) {
    this.config = config;
    this.keys = keys;
    this.canonicalizer = canonicalizer;
    this.clock = clock;
  }

  /**
   * The credential as the Credential Response carries it (§8.3): a string for JWT formats, an object for ldp_vc;
   * {@code status} says where its status lives.
   */
  Object mint(MicroCredentialConfiguration configuration, OfferRequest offer, ProvenKey holder,
              StatusReference status) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    return switch (configuration) {
      case SD_JWT -> sdJwt(offer, holder, status, now);
      case JWT_VC_JSON -> jwtVcJson(offer, holder, status, now);
      case LDP_VC_EDDSA -> RdfcCryptosuite.EDDSA_RDFC_2022.sign(badge(offer, holder, status, now),
          proofOptions(keys.ed25519MethodId(), now), keys.ed25519(), canonicalizer);
      case LDP_VC_ECDSA_SD -> EcdsaSd2023.sign(badge(offer, holder, status, now), proofOptions(keys.p256MethodId(), now),
          keys.p256(), MANDATORY_POINTERS, canonicalizer);
    };
  }

  /** SD-JWT VC §3.2: iss, iat, vct and cnf in the clear; the achievement visible; the personal claims disclosable. */
  private String sdJwt(OfferRequest offer, ProvenKey holder, StatusReference status, Instant now) {
    JsonObject claims = new JsonObject()
        .put("iss", keys.did())
        .put("iat", now.getEpochSecond())
        .put("vct", MicroCredentialConfiguration.vct(config))
        .put("cnf", new JsonObject().put("jwk", new JsonObject(holder.publicKey().toJSONObject())))
        .put("status", status.claim())
        .put("issuer_name", config.name())
        .put("achievement", OpenBadge.achievementJson(config, offer.achievement()))
        .put("name", offer.learnerName())
        .put("email", offer.email());
    offer.achievement().result().ifPresent(result -> claims.put("result", result));
    return new SdJwtBuilder(claims, SELECTIVELY_DISCLOSABLE, Set.of()).decoys(2)
        .sign(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(keys.p256MethodId()), signer());
  }

  /** VCDM 1.1 §6.3.1: the credential in {@code vc}; iss, sub, nbf, jti stand for issuer, subject, date and id. */
  private String jwtVcJson(OfferRequest offer, ProvenKey holder, StatusReference status, Instant now) {
    JsonObject vc = badge(offer, holder, status, now);
    try {
      JWTClaimsSet claims = new JWTClaimsSet.Builder()
          .issuer(keys.did())
          .subject(holder.holderDid())
          .jwtID(vc.getString("id"))
          .notBeforeTime(Date.from(now))
          .issueTime(Date.from(now))
          .claim("vc", JSONObjectUtils.parse(vc.encode()))
          .build();
      SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(JOSEObjectType.JWT)
          .keyID(keys.p256MethodId()).build(), claims);
      jwt.sign(signer());
      return jwt.serialize();
    } catch (JOSEException | ParseException e) {
      throw new IllegalStateException("could not sign the jwt_vc_json credential", e);
    }
  }

  /** OB 3.0 allows one credentialStatus (§B.1.1, 0..1): the Bitstring revocation entry. */
  private JsonObject badge(OfferRequest offer, ProvenKey holder, StatusReference status, Instant now) {
    return OpenBadge.of(config, keys.did(), offer, holder.holderDid(), now).put("credentialStatus", status.claim());
  }

  private static JsonObject proofOptions(String verificationMethod, Instant now) {
    return new JsonObject().put("verificationMethod", verificationMethod).put("proofPurpose", "assertionMethod")
        .put("created", now.toString());
  }

  private ECDSASigner signer() {
    try {
      return new ECDSASigner(keys.p256());
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}
