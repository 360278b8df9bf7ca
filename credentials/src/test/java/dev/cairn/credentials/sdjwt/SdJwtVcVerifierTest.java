package dev.cairn.credentials.sdjwt;

import static dev.cairn.credentials.Issuers.disclosure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.util.Base64URL;
import dev.cairn.credentials.Check;
import dev.cairn.credentials.Issuers;
import dev.cairn.credentials.Issuers.DidJwkIssuer;
import dev.cairn.credentials.Outcome;
import dev.cairn.credentials.ReasonCode;
import dev.cairn.credentials.VerificationPolicy;
import dev.cairn.credentials.VerificationResult;
import dev.cairn.credentials.jose.IssuerKeys;
import dev.cairn.did.DidResolver;
import dev.cairn.did.fetch.FetchPolicy;
import dev.cairn.did.fetch.HardenedFetch;
import dev.cairn.did.testing.Await;
import dev.cairn.did.testing.TestClock;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SD-JWT VC verification with fixtures signed in the test; every rejection asserts its reason code. */
class SdJwtVcVerifierTest {
  private static Vertx vertx;
  private static WorkerExecutor crypto;
  private static final TestClock CLOCK = new TestClock();
  private static SdJwtVcVerifier verifier;
  private static final DidJwkIssuer ISSUER = DidJwkIssuer.generate();
  private static final ECKey HOLDER = Issuers.newHolderKey();

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    crypto = vertx.createSharedWorkerExecutor("test-crypto", 2);
    HardenedFetch fetch = new HardenedFetch(vertx, FetchPolicy.defaults());
    IssuerKeys keys = new IssuerKeys(DidResolver.create(fetch, CLOCK), fetch, CLOCK);
    dev.cairn.credentials.CryptoPool pool = new dev.cairn.credentials.CryptoPool(crypto);
    verifier = new SdJwtVcVerifier(keys, pool, new dev.cairn.credentials.status.StatusChecker(fetch, keys, pool,
        new dev.cairn.credentials.dataintegrity.StatusListProofVerifier(keys, pool, new dev.cairn.credentials.jsonld.RdfCanonicalizer(
            dev.cairn.credentials.jsonld.PinnedContexts.bundled(), dev.cairn.credentials.jsonld.CanonicalizationLimits.DEFAULT), CLOCK),
        CLOCK), CLOCK);
  }

  @AfterAll
  static void stop() {
    vertx.close();
  }

  private static JsonObject badge() {
    long now = CLOCK.instant().getEpochSecond();
    return new JsonObject()
        .put("iss", ISSUER.did())
        .put("vct", "https://credentials.example/food-safety")
        .put("iat", now - 60)
        .put("exp", now + 3600)
        .put("cnf", new JsonObject().put("jwk", new JsonObject(HOLDER.toPublicJWK().toJSONObject())))
        .put("achievement", "Food Safety Level 2")
        .put("given_name", "Ada")
        .put("family_name", "Lovelace")
        .put("skills", new JsonArray().add("hygiene").add("allergens").add("temperature control"))
        .put("result", new JsonObject().put("score", 92));
  }

  private static String issue(JsonObject claims) {
    return new SdJwtBuilder(claims, Set.of("given_name", "family_name", "result", "skills"), Set.of("skills"))
        .decoys(2).sign(ISSUER.header(Rfc9901.DC_SD_JWT), signer());
  }

  @Test
  void aValidSdJwtVcPassesEveryCheckAndRevealsItsDisclosures() {
    VerificationResult result = Await.result(verifier.verify(issue(badge()), VerificationPolicy.importing()));
    assertTrue(result.valid(), result.toString());
    JsonObject claims = result.credential().orElseThrow().claims();
    assertEquals("Ada", claims.getString("given_name"));
    assertEquals(92, claims.getJsonObject("result").getInteger("score"));
    assertEquals(List.of("hygiene", "allergens", "temperature control"), claims.getJsonArray("skills").getList());
    assertFalse(claims.containsKey("_sd") || claims.containsKey("_sd_alg"));
    assertEquals(Outcome.PASSED, result.check(Check.SIGNATURE).orElseThrow().outcome());
    assertEquals(ReasonCode.NO_STATUS, result.check(Check.STATUS).orElseThrow().reason().orElseThrow());
    assertEquals(ReasonCode.NOT_REQUIRED, result.check(Check.HOLDER_BINDING).orElseThrow().reason().orElseThrow());
    assertEquals(7, result.checks().size());
  }

  @Test
  void aPresentationWithChosenDisclosuresAndAKbJwtVerifiesUnderPresentationPolicy() throws Exception {
    String presented = SdJwtBuilder.present(issue(badge()), Set.of("given_name"));
    String withKb = presented + KeyBinding.create(presented, HashAlgorithm.SHA_256, new ECDSASigner(HOLDER),
        JWSAlgorithm.ES256, "n-0S6_WzA2Mj", "https://employer.example", CLOCK.instant());
    VerificationResult result = Await.result(verifier.verify(withKb,
        VerificationPolicy.presentation("n-0S6_WzA2Mj", "https://employer.example")));
    assertTrue(result.valid(), result.toString());
    JsonObject claims = result.credential().orElseThrow().claims();
    assertEquals("Ada", claims.getString("given_name"));
    assertFalse(claims.containsKey("family_name"), "not disclosed");
    assertFalse(claims.containsKey("skills"), "not disclosed");
    assertEquals(Outcome.PASSED, result.check(Check.HOLDER_BINDING).orElseThrow().outcome());
  }

  @Test
  void theHolderRevealsExactlyTheChosenClaimPaths() {
    String issued = issue(badge());
    JsonObject onlySecondSkill = Await.result(verifier.verify(SdJwtBuilder.present(issued, Set.of("skills.1")),
        VerificationPolicy.importing())).credential().orElseThrow().claims();
    assertEquals(List.of("allergens"), onlySecondSkill.getJsonArray("skills").getList(),
        "the skills claim is revealed with only its second element");
    assertFalse(onlySecondSkill.containsKey("given_name") || onlySecondSkill.containsKey("result"));

    JsonObject nothing = Await.result(verifier.verify(SdJwtBuilder.present(issued, Set.of()),
        VerificationPolicy.importing())).credential().orElseThrow().claims();
    assertFalse(nothing.containsKey("skills") || nothing.containsKey("given_name") || nothing.containsKey("family_name"));
    assertEquals("Food Safety Level 2", nothing.getString("achievement"), "always-visible claims stay");

    JsonObject everything = Await.result(verifier.verify(SdJwtBuilder.present(issued, Set.of("skills", "result")),
        VerificationPolicy.importing())).credential().orElseThrow().claims();
    assertEquals(3, everything.getJsonArray("skills").size(), "choosing a claim reveals what is beneath it");
    assertEquals(92, everything.getJsonObject("result").getInteger("score"));
  }

  @Test
  void keyBindingFailuresEachHaveTheirReason() throws Exception {
    String presented = SdJwtBuilder.present(issue(badge()), Set.of());
    VerificationPolicy policy = VerificationPolicy.presentation("nonce-1", "https://employer.example");
    assertReason(presented, policy, ReasonCode.KEY_BINDING_MISSING);
    assertReason(presented + kb(presented, HOLDER, "other-nonce", "https://employer.example"), policy,
        ReasonCode.KEY_BINDING_INVALID);
    assertReason(presented + kb(presented, HOLDER, "nonce-1", "https://someone.else"), policy, ReasonCode.KEY_BINDING_INVALID);
    assertReason(presented + kb(presented, Issuers.newHolderKey(), "nonce-1", "https://employer.example"), policy,
        ReasonCode.KEY_BINDING_INVALID);
    String otherPresentation = SdJwtBuilder.present(issue(badge()), Set.of("given_name"));
    assertReason(presented + kb(otherPresentation, HOLDER, "nonce-1", "https://employer.example"), policy,
        ReasonCode.KEY_BINDING_INVALID);
    String stale = presented + KeyBinding.create(presented, HashAlgorithm.SHA_256, new ECDSASigner(HOLDER),
        JWSAlgorithm.ES256, "nonce-1", "https://employer.example", CLOCK.instant().minus(Duration.ofMinutes(10)));
    assertReason(stale, policy, ReasonCode.KEY_BINDING_INVALID);
  }

  @Test
  void aHolderKeyByReferenceCnfKidIsResolvedForKeyBinding() throws Exception {
    DidJwkIssuer holder = DidJwkIssuer.generate();
    JsonObject claims = badge().put("cnf", new JsonObject().put("kid", holder.kid()));
    String presented = SdJwtBuilder.present(new SdJwtBuilder(claims, Set.of("given_name"), Set.of())
        .sign(ISSUER.header(Rfc9901.DC_SD_JWT), signer()), Set.of("given_name"));
    VerificationPolicy policy = VerificationPolicy.presentation("nonce-kid", "https://employer.example");
    String good = presented + KeyBinding.create(presented, HashAlgorithm.SHA_256, new ECDSASigner(holder.key()),
        JWSAlgorithm.ES256, "nonce-kid", "https://employer.example", CLOCK.instant());
    VerificationResult result = Await.result(verifier.verify(good, policy));
    assertTrue(result.valid(), result.toString());
    assertEquals(holder.key().toPublicJWK(), result.credential().orElseThrow().holderKey().orElseThrow());
    assertReason(presented + kb(presented, HOLDER, "nonce-kid", "https://employer.example"), policy,
        ReasonCode.KEY_BINDING_INVALID);
  }

  @Test
  void signatureAndAlgorithmFailures() {
    String issued = issue(badge());
    String[] parts = issued.split("~", 2);
    String[] jws = parts[0].split("\\.");
    JsonObject payload = new JsonObject(new String(new Base64URL(jws[1]).decode()));
    payload.put("achievement", "Brain Surgery");
    String tampered = jws[0] + "." + Base64URL.encode(payload.encode()) + "." + jws[2] + "~" + parts[1];
    assertReason(tampered, VerificationPolicy.importing(), ReasonCode.SIGNATURE_INVALID);

    DidJwkIssuer impostor = DidJwkIssuer.generate();
    JWSHeader claimsToBeIssuer = ISSUER.header(Rfc9901.DC_SD_JWT).build();
    assertReason(impostor.sign(claimsToBeIssuer, withSd(badge())) + "~", VerificationPolicy.importing(),
        ReasonCode.SIGNATURE_INVALID);

    String none = Base64URL.encode("{\"alg\":\"none\",\"typ\":\"dc+sd-jwt\"}") + "." + jws[1] + ".~";
    assertReason(none, VerificationPolicy.importing(), ReasonCode.UNSIGNED);

    JWSHeader critical = ISSUER.header(Rfc9901.DC_SD_JWT).criticalParams(Set.of("urn:example:unknown"))
        .customParam("urn:example:unknown", true).build();
    assertReason(ISSUER.sign(critical, withSd(badge())) + "~", VerificationPolicy.importing(),
        ReasonCode.CRITICAL_HEADER_UNSUPPORTED);
  }

  @Test
  void aKidOfAnotherDidThanTheIssuerIsRefused() {
    DidJwkIssuer other = DidJwkIssuer.generate();
    JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType(Rfc9901.DC_SD_JWT))
        .keyID(other.kid()).build();
    assertReason(other.sign(header, withSd(badge())) + "~", VerificationPolicy.importing(), ReasonCode.ISSUER_KEY_NOT_ISSUERS);
  }

  @Test
  void anX5cChainIsRefusedAsNotSupported() {
    JWSHeader header = ISSUER.header(Rfc9901.DC_SD_JWT)
        .x509CertChain(List.of(com.nimbusds.jose.util.Base64.encode(new byte[] {1, 2, 3}))).build();
    assertReason(ISSUER.sign(header, withSd(badge())) + "~", VerificationPolicy.importing(), ReasonCode.X5C_NOT_SUPPORTED);
  }

  @Test
  void typIssAndVctAreRequired() {
    assertReason(ISSUER.sign(ISSUER.header("JWT").build(), withSd(badge())) + "~", VerificationPolicy.importing(),
        ReasonCode.MALFORMED);
    JsonObject noIss = withSd(badge());
    noIss.remove("iss");
    assertReason(ISSUER.sign(ISSUER.header(Rfc9901.DC_SD_JWT).build(), noIss) + "~", VerificationPolicy.importing(),
        ReasonCode.MALFORMED);
    JsonObject noVct = withSd(badge());
    noVct.remove("vct");
    assertReason(ISSUER.sign(ISSUER.header(Rfc9901.DC_SD_JWT).build(), noVct) + "~", VerificationPolicy.importing(),
        ReasonCode.TYPE_MISSING);
    assertTrue(Await.result(verifier.verify(ISSUER.sign(ISSUER.header(Rfc9901.VC_SD_JWT).build(), withSd(badge())) + "~",
        VerificationPolicy.importing())).valid(), "vc+sd-jwt is accepted for the transition period");
  }

  @Test
  void validityWindowWithClockSkew() {
    long now = CLOCK.instant().getEpochSecond();
    assertReason(ISSUER.sign(ISSUER.header(Rfc9901.DC_SD_JWT).build(), withSd(badge().put("exp", now - 61))) + "~",
        VerificationPolicy.importing(), ReasonCode.EXPIRED);
    assertTrue(Await.result(verifier.verify(
        ISSUER.sign(ISSUER.header(Rfc9901.DC_SD_JWT).build(), withSd(badge().put("exp", now - 30))) + "~",
        VerificationPolicy.importing())).valid(), "30 s past exp is within the 60 s skew");
    assertReason(ISSUER.sign(ISSUER.header(Rfc9901.DC_SD_JWT).build(), withSd(badge().put("nbf", now + 120))) + "~",
        VerificationPolicy.importing(), ReasonCode.NOT_YET_VALID);
  }

  @Test
  void disclosureRulesOfRfc9901Section7() {
    JsonObject payload = withSd(badge());
    String given = disclosure(new JsonArray().add("salt-1").add("nickname").add("Ada"));
    String four = disclosure(new JsonArray().add("s").add("a").add("b").add("c"));
    String numericSalt = disclosure(new JsonArray().add(42).add("x").add("y"));
    String sdName = disclosure(new JsonArray().add("s").add("_sd").add(new JsonArray()));
    String dotsName = disclosure(new JsonArray().add("s").add("...").add("x"));
    String element = disclosure(new JsonArray().add("s").add("hygiene"));
    String issuerClaim = disclosure(new JsonArray().add("s").add("iss").add("did:example:evil"));
    String vctClaim = disclosure(new JsonArray().add("s").add("vct").add("other"));
    String statusClaim = disclosure(new JsonArray().add("s").add("status").add(new JsonObject()));
    String achievement = disclosure(new JsonArray().add("s").add("achievement").add("Brain Surgery"));

    assertDisclosures(payload, List.of(), List.of(four), ReasonCode.DISCLOSURE_MALFORMED);
    assertDisclosures(payload, List.of(), List.of(numericSalt), ReasonCode.DISCLOSURE_MALFORMED);
    assertDisclosures(payload, List.of(), List.of(sdName), ReasonCode.DISCLOSURE_MALFORMED);
    assertDisclosures(payload, List.of(), List.of(dotsName), ReasonCode.DISCLOSURE_MALFORMED);
    assertDisclosures(payload, List.of(), List.of(given), ReasonCode.DISCLOSURE_UNREFERENCED);
    assertDisclosures(payload, List.of(given, given), List.of(given), ReasonCode.DISCLOSURE_DUPLICATE_DIGEST);
    assertDisclosures(payload, List.of(given), List.of(given, given), ReasonCode.DISCLOSURE_DUPLICATE_DIGEST);
    assertDisclosures(payload, List.of(achievement), List.of(achievement), ReasonCode.DISCLOSURE_OVERWRITES_CLAIM);
    assertDisclosures(payload, List.of(element), List.of(element), ReasonCode.DISCLOSURE_MALFORMED);
    for (String registered : List.of(issuerClaim, vctClaim, statusClaim)) {
      assertDisclosures(payload, List.of(registered), List.of(registered), ReasonCode.DISCLOSURE_OF_REGISTERED_CLAIM);
    }
    JsonObject md5 = withSd(badge()).put(Rfc9901.SD_ALG, "md5");
    assertReason(ISSUER.sign(ISSUER.header(Rfc9901.DC_SD_JWT).build(), md5) + "~", VerificationPolicy.importing(),
        ReasonCode.HASH_ALGORITHM_NOT_ALLOWED);
  }

  @Test
  void recursiveDisclosuresArrayElementsAndDecoysAreProcessed() {
    String street = disclosure(new JsonArray().add("s1").add("street").add("1 Main St"));
    String element = disclosure(new JsonArray().add("s2").add("allergens"));
    String address = disclosure(new JsonArray().add("s3").add("address")
        .add(new JsonObject().put("country", "NZ").put("_sd", new JsonArray().add(HashAlgorithm.SHA_256.digest(street)))));
    JsonObject payload = withSd(badge())
        .put("skills", new JsonArray().add("hygiene").add(new JsonObject().put("...", HashAlgorithm.SHA_256.digest(element)))
            .add(new JsonObject().put("...", HashAlgorithm.SHA_256.digest("a-decoy-element"))));
    payload.put("_sd", new JsonArray().add(HashAlgorithm.SHA_256.digest(address)).add(HashAlgorithm.SHA_256.digest("decoy")));
    String sdJwt = ISSUER.sign(ISSUER.header(Rfc9901.DC_SD_JWT).build(), payload) + "~" + address + "~" + street + "~"
        + element + "~";
    VerificationResult result = Await.result(verifier.verify(sdJwt, VerificationPolicy.importing()));
    assertTrue(result.valid(), result.toString());
    JsonObject claims = result.credential().orElseThrow().claims();
    assertEquals(new JsonObject().put("country", "NZ").put("street", "1 Main St"), claims.getJsonObject("address"));
    assertEquals(List.of("hygiene", "allergens"), claims.getJsonArray("skills").getList(), "the decoy element is dropped");
  }

  private static void assertDisclosures(JsonObject base, List<String> referenced, List<String> presented, ReasonCode reason) {
    JsonObject payload = base.copy();
    JsonArray digests = new JsonArray();
    referenced.forEach(d -> digests.add(HashAlgorithm.SHA_256.digest(d)));
    payload.put("_sd", digests);
    String sdJwt = ISSUER.sign(ISSUER.header(Rfc9901.DC_SD_JWT).build(), payload) + "~" + String.join("~", presented) + "~";
    assertReason(sdJwt, VerificationPolicy.importing(), reason);
  }

  private static JsonObject withSd(JsonObject claims) {
    return claims.put(Rfc9901.SD_ALG, "sha-256");
  }

  private static String kb(String presented, ECKey key, String nonce, String audience) throws Exception {
    return KeyBinding.create(presented, HashAlgorithm.SHA_256, new ECDSASigner(key), JWSAlgorithm.ES256, nonce, audience,
        CLOCK.instant());
  }

  private static ECDSASigner signer() {
    try {
      return new ECDSASigner(ISSUER.key());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void assertReason(String presented, VerificationPolicy policy, ReasonCode reason) {
    VerificationResult result = Await.result(verifier.verify(presented, policy));
    assertFalse(result.valid(), "expected " + reason + " but it verified");
    assertEquals(reason, result.firstFailure().orElseThrow().reason().orElseThrow(), result.firstFailure().toString());
  }
}
