package dev.cairn.wallet.testing;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import dev.cairn.credentials.Issuers.DidJwkIssuer;
import dev.cairn.credentials.Issuers.DidKeyEd25519Issuer;
import dev.cairn.credentials.dataintegrity.EcdsaSd2023;
import dev.cairn.credentials.dataintegrity.RdfcCryptosuite;
import dev.cairn.credentials.jose.Ed25519Jws;
import dev.cairn.credentials.jsonld.CanonicalizationLimits;
import dev.cairn.credentials.jsonld.PinnedContexts;
import dev.cairn.credentials.jsonld.RdfCanonicalizer;
import dev.cairn.credentials.sdjwt.SdJwtBuilder;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Set;

/**
 * Credentials made in the tests by an issuer whose key the test holds (a did:key Ed25519 issuer, resolved
 * offline): SD-JWT VCs, optionally bound to a learner's holder key, and Data Integrity credentials.
 */
public final class Credentials {
  private static final RdfCanonicalizer CANONICALIZER =
      new RdfCanonicalizer(PinnedContexts.bundled(), CanonicalizationLimits.DEFAULT);

  private final DidKeyEd25519Issuer issuer = DidKeyEd25519Issuer.generate();
  private final DidJwkIssuer p256 = DidJwkIssuer.generate();

  public String issuerDid() {
    return issuer.did();
  }

  /** A micro-credential's claims, issued {@code issuedAt}, valid a year; every name is disclosable. */
  public static JsonObject microCredential(String issuer, String name, String description, Instant issuedAt) {
    return new JsonObject()
        .put("iss", issuer)
        .put("vct", "https://credentials.example/micro-credential")
        .put("iat", issuedAt.getEpochSecond())
        .put("exp", issuedAt.getEpochSecond() + 365L * 24 * 3600)
        .put("name", name)
        .put("description", description)
        .put("given_name", "Ada")
        .put("skills", new JsonArray().add("hygiene").add("allergens"));
  }

  public JsonObject claims(String name, Instant issuedAt) {
    return microCredential(issuer.did(), name, "A short course: " + name, issuedAt);
  }

  /** The issuance form {@code <jwt>~<disclosure>~…~}: given_name, description and the skills are disclosable. */
  public String sdJwt(JsonObject claims) {
    return new SdJwtBuilder(claims, Set.of("given_name", "description", "skills"), Set.of("skills"))
        .sign(new JWSHeader.Builder(JWSAlgorithm.EdDSA).type(new JOSEObjectType("dc+sd-jwt")).keyID(issuer.kid()),
            Ed25519Jws.signer(issuer.key()));
  }

  /** Bound to the holder key whose public JWK is given ({@code cnf.jwk}, RFC 7800). */
  public String sdJwtBoundTo(JsonObject claims, JsonObject holderPublicJwk) {
    return sdJwt(claims.copy().put("cnf", new JsonObject().put("jwk", holderPublicJwk)));
  }

  /** An Open Badges 3.0 credential with an eddsa-rdfc-2022 proof, using only bundled contexts. */
  public JsonObject dataIntegrity(String name, String subjectId, Instant issuedAt) {
    JsonObject options = new JsonObject().put("verificationMethod", issuer.kid())
        .put("proofPurpose", "assertionMethod").put("created", issuedAt.toString());
    return RdfcCryptosuite.EDDSA_RDFC_2022.sign(openBadge(issuer.did(), name, subjectId, issuedAt), options,
        issuer.key(), CANONICALIZER);
  }

  /**
   * The same badge with an ecdsa-sd-2023 base proof from a P-256 did:jwk issuer. What the OB 3.0 schema requires is
   * mandatory; the learner's credits and completion date are selectively disclosable.
   */
  public JsonObject ecdsaSd(String name, String subjectId, Instant issuedAt) {
    JsonObject options = new JsonObject().put("verificationMethod", p256.kid())
        .put("proofPurpose", "assertionMethod").put("created", issuedAt.toString());
    JsonObject badge = openBadge(p256.did(), name, subjectId, issuedAt);
    badge.getJsonObject("credentialSubject").put("creditsEarned", 3).put("activityEndDate", issuedAt.toString());
    return EcdsaSd2023.sign(badge, options, p256.key(), java.util.List.of("/id", "/type", "/issuer", "/name",
        "/validFrom", "/credentialSubject/type", "/credentialSubject/achievement"), CANONICALIZER);
  }

  /** A VCDM 1.1 JWT credential ({@code vc} claim, ES256, did:jwk issuer) about {@code subjectId}. */
  public String jwtVcJson(String name, String subjectId, Instant issuedAt) {
    JsonObject vc = new JsonObject().put("@context", new JsonArray().add("https://www.w3.org/2018/credentials/v1"))
        .put("type", new JsonArray().add("VerifiableCredential").add("MicroCredential"))
        .put("credentialSubject", new JsonObject().put("id", subjectId).put("course", name).put("given_name", "Ada"));
    return p256.sign(p256.header("JWT").build(), new JsonObject().put("iss", p256.did()).put("sub", subjectId)
        .put("nbf", issuedAt.getEpochSecond()).put("iat", issuedAt.getEpochSecond())
        .put("exp", issuedAt.getEpochSecond() + 365L * 24 * 3600).put("vc", vc));
  }

  /** A VCDM 2.0 credential secured with JOSE ({@code typ vc+jwt}, EdDSA, did:key issuer) about {@code subjectId}. */
  public String vcJwt(String name, String subjectId, Instant issuedAt) {
    JsonObject credential = new JsonObject()
        .put("@context", new JsonArray().add("https://www.w3.org/ns/credentials/v2"))
        .put("type", new JsonArray().add("VerifiableCredential").add("MicroCredential"))
        .put("issuer", issuer.did())
        .put("validFrom", issuedAt.toString())
        .put("credentialSubject", new JsonObject().put("id", subjectId).put("course", name).put("given_name", "Ada"));
    return issuer.sign(new JWSHeader.Builder(JWSAlgorithm.EdDSA).type(new JOSEObjectType("vc+jwt"))
        .keyID(issuer.kid()).build(), credential);
  }

  /**
   * A Token Status List ({@code statuslist+jwt}) at {@code uri}, signed by this issuer: one status byte per entry
   * ({@code bits} = 8), 0 valid, 1 revoked.
   */
  public String tokenStatusList(String uri, byte[] statuses, Instant issuedAt) {
    java.util.zip.Deflater deflater = new java.util.zip.Deflater();
    deflater.setInput(statuses);
    deflater.finish();
    byte[] buffer = new byte[statuses.length + 64];
    int length = deflater.deflate(buffer);
    deflater.end();
    JsonObject payload = new JsonObject().put("iss", issuer.did()).put("sub", uri).put("iat", issuedAt.getEpochSecond())
        .put("ttl", 300).put("status_list", new JsonObject().put("bits", 8)
            .put("lst", com.nimbusds.jose.util.Base64URL.encode(java.util.Arrays.copyOf(buffer, length)).toString()));
    return issuer.sign(new JWSHeader.Builder(JWSAlgorithm.EdDSA).type(new JOSEObjectType("statuslist+jwt"))
        .keyID(issuer.kid()).build(), payload);
  }

  private static JsonObject openBadge(String issuerDid, String name, String subjectId, Instant issuedAt) {
    return new JsonObject()
        .put("@context", new JsonArray().add("https://www.w3.org/ns/credentials/v2")
            .add("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"))
        .put("id", "urn:uuid:" + java.util.UUID.randomUUID())
        .put("type", new JsonArray().add("VerifiableCredential").add("OpenBadgeCredential"))
        .put("issuer", new JsonObject().put("id", issuerDid).put("type", new JsonArray().add("Profile"))
            .put("name", "Example Training"))
        .put("name", name)
        .put("validFrom", issuedAt.toString())
        .put("credentialSubject", new JsonObject().put("id", subjectId)
            .put("type", new JsonArray().add("AchievementSubject"))
            .put("achievement", new JsonObject().put("id", "https://training.example/achievements/" + name.hashCode())
                .put("type", new JsonArray().add("Achievement")).put("name", name)
                .put("description", "Course: " + name)
                .put("criteria", new JsonObject().put("narrative", "Pass the final assessment"))));
  }
}
