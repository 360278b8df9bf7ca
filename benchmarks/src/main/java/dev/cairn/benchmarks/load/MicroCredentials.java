package dev.cairn.benchmarks.load;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import dev.cairn.benchmarks.BenchmarkIssuer;
import dev.cairn.benchmarks.load.CourseCatalogue.Course;
import dev.cairn.credentials.sdjwt.Rfc9901;
import dev.cairn.credentials.sdjwt.SdJwtBuilder;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.security.Provider;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Issues SD-JWT VCs ({@code typ: dc+sd-jwt}, issuance form {@code <jwt>~<disclosure>~…~}) signed ES256 by a few
 * did:key P-256 providers, one per {@link CourseCatalogue#PROVIDERS} entry. The course, learner and issue date
 * are chosen from the credential's index, so a run is varied but reproducible in shape; every credential is still
 * distinct because each disclosure carries a fresh random salt. No {@code cnf}: a wallet importing its own
 * credential does not require holder binding.
 *
 * <p>The claims follow what Cairn displays and searches for an SD-JWT VC (credentials' {@code CredentialDisplays}):
 * an OB 3.0-shaped {@code achievement} object gives the title, description and criteria, {@code issuer_name} the
 * issuer's name and a flat {@code skills} array the skills. The learner's personal data, the result and each skill
 * are selectively disclosable, as a learner would share them.
 */
final class MicroCredentials {
  static final String VCT = "https://credentials.example/open-badge";
  private static final Set<String> DISCLOSABLE = Set.of("given_name", "family_name", "email", "result", "skills");
  private static final Set<String> DISCLOSABLE_ARRAYS = Set.of("skills");
  private static final List<String> GIVEN_NAMES = List.of("Ada", "Grace", "Alan", "Mary", "Tim", "Katherine",
      "Edsger", "Barbara", "Dennis", "Frances");
  private static final List<String> FAMILY_NAMES = List.of("Lovelace", "Hopper", "Turing", "Somerville",
      "Berners-Lee", "Johnson", "Dijkstra", "Liskov", "Ritchie", "Allen");
  private static final long TWO_YEARS = Duration.ofDays(730).toSeconds();
  private static final long THREE_YEARS = Duration.ofDays(3 * 365).toSeconds();

  private static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();

  private final List<BenchmarkIssuer> providers;
  private final List<JWSSigner> signers;
  private final long now;

  MicroCredentials(Instant now) {
    this.providers = CourseCatalogue.PROVIDERS.stream().map(name -> BenchmarkIssuer.p256()).toList();
    this.signers = providers.stream().map(MicroCredentials::bouncyCastleSigner).toList();
    this.now = now.getEpochSecond();
  }

  /** Signs {@code count} credentials on all cores: signing must be over before the server is measured. */
  List<String> issue(int first, int count) {
    return IntStream.range(first, first + count).parallel().mapToObj(this::issue).toList();
  }

  String issue(int index) {
    SplittableRandom random = new SplittableRandom(index);
    int provider = random.nextInt(providers.size());
    BenchmarkIssuer issuer = providers.get(provider);
    JsonObject claims = claims(issuer.did(), CourseCatalogue.PROVIDERS.get(provider), random);
    return new SdJwtBuilder(claims, DISCLOSABLE, DISCLOSABLE_ARRAYS).decoys(2)
        .sign(issuer.header(Rfc9901.DC_SD_JWT), signers.get(provider));
  }

  /** The credential of {@code index}, bound to a learner's key ({@code cnf.jwk}, RFC 7800): it can be presented. */
  String issueBoundTo(int index, JsonObject holderPublicJwk) {
    SplittableRandom random = new SplittableRandom(index);
    int provider = random.nextInt(providers.size());
    BenchmarkIssuer issuer = providers.get(provider);
    JsonObject claims = claims(issuer.did(), CourseCatalogue.PROVIDERS.get(provider), random)
        .put("cnf", new JsonObject().put("jwk", holderPublicJwk));
    return new SdJwtBuilder(claims, DISCLOSABLE, DISCLOSABLE_ARRAYS).decoys(2)
        .sign(issuer.header(Rfc9901.DC_SD_JWT), signers.get(provider));
  }

  /** Bouncy Castle signs ES256 about twice as fast as SunEC on JDK 17, which halves the wait before a run. */
  private static JWSSigner bouncyCastleSigner(BenchmarkIssuer issuer) {
    try {
      ECDSASigner signer = new ECDSASigner((ECKey) issuer.key());
      signer.getJCAContext().setProvider(BOUNCY_CASTLE);
      return signer;
    } catch (JOSEException e) {
      throw new IllegalStateException("not a P-256 key", e);
    }
  }

  private JsonObject claims(String did, String providerName, SplittableRandom random) {
    Course course = CourseCatalogue.COURSES.get(random.nextInt(CourseCatalogue.COURSES.size()));
    // Issued some time in the last two years and valid for three, so none has expired yet.
    long issuedAt = now - random.nextLong(TWO_YEARS);
    String given = GIVEN_NAMES.get(random.nextInt(GIVEN_NAMES.size()));
    String family = FAMILY_NAMES.get(random.nextInt(FAMILY_NAMES.size()));
    int score = 60 + random.nextInt(41);
    return new JsonObject()
        .put("iss", did)
        .put("vct", VCT)
        .put("iat", issuedAt)
        .put("exp", issuedAt + THREE_YEARS)
        .put("issuer_name", providerName)
        .put("achievement", new JsonObject()
            .put("name", course.title())
            .put("description", course.description())
            .put("criteria", new JsonObject().put("narrative", course.criteria()))
            .put("achievementType", "Certificate"))
        .put("skills", new JsonArray(List.copyOf(course.skills())))
        .put("given_name", given)
        .put("family_name", family)
        .put("email", (given + "." + family).toLowerCase().replace("-", "") + "@learner.example")
        .put("result", new JsonArray().add(new JsonObject().put("value", score + " %").put("status", "Completed")));
  }
}
