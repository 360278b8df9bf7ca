package dev.cairn.credentials.dcql;

import static dev.cairn.credentials.dcql.TestCredentials.mdoc;
import static dev.cairn.credentials.dcql.TestCredentials.sdJwt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.did.testing.Vectors;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The DCQL examples of OpenID4VP 1.0 (vectors/openid4vp/1.0/README.md names the section of each): every one parses,
 * and each matches the fixture credentials the example describes.
 */
class DcqlSpecExamplesTest {
  private static final String DIR = "openid4vp/1.0/";
  private static final String IDENTITY = "https://credentials.example.com/identity_credential";

  private static DcqlQuery example(String file) {
    return DcqlQuery.parse(Vectors.object(DIR + file));
  }

  private static DcqlQuery inlineQuery(String file) {
    return DcqlQuery.parse(Vectors.object(DIR + file).getJsonObject("dcql_query"));
  }

  static Stream<Named<JsonObject>> everyQueryInTheSpec() {
    return Stream.of(
        Named.of("§5.4 request object", Vectors.object(DIR + "inline/section-5.4-request-object-payload.json")
            .getJsonObject("dcql_query")),
        Named.of("§8.3 encrypted response request",
            Vectors.object(DIR + "inline/section-8.3-encrypted-response-request.json").getJsonObject("dcql_query")),
        Named.of("B.1.3.1.4 dcql_jwt_vc", Vectors.object(DIR + "examples/request/dcql_jwt_vc.json")),
        Named.of("D simple_mdoc", Vectors.object(DIR + "examples/query_lang/simple_mdoc.json")),
        Named.of("D credentials_alternatives", Vectors.object(DIR + "examples/query_lang/credentials_alternatives.json")),
        Named.of("D complex_mdoc", Vectors.object(DIR + "examples/query_lang/complex_mdoc.json")),
        Named.of("D claims_alternatives", Vectors.object(DIR + "examples/query_lang/claims_alternatives.json")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyQueryInTheSpec")
  void everyDcqlQueryPrintedInTheSpecIsValid(JsonObject query) {
    DcqlQuery parsed = DcqlQuery.parse(query);

    assertEquals(query.getJsonArray("credentials").size(), parsed.credentials().size());
  }

  @Test
  void theSection54QueryAsksAnSdJwtVcForTwoClaims() {
    CredentialQuery query = inlineQuery("inline/section-5.4-request-object-payload.json").credentials().get(0);

    assertEquals("some_identity_credential", query.id());
    assertEquals("dc+sd-jwt", query.format());
    assertEquals(new CredentialMeta.SdJwtVc(List.of(IDENTITY)), query.meta());
    assertEquals(List.of(ClaimsPath.of("last_name"), ClaimsPath.of("first_name")),
        query.claims().stream().map(ClaimsQuery::path).toList());
  }

  @Test
  void theCredentialsAlternativesExampleHasARequiredSetAndAnOptionalOne() {
    List<CredentialSetQuery> sets = example("examples/query_lang/credentials_alternatives.json").credentialSets();

    assertEquals(List.of(List.of("pid"), List.of("other_pid"), List.of("pid_reduced_cred_1", "pid_reduced_cred_2")),
        sets.get(0).options());
    assertTrue(sets.get(0).required());
    assertFalse(sets.get(1).required());
  }

  @Test
  void theClaimsAlternativesExampleKeepsItsClaimSetsInOrder() {
    CredentialQuery pid = example("examples/query_lang/claims_alternatives.json").credentials().get(0);

    assertEquals(List.of(List.of("a", "c", "d", "e"), List.of("a", "b", "e")), pid.claimSets());
    assertEquals(ClaimsPath.of("postal_code"), pid.claim("b").orElseThrow().path());
  }

  @Test
  void theTrustedAuthorityExamplesParseButCannotBeEvaluated() {
    JsonObject examples = Vectors.object(DIR + "inline/section-6.1.1-trusted-authorities.json");
    JsonObject query = Vectors.object(DIR + "examples/request/dcql_jwt_vc.json");
    query.getJsonArray("credentials").getJsonObject(0)
        .put("trusted_authorities", new JsonArray(new ArrayList<>(examples.getMap().values())));

    CredentialQuery parsed = DcqlQuery.parse(query).credentials().get(0);

    assertEquals(List.of("aki", "etsi_tl", "openid_federation"),
        parsed.trustedAuthorities().stream().map(TrustedAuthority::type).toList());
    assertEquals(List.of("s9tIpPmhxdiuNkHMEWNpYim8S8Y"), parsed.trustedAuthorities().get(0).values());
    assertEquals(parsed.trustedAuthorities(), parsed.unsupportedTrustedAuthorities());
  }

  @Test
  void theJwtVcExampleCredentialSatisfiesTheJwtVcPresentationRequest() {
    JsonObject payload = Vectors.object(DIR + "examples/credentials/jwt_vc.json");
    JsonObject vc = payload.getJsonObject("vc");
    List<String> types = vc.getJsonArray("type").stream().map(String.class::cast).toList();
    DcqlCredential credential = new DcqlCredential("id-card", "jwt_vc_json", types, payload.getString("iss"), vc, true);

    DcqlMatch match = DcqlMatcher.match(example("examples/request/dcql_jwt_vc.json"), List.of(credential));

    assertTrue(match.satisfiable());
    CandidateMatch candidate = match.credentialQuery("example_jwt_vc").orElseThrow().matches().get(0);
    assertEquals(List.of(ClaimsPath.of("credentialSubject", "family_name"), ClaimsPath.of("credentialSubject", "given_name")),
        candidate.disclosedClaims());
  }

  @Test
  void theSection54QueryMatchesAnIdentityCredentialWithBothNames() {
    DcqlCredential credential = sdJwt("id", IDENTITY, "{\"first_name\": \"Ada\", \"last_name\": \"Lovelace\", \"age\": 36}");

    DcqlMatch match = DcqlMatcher.match(inlineQuery("inline/section-5.4-request-object-payload.json"), List.of(credential));

    assertTrue(match.satisfiable());
    assertEquals(List.of(ClaimsPath.of("last_name"), ClaimsPath.of("first_name")),
        match.credentialQueries().get(0).matches().get(0).disclosedClaims());
  }

  @Test
  void thePidAloneSatisfiesTheCredentialsAlternativesExample() {
    DcqlMatch match = DcqlMatcher.match(example("examples/query_lang/credentials_alternatives.json"), List.of(
        sdJwt("my-pid", IDENTITY, "{\"given_name\": \"A\", \"family_name\": \"B\", \"address\": {\"street_address\": \"C\"}}")));

    assertTrue(match.satisfiable());
    assertEquals(List.of(List.of("pid")), match.credentialSets().get(0).satisfiableOptions());
    assertFalse(match.credentialSets().get(1).satisfied());
  }

  @Test
  void theTwoReducedCredentialsTogetherSatisfyTheCredentialsAlternativesExample() {
    DcqlMatch match = DcqlMatcher.match(example("examples/query_lang/credentials_alternatives.json"), List.of(
        sdJwt("names", "https://credentials.example.com/reduced_identity_credential",
            "{\"given_name\": \"A\", \"family_name\": \"B\"}"),
        sdJwt("residence", "https://cred.example/residence_credential",
            "{\"postal_code\": \"1\", \"locality\": \"L\", \"region\": \"R\"}"),
        sdJwt("rewards", "https://company.example/company_rewards", "{\"rewards_number\": 42}")));

    assertTrue(match.satisfiable());
    assertEquals(List.of(List.of("pid_reduced_cred_1", "pid_reduced_cred_2")),
        match.credentialSets().get(0).satisfiableOptions());
    assertTrue(match.credentialSets().get(1).satisfied());
  }

  @Test
  void oneReducedCredentialAloneDoesNotSatisfyTheCredentialsAlternativesExample() {
    DcqlMatch match = DcqlMatcher.match(example("examples/query_lang/credentials_alternatives.json"), List.of(
        sdJwt("names", "https://credentials.example.com/reduced_identity_credential",
            "{\"given_name\": \"A\", \"family_name\": \"B\"}"),
        sdJwt("rewards", "https://company.example/company_rewards", "{\"rewards_number\": 42}")));

    assertFalse(match.satisfiable());
    assertTrue(match.credentialQuery("pid_reduced_cred_1").orElseThrow().matched());
    assertTrue(match.credentialQuery("nice_to_have").orElseThrow().matched());
  }

  @Test
  void theClaimsAlternativesExampleTakesItsFirstClaimSetWhenEveryClaimIsThere() {
    DcqlCredential all = sdJwt("pid", IDENTITY, "{\"last_name\": \"L\", \"postal_code\": \"P\", \"locality\": \"Lo\","
        + " \"region\": \"R\", \"date_of_birth\": \"1900-01-01\"}");

    CandidateMatch match = onlyMatch(example("examples/query_lang/claims_alternatives.json"), all);

    assertEquals(Optional.of(List.of("a", "c", "d", "e")), match.claimSet());
    assertEquals(List.of(ClaimsPath.of("last_name"), ClaimsPath.of("locality"), ClaimsPath.of("region"),
        ClaimsPath.of("date_of_birth")), match.disclosedClaims());
  }

  @Test
  void theClaimsAlternativesExampleFallsBackToThePostalCode() {
    DcqlCredential noRegion = sdJwt("pid", IDENTITY,
        "{\"last_name\": \"L\", \"postal_code\": \"P\", \"locality\": \"Lo\", \"date_of_birth\": \"1900-01-01\"}");

    CandidateMatch match = onlyMatch(example("examples/query_lang/claims_alternatives.json"), noRegion);

    assertEquals(Optional.of(List.of("a", "b", "e")), match.claimSet());
    assertEquals(List.of(ClaimsPath.of("last_name"), ClaimsPath.of("postal_code"), ClaimsPath.of("date_of_birth")),
        match.disclosedClaims());
  }

  @Test
  void theClaimsAlternativesExampleRejectsACredentialWithoutADateOfBirth() {
    DcqlCredential noBirthDate = sdJwt("pid", IDENTITY, "{\"last_name\": \"L\", \"postal_code\": \"P\"}");

    DcqlMatch match = DcqlMatcher.match(example("examples/query_lang/claims_alternatives.json"), List.of(noBirthDate));

    assertFalse(match.satisfiable());
    assertEquals("no option of claim_sets can be satisfied (claim_sets[0]: claims[2] [\"locality\"]: no claim at "
        + "[\"locality\"]; claim_sets[1]: claims[4] [\"date_of_birth\"]: no claim at [\"date_of_birth\"])",
        match.credentialQueries().get(0).rejections().get(0).reason());
  }

  @Test
  void aPhotoIdWithoutAnAddressSatisfiesTheComplexMdocExample() {
    DcqlMatch match = DcqlMatcher.match(example("examples/query_lang/complex_mdoc.json"), List.of(mdoc("card",
        "org.iso.23220.photoid.1",
        "{\"org.iso.18013.5.1\": {\"given_name\": \"A\", \"family_name\": \"B\", \"portrait\": \"...\"}}")));

    assertTrue(match.satisfiable());
    assertEquals(List.of(List.of("photo_card-id")), match.credentialSets().get(0).satisfiableOptions());
    assertFalse(match.credentialSets().get(1).satisfied());
    assertFalse(match.credentialQuery("mdl-id").orElseThrow().matched());
  }

  @Test
  void theSimpleMdocExampleMatchesAVehicleRegistration() {
    DcqlMatch match = DcqlMatcher.match(example("examples/query_lang/simple_mdoc.json"), List.of(mdoc("mvrc",
        "org.iso.7367.1.mVRC",
        "{\"org.iso.7367.1\": {\"vehicle_holder\": \"A\"}, \"org.iso.18013.5.1\": {\"first_name\": \"B\"}}")));

    assertTrue(match.satisfiable());
  }

  @Test
  void theTypeValuesExampleMatchesItsThreeCredentialsByTheirExpandedTypes() {
    JsonObject example = Vectors.object(DIR + "inline/appendix-B.1.1-type-values.json");
    DcqlQuery query = query("ldp_vc", example.getJsonObject("type_values_fragment"));
    List<DcqlCredential> credentials = new ArrayList<>();
    JsonArray expanded = example.getJsonArray("expanded_types_DERIVED");
    for (int i = 0; i < expanded.size(); i++) {
      List<String> types = expanded.getJsonArray(i).stream().map(String.class::cast).toList();
      credentials.add(new DcqlCredential("vc" + i, "ldp_vc", types, "did:example:issuer",
          example.getJsonArray("matching_credentials").getJsonObject(i), true));
    }

    DcqlMatch match = DcqlMatcher.match(query, credentials);

    assertEquals(List.of("vc0", "vc1", "vc2"),
        match.credentialQueries().get(0).matches().stream().map(CandidateMatch::credentialId).toList());
  }

  @Test
  void typeValuesAreComparedWithTheTypesAsGivenSoCompactTermsDoNotMatchExpandedOnes() {
    JsonObject example = Vectors.object(DIR + "inline/appendix-B.1.1-type-values.json");
    JsonObject compact = example.getJsonArray("matching_credentials").getJsonObject(0);
    DcqlCredential credential = new DcqlCredential("vc", "ldp_vc",
        compact.getJsonArray("type").stream().map(String.class::cast).toList(), "did:example:issuer", compact, true);

    DcqlMatch match = DcqlMatcher.match(query("ldp_vc", example.getJsonObject("type_values_fragment")),
        List.of(credential));

    assertFalse(match.satisfiable());
  }

  private static DcqlQuery query(String format, JsonObject meta) {
    return DcqlQuery.parse(new JsonObject(Map.of("credentials", new JsonArray().add(
        new JsonObject().put("id", "vc").put("format", format).put("meta", meta)))));
  }

  private static CandidateMatch onlyMatch(DcqlQuery query, DcqlCredential credential) {
    DcqlMatch match = DcqlMatcher.match(query, List.of(credential));
    assertTrue(match.satisfiable(), () -> match.credentialQueries().get(0).rejections().toString());
    return assertInstanceOf(CandidateMatch.class, match.credentialQueries().get(0).matches().get(0));
  }
}
