package dev.cairn.credentials.presentation;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import dev.cairn.credentials.CredentialFormat;
import dev.cairn.credentials.Issuers;
import dev.cairn.credentials.Issuers.DidJwkIssuer;
import dev.cairn.credentials.Issuers.DidKeyEd25519Issuer;
import dev.cairn.credentials.dataintegrity.EcdsaSd2023;
import dev.cairn.credentials.dataintegrity.RdfcCryptosuite;
import dev.cairn.credentials.dcql.ClaimsPath;
import dev.cairn.credentials.dcql.DcqlQuery;
import dev.cairn.credentials.jsonld.CanonicalizationLimits;
import dev.cairn.credentials.jsonld.PinnedContexts;
import dev.cairn.credentials.jsonld.RdfCanonicalizer;
import dev.cairn.credentials.sdjwt.StructuredSdJwt;
import dev.cairn.did.testing.TestClock;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

/**
 * One learner's food-safety certificate in each format Cairn presents, issued in the test by issuers whose keys the
 * test generated, with the employer's DCQL query for it. The claim values are distinctive strings so that a test
 * can search a presentation for them.
 */
final class Fixtures {
  static final TestClock CLOCK = new TestClock();
  /** The bundled contexts and the W3C examples context, whose vocabulary defines the learner's claim names. */
  static final RdfCanonicalizer CANONICALIZER = new RdfCanonicalizer(PinnedContexts.bundled().with("/contexts/manifest.json"),
      new CanonicalizationLimits(Duration.ofSeconds(30), 10_000, 1_000));
  static final String NONCE = "n-0S6_WzA2Mj";
  static final String AUDIENCE = "x509_san_dns:employer.example";
  static final String QUERY_ID = "certificate";

  private static final DidJwkIssuer P256_ISSUER = DidJwkIssuer.generate();
  private static final DidKeyEd25519Issuer ED25519_ISSUER = DidKeyEd25519Issuer.generate();
  private static final String TYPE = "FoodSafetyCertificate";

  private Fixtures() {}

  static Holder p256Holder() {
    return Holder.fromPrivateJwk(Issuers.newHolderKey());
  }

  static Holder ed25519Holder() {
    Ed25519PrivateKeyParameters secret = new Ed25519PrivateKeyParameters(new SecureRandom());
    return Holder.fromPrivateJwk(new OctetKeyPair.Builder(Curve.Ed25519,
        Base64URL.encode(secret.generatePublicKey().getEncoded())).d(Base64URL.encode(secret.getEncoded())).build());
  }

  /**
   * A credential format with a credential for a holder, the query that asks for it, and what consent reveals.
   *
   * @param requested values of the claims the query asks for, which must leave
   * @param withheld  values of claims the query does not ask for, which must not leave (none for a format that
   *                  cannot withhold)
   */
  record Format(String label, CredentialFormat format, Function<Holder, String> issuer, DcqlQuery query,
                List<String> requested, List<String> withheld) {
    String issueTo(Holder holder) {
      return issuer.apply(holder);
    }

    @Override
    public String toString() {
      return label;
    }
  }

  /** What every format's query asks for: the achievement, the locality, and the "allergens" skill. */
  private static final List<String> REQUESTED = List.of("Food Safety Level 2", "Thornbury", "allergens");
  /** What a selectively disclosing format keeps back from that query. */
  private static final List<String> NOT_REQUESTED =
      List.of("Ada Lovelace", "score-92", "12 Analytical Engine Row", "hygiene", "temperature-control");

  /** The learner's claims, under whatever root each format puts them. */
  static JsonObject learner(String subjectId) {
    JsonObject subject = new JsonObject()
        .put("name", "Ada Lovelace")
        .put("achievement", "Food Safety Level 2")
        .put("score", "score-92")
        .put("address", new JsonObject().put("street_address", "12 Analytical Engine Row").put("locality", "Thornbury"))
        .put("skills", new JsonArray().add("hygiene").add("allergens").add("temperature-control"));
    return subjectId == null ? subject : new JsonObject().put("id", subjectId).mergeIn(subject);
  }

  /** SD-JWT VC, ES256 issuer: nested and array claims selectively disclosable, array decoys, cnf = the holder key. */
  static final Format SD_JWT_VC = new Format("dc+sd-jwt", CredentialFormat.SD_JWT_VC, holder -> {
    long now = CLOCK.instant().getEpochSecond();
    JsonObject claims = new JsonObject().put("iss", P256_ISSUER.did()).put("vct", "https://cairn.dev/vct/food-safety")
        .put("iat", now - 60).put("exp", now + 86_400)
        .put("cnf", new JsonObject().put("jwk", new JsonObject(holder.publicKey().toJSONObject())))
        .mergeIn(learner(null));
    Set<ClaimsPath> disclosable = Set.of(ClaimsPath.of("name"), ClaimsPath.of("achievement"), ClaimsPath.of("score"),
        ClaimsPath.of("address"), ClaimsPath.of("address", "street_address"), ClaimsPath.of("address", "locality"),
        ClaimsPath.of("skills", 0), ClaimsPath.of("skills", 1), ClaimsPath.of("skills", 2));
    return StructuredSdJwt.issue(P256_ISSUER, claims, disclosable, 2);
  }, dcqlQuery("dc+sd-jwt", "{\"vct_values\": [\"https://cairn.dev/vct/food-safety\"]}", List.of()),
      REQUESTED, NOT_REQUESTED);

  /** VCDM 1.1 JWT credential ({@code vc} claim), ES256 issuer, subject the holder. */
  static final Format JWT_VC_JSON = new Format("jwt_vc_json", CredentialFormat.JWT_VC_JSON, holder -> {
    long now = CLOCK.instant().getEpochSecond();
    JsonObject vc = new JsonObject().put("@context", new JsonArray().add("https://www.w3.org/2018/credentials/v1"))
        .put("type", new JsonArray().add("VerifiableCredential").add(TYPE))
        .put("credentialSubject", learner(holder.did()));
    JsonObject payload = new JsonObject().put("iss", P256_ISSUER.did()).put("sub", holder.did())
        .put("nbf", now - 60).put("iat", now - 60).put("exp", now + 86_400).put("vc", vc);
    return P256_ISSUER.sign(P256_ISSUER.header("JWT").build(), payload);
  }, dcqlQuery("jwt_vc_json", "{\"type_values\": [[\"VerifiableCredential\", \"" + TYPE + "\"]]}",
      List.of("credentialSubject")), REQUESTED, List.of());

  /** VCDM 2.0 secured with JOSE ({@code typ vc+jwt}), EdDSA issuer: answers {@code jwt_vc_json} queries. */
  static final Format VC_JWT = new Format("vc+jwt", CredentialFormat.VC_JWT, holder -> {
    JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.EdDSA).type(new JOSEObjectType("vc+jwt"))
        .keyID(ED25519_ISSUER.kid()).build();
    return ED25519_ISSUER.sign(header, vcdm2(ED25519_ISSUER.did(), holder.did()));
  }, dcqlQuery("jwt_vc_json", "{\"type_values\": [[\"" + TYPE + "\"]]}", List.of("credentialSubject")),
      REQUESTED, List.of());

  /** JSON-LD secured with eddsa-rdfc-2022 (did:key issuer): signs the whole document, so all of it leaves. */
  static final Format LDP_EDDSA = new Format("ldp_vc eddsa-rdfc-2022", CredentialFormat.LDP_VC,
      holder -> RdfcCryptosuite.EDDSA_RDFC_2022.sign(vcdm2(ED25519_ISSUER.did(), holder.did()),
          proofOptions(ED25519_ISSUER.kid()), ED25519_ISSUER.key(), CANONICALIZER).encode(),
      dcqlQuery("ldp_vc", "{\"type_values\": [[\"VerifiableCredential\", \"" + TYPE + "\"]]}",
          List.of("credentialSubject")), REQUESTED, List.of());

  /** JSON-LD with an ecdsa-sd-2023 base proof (did:jwk P-256 issuer, only {@code /issuer} mandatory). */
  static final Format LDP_ECDSA_SD = new Format("ldp_vc ecdsa-sd-2023", CredentialFormat.LDP_VC,
      holder -> EcdsaSd2023.sign(vcdm2(P256_ISSUER.did(), holder.did()), proofOptions(P256_ISSUER.kid()),
          P256_ISSUER.key(), List.of("/issuer"), CANONICALIZER).encode(),
      dcqlQuery("ldp_vc", "{\"type_values\": [[\"VerifiableCredential\", \"" + TYPE + "\"]]}",
          List.of("credentialSubject")), REQUESTED, NOT_REQUESTED);

  static List<Format> all() {
    return List.of(SD_JWT_VC, JWT_VC_JSON, VC_JWT, LDP_EDDSA, LDP_ECDSA_SD);
  }

  /** A VCDM 2.0 credential about {@code subject}, its terms from the W3C examples vocabulary. */
  static JsonObject vcdm2(String issuer, String subject) {
    return new JsonObject()
        .put("@context", new JsonArray().add("https://www.w3.org/ns/credentials/v2")
            .add("https://www.w3.org/ns/credentials/examples/v2"))
        .put("id", "urn:uuid:6a9c92a9-2530-4e2b-9776-530467e9bbe0")
        .put("type", new JsonArray().add("VerifiableCredential").add(TYPE))
        .put("issuer", issuer)
        .put("validFrom", CLOCK.instant().minus(Duration.ofDays(30)).toString())
        .put("validUntil", CLOCK.instant().plus(Duration.ofDays(365)).toString())
        .put("credentialSubject", learner(subject));
  }

  static JsonObject proofOptions(String verificationMethod) {
    return new JsonObject().put("verificationMethod", verificationMethod).put("proofPurpose", "assertionMethod")
        .put("created", CLOCK.instant().minus(Duration.ofDays(1)).toString());
  }

  /**
   * The employer's query: the achievement, the locality of the address, and whether "allergens" is among the
   * skills (a {@code values} match over every element, so only that element is disclosed), under {@code root}.
   */
  static DcqlQuery dcqlQuery(String format, String meta, List<String> root) {
    return DcqlQuery.parse(new JsonObject("{\"credentials\": [{\"id\": \"" + QUERY_ID + "\", \"format\": \"" + format
        + "\", \"meta\": " + meta + ", \"claims\": ["
        + "{\"path\": " + path(root, "\"achievement\"") + "},"
        + "{\"path\": " + path(root, "\"address\", \"locality\"") + "},"
        + "{\"path\": " + path(root, "\"skills\", null") + ", \"values\": [\"allergens\"]}]}]}"));
  }

  private static String path(List<String> root, String rest) {
    StringBuilder path = new StringBuilder("[");
    root.forEach(component -> path.append('"').append(component).append("\", "));
    return path.append(rest).append(']').toString();
  }
}
