package dev.cairn.wallet.testing;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import dev.cairn.credentials.Issuers.DidKeyEd25519Issuer;
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
    JsonObject unsecured = new JsonObject()
        .put("@context", new JsonArray().add("https://www.w3.org/ns/credentials/v2")
            .add("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"))
        .put("id", "urn:uuid:" + java.util.UUID.randomUUID())
        .put("type", new JsonArray().add("VerifiableCredential").add("OpenBadgeCredential"))
        .put("issuer", new JsonObject().put("id", issuer.did()).put("type", new JsonArray().add("Profile"))
            .put("name", "Example Training"))
        .put("name", name)
        .put("validFrom", issuedAt.toString())
        .put("credentialSubject", new JsonObject().put("id", subjectId)
            .put("type", new JsonArray().add("AchievementSubject"))
            .put("achievement", new JsonObject().put("id", "https://training.example/achievements/" + name.hashCode())
                .put("type", new JsonArray().add("Achievement")).put("name", name)
                .put("description", "Course: " + name)
                .put("criteria", new JsonObject().put("narrative", "Pass the final assessment"))));
    JsonObject options = new JsonObject().put("verificationMethod", issuer.kid())
        .put("proofPurpose", "assertionMethod").put("created", issuedAt.toString());
    return RdfcCryptosuite.EDDSA_RDFC_2022.sign(unsecured, options, issuer.key(), CANONICALIZER);
  }
}
