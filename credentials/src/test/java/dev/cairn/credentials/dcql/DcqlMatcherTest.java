package dev.cairn.credentials.dcql;

import static dev.cairn.credentials.dcql.TestCredentials.ISSUER;
import static dev.cairn.credentials.dcql.TestCredentials.issuedBy;
import static dev.cairn.credentials.dcql.TestCredentials.query;
import static dev.cairn.credentials.dcql.TestCredentials.sdJwt;
import static dev.cairn.credentials.dcql.TestCredentials.w3c;
import static dev.cairn.credentials.dcql.TestCredentials.withoutHolderBinding;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The wallet side (OpenID4VP 1.0 §6.4): which credentials satisfy which Credential Query, and what they disclose. */
class DcqlMatcherTest {
  private static final String BADGE = "https://cairn.dev/vct/food-safety";
  private static final String FOOD_SAFETY = """
      {"name": "Food safety level 2", "awarded": "2025-03-01", "score": 91, "passed": true,
       "learner": {"given_name": "Ada", "family_name": "Lovelace"},
       "skills": [{"name": "Hygiene", "level": 2}, {"name": "Allergens", "level": 3}],
       "postal_code": 90210}""";

  private static DcqlCredential badge(String id) {
    return sdJwt(id, BADGE, FOOD_SAFETY);
  }

  /** A query for one dc+sd-jwt food-safety badge, with these extra Credential Query members. */
  private static DcqlQuery badgeQuery(String members) {
    return query("{\"credentials\": [{\"id\": \"badge\", \"format\": \"dc+sd-jwt\", \"meta\": {\"vct_values\": [\""
        + BADGE + "\"]}" + (members.isEmpty() ? "" : ", " + members) + "}]}");
  }

  private static CredentialQueryMatch only(DcqlQuery query, DcqlCredential... credentials) {
    return DcqlMatcher.match(query, List.of(credentials)).credentialQueries().get(0);
  }

  private static String rejection(DcqlQuery query, DcqlCredential credential) {
    CredentialQueryMatch match = only(query, credential);
    assertFalse(match.matched());
    return match.rejections().get(0).reason();
  }

  private static List<ClaimsPath> disclosed(DcqlQuery query, DcqlCredential credential) {
    CredentialQueryMatch match = only(query, credential);
    assertTrue(match.matched(), () -> match.rejections().toString());
    return match.matches().get(0).disclosedClaims();
  }

  @Test
  void aCredentialOfAnotherFormatIsRejected() {
    DcqlCredential jwtVc = w3c("b", "jwt_vc_json", List.of(BADGE), FOOD_SAFETY);

    assertEquals("format jwt_vc_json is not the requested dc+sd-jwt", rejection(badgeQuery(""), jwtVc));
  }

  @Test
  void aCredentialWhoseVctIsNotListedIsRejected() {
    DcqlCredential other = sdJwt("b", "https://cairn.dev/vct/forklift", FOOD_SAFETY);

    assertEquals("vct [\"https://cairn.dev/vct/forklift\"] is not one of meta.vct_values [\"" + BADGE + "\"]",
        rejection(badgeQuery(""), other));
  }

  @Test
  void anyOfTheListedVctValuesIsEnough() {
    DcqlQuery query = query("{\"credentials\": [{\"id\": \"badge\", \"format\": \"dc+sd-jwt\","
        + " \"meta\": {\"vct_values\": [\"https://cairn.dev/vct/forklift\", \"" + BADGE + "\"]}}]}");

    assertTrue(only(query, badge("b")).matched());
  }

  @Test
  void typeValuesMatchWhenAllTypesOfOneAlternativeArePresentInAnyOrder() {
    DcqlQuery query = query("""
        {"credentials": [{"id": "ob", "format": "ldp_vc", "meta": {"type_values": [
          ["VerifiableCredential", "EndorsementCredential"],
          ["OpenBadgeCredential", "VerifiableCredential"]]}}]}""");
    DcqlCredential badge = w3c("b", "ldp_vc", List.of("VerifiableCredential", "AchievementCredential",
        "OpenBadgeCredential"), "{}");

    assertTrue(only(query, badge).matched());
  }

  @Test
  void typeValuesDoNotMatchWhenEveryAlternativeLacksAType() {
    DcqlQuery query = query("""
        {"credentials": [{"id": "ob", "format": "jwt_vc_json", "meta": {"type_values": [
          ["VerifiableCredential", "EndorsementCredential"], ["OpenBadgeCredential", "UniversityDegreeCredential"]]}}]}""");
    DcqlCredential badge = w3c("b", "jwt_vc_json", List.of("VerifiableCredential", "OpenBadgeCredential"), "{}");

    assertEquals("types [\"VerifiableCredential\",\"OpenBadgeCredential\"] include no alternative of meta.type_values "
        + "[[\"VerifiableCredential\",\"EndorsementCredential\"],[\"OpenBadgeCredential\",\"UniversityDegreeCredential\"]]",
        rejection(query, badge));
  }

  @Test
  void aQueryWithoutClaimsMatchesAndDisclosesNothingSelectivelyDisclosable() {
    assertEquals(List.of(), disclosed(badgeQuery(""), badge("b")));
  }

  @Test
  void everyRequestedClaimMustBePresent() {
    DcqlQuery query = badgeQuery("\"claims\": [{\"path\": [\"name\"]}, {\"path\": [\"expires\"]}]");

    assertEquals("claims[1] [\"expires\"]: no claim at [\"expires\"]", rejection(query, badge("b")));
  }

  @Test
  void aClaimPointingToAnObjectDisclosesTheObject() {
    DcqlQuery query = badgeQuery("\"claims\": [{\"path\": [\"learner\"]}]");

    assertEquals(List.of(ClaimsPath.of("learner")), disclosed(query, badge("b")));
  }

  @Test
  void aValueMatchesWhenTheClaimEqualsOneOfTheValues() {
    DcqlQuery query = badgeQuery("\"claims\": [{\"path\": [\"name\"], \"values\": [\"Forklift\", \"Food safety level 2\"]}]");

    assertEquals(List.of(ClaimsPath.of("name")), disclosed(query, badge("b")));
  }

  @Test
  void aValueThatDiffersRejectsTheCredential() {
    DcqlQuery query = badgeQuery("\"claims\": [{\"path\": [\"name\"], \"values\": [\"Forklift\"]}]");

    assertEquals("claims[0] [\"name\"]: no value at [\"name\"] is one of [\"Forklift\"]", rejection(query, badge("b")));
  }

  @Test
  void aStringValueDoesNotMatchTheSameDigitsAsANumber() {
    DcqlQuery query = badgeQuery("\"claims\": [{\"path\": [\"postal_code\"], \"values\": [\"90210\"]}]");

    assertFalse(only(query, badge("b")).matched());
  }

  @Test
  void anIntegerValueDoesNotMatchTheSameDigitsAsAString() {
    DcqlCredential stringCode = sdJwt("b", BADGE, "{\"postal_code\": \"90210\"}");
    DcqlQuery query = badgeQuery("\"claims\": [{\"path\": [\"postal_code\"], \"values\": [90210]}]");

    assertFalse(only(query, stringCode).matched());
  }

  @Test
  void aBooleanValueDoesNotMatchTheStringTrue() {
    DcqlCredential stringTrue = sdJwt("b", BADGE, "{\"passed\": \"true\"}");
    DcqlQuery query = badgeQuery("\"claims\": [{\"path\": [\"passed\"], \"values\": [true]}]");

    assertFalse(only(query, stringTrue).matched());
    assertTrue(only(query, badge("b")).matched());
  }

  @Test
  void numbersMatchByTheirValue() {
    DcqlCredential decimalScore = sdJwt("b", BADGE, "{\"score\": 91.0}");
    DcqlQuery query = badgeQuery("\"claims\": [{\"path\": [\"score\"], \"values\": [91]}]");

    assertTrue(only(query, decimalScore).matched());
  }

  @Test
  void nullOverAnArraySelectsEveryElement() {
    DcqlQuery query = badgeQuery("\"claims\": [{\"path\": [\"skills\", null, \"name\"]}]");

    assertEquals(List.of(ClaimsPath.of("skills", 0, "name"), ClaimsPath.of("skills", 1, "name")),
        disclosed(query, badge("b")));
  }

  @Test
  void nullOverAnArrayWithValuesDisclosesOnlyTheMatchingElements() {
    DcqlQuery query = badgeQuery("\"claims\": [{\"path\": [\"skills\", null, \"name\"], \"values\": [\"Allergens\"]}]");

    assertEquals(List.of(ClaimsPath.of("skills", 1, "name")), disclosed(query, badge("b")));
  }

  @Test
  void nullOverAnArrayWithValuesRejectsWhenNoElementMatches() {
    DcqlQuery query = badgeQuery("\"claims\": [{\"path\": [\"skills\", null, \"level\"], \"values\": [5]}]");

    assertEquals("claims[0] [\"skills\",null,\"level\"]: no value at [\"skills\",null,\"level\"] is one of [5]",
        rejection(query, badge("b")));
  }

  @Test
  void disclosedClaimsHaveNoRepeats() {
    DcqlQuery query = badgeQuery("\"claims\": [{\"path\": [\"skills\", null, \"name\"]}, {\"path\": [\"skills\", 0, \"name\"]}]");

    assertEquals(List.of(ClaimsPath.of("skills", 0, "name"), ClaimsPath.of("skills", 1, "name")),
        disclosed(query, badge("b")));
  }

  @Test
  void claimSetsTakeTheFirstOptionThatCanBeSatisfied() {
    DcqlQuery query = badgeQuery("""
        "claims": [{"id": "passed", "path": ["passed"], "values": [true]}, {"id": "score", "path": ["score"]},
                   {"id": "name", "path": ["name"]}],
        "claim_sets": [["name", "passed"], ["name", "score"]]""");

    CandidateMatch match = only(query, badge("b")).matches().get(0);

    assertEquals(Optional.of(List.of("name", "passed")), match.claimSet());
    assertEquals(List.of(ClaimsPath.of("name"), ClaimsPath.of("passed")), match.disclosedClaims());
  }

  @Test
  void claimSetsFallBackToALaterOptionWhenAValueDoesNotMatch() {
    DcqlCredential failed = sdJwt("b", BADGE, "{\"name\": \"Food safety\", \"passed\": false, \"score\": 40}");
    DcqlQuery query = badgeQuery("""
        "claims": [{"id": "passed", "path": ["passed"], "values": [true]}, {"id": "score", "path": ["score"]},
                   {"id": "name", "path": ["name"]}],
        "claim_sets": [["name", "passed"], ["name", "score"]]""");

    CandidateMatch match = only(query, failed).matches().get(0);

    assertEquals(Optional.of(List.of("name", "score")), match.claimSet());
    assertEquals(List.of(ClaimsPath.of("name"), ClaimsPath.of("score")), match.disclosedClaims());
  }

  @Test
  void aClaimOutsideTheChosenClaimSetIsNotDisclosed() {
    DcqlQuery query = badgeQuery("""
        "claims": [{"id": "n", "path": ["name"]}, {"id": "l", "path": ["learner"]}], "claim_sets": [["n"], ["n", "l"]]""");

    assertEquals(List.of(ClaimsPath.of("name")), disclosed(query, badge("b")));
  }

  @Test
  void aCredentialWithoutHolderBindingIsRejectedByDefault() {
    assertEquals("require_cryptographic_holder_binding is true, and there is no Cryptographic Holder Binding proof "
        + "for this credential", rejection(badgeQuery(""), withoutHolderBinding(badge("b"))));
  }

  @Test
  void aCredentialWithoutHolderBindingMatchesWhenTheQueryDoesNotRequireIt() {
    DcqlQuery query = badgeQuery("\"require_cryptographic_holder_binding\": false");

    assertTrue(only(query, withoutHolderBinding(badge("b"))).matched());
  }

  @Test
  void cairnsIssuerListAcceptsAListedIssuer() {
    DcqlQuery query = badgeQuery("\"trusted_authorities\": [{\"type\": \"" + TrustedAuthority.CAIRN_ISSUER
        + "\", \"values\": [\"did:web:other.example\", \"" + ISSUER + "\"]}]");

    assertTrue(only(query, badge("b")).matched());
  }

  @Test
  void cairnsIssuerListRejectsAnIssuerNotListed() {
    DcqlQuery query = badgeQuery("\"trusted_authorities\": [{\"type\": \"" + TrustedAuthority.CAIRN_ISSUER
        + "\", \"values\": [\"did:web:other.example\"]}]");

    assertEquals("trusted_authorities: issuer " + ISSUER + " is not one of the accepted issuers",
        rejection(query, badge("b")));
  }

  @Test
  void onlyUnsupportedTrustedAuthorityTypesMatchNoCredential() {
    DcqlQuery query = badgeQuery("\"trusted_authorities\": [{\"type\": \"aki\", \"values\": [\"s9tIpPmhxdiuNkHMEWNpYim8S8Y\"]},"
        + " {\"type\": \"openid_federation\", \"values\": [\"https://trustanchor.example.com\"]}]");

    assertEquals("trusted_authorities: cannot tell whether issuer " + ISSUER + " is trusted: type aki, "
        + "openid_federation is not supported", rejection(query, badge("b")));
  }

  @Test
  void anUnsupportedTypeBesideCairnsListLeavesListedIssuersMatching() {
    DcqlQuery query = badgeQuery("\"trusted_authorities\": [{\"type\": \"etsi_tl\", \"values\": [\"https://lotl.example.com\"]},"
        + " {\"type\": \"" + TrustedAuthority.CAIRN_ISSUER + "\", \"values\": [\"" + ISSUER + "\"]}]");

    assertTrue(only(query, badge("b")).matched());
    assertEquals("trusted_authorities: issuer did:web:elsewhere.example is not one of the accepted issuers (type "
        + "etsi_tl is not supported)", rejection(query, issuedBy(badge("b"), "did:web:elsewhere.example")));
  }

  @Test
  void everyMatchIsListedAndMultipleIsReported() {
    DcqlQuery query = badgeQuery("\"multiple\": true");

    CredentialQueryMatch match = only(query, badge("first"), sdJwt("other", "https://cairn.dev/vct/forklift", "{}"),
        badge("second"));

    assertTrue(match.multiple());
    assertEquals(List.of("first", "second"), match.matches().stream().map(CandidateMatch::credentialId).toList());
    assertEquals(List.of("other"), match.rejections().stream().map(CandidateRejection::credentialId).toList());
  }

  @Test
  void withoutCredentialSetsEveryCredentialQueryIsRequired() {
    DcqlQuery query = query("{\"credentials\": ["
        + "{\"id\": \"badge\", \"format\": \"dc+sd-jwt\", \"meta\": {\"vct_values\": [\"" + BADGE + "\"]}},"
        + "{\"id\": \"forklift\", \"format\": \"dc+sd-jwt\", \"meta\": {\"vct_values\": [\"https://cairn.dev/vct/forklift\"]}}]}");

    DcqlMatch match = DcqlMatcher.match(query, List.of(badge("b")));

    assertTrue(match.credentialQuery("badge").orElseThrow().matched());
    assertFalse(match.satisfiable());
  }

  @Test
  void anOptionalCredentialSetThatCannotBeSatisfiedLeavesTheQuerySatisfiable() {
    DcqlMatch match = DcqlMatcher.match(twoBadgesQuery(false), List.of(badge("b")));

    assertTrue(match.satisfiable());
    assertFalse(match.credentialSets().get(1).satisfied());
  }

  @Test
  void aRequiredCredentialSetWithoutASatisfiableOptionMakesTheQueryUnsatisfiable() {
    DcqlMatch match = DcqlMatcher.match(twoBadgesQuery(true), List.of(badge("b")));

    assertFalse(match.satisfiable());
    assertEquals(List.of(List.of("badge")), match.credentialSets().get(0).satisfiableOptions());
    assertEquals(List.of(), match.credentialSets().get(1).satisfiableOptions());
  }

  @Test
  void aCredentialQueryInNoCredentialSetIsNotRequired() {
    DcqlQuery query = query("{\"credentials\": ["
        + "{\"id\": \"badge\", \"format\": \"dc+sd-jwt\", \"meta\": {\"vct_values\": [\"" + BADGE + "\"]}},"
        + "{\"id\": \"forklift\", \"format\": \"dc+sd-jwt\", \"meta\": {\"vct_values\": [\"https://cairn.dev/vct/forklift\"]}}],"
        + " \"credential_sets\": [{\"options\": [[\"badge\"]]}]}");

    assertTrue(DcqlMatcher.match(query, List.of(badge("b"))).satisfiable());
  }

  @Test
  void oneCredentialMayAnswerTwoCredentialQueries() {
    String meta = "\"format\": \"dc+sd-jwt\", \"meta\": {\"vct_values\": [\"" + BADGE + "\"]}";
    DcqlQuery query = query("{\"credentials\": ["
        + "{\"id\": \"name\", " + meta + ", \"claims\": [{\"path\": [\"name\"]}]},"
        + "{\"id\": \"date\", " + meta + ", \"claims\": [{\"path\": [\"awarded\"]}]}]}");

    DcqlMatch match = DcqlMatcher.match(query, List.of(badge("b")));

    assertTrue(match.satisfiable());
    assertEquals(List.of(ClaimsPath.of("awarded")),
        match.credentialQuery("date").orElseThrow().matches().get(0).disclosedClaims());
  }

  @Test
  void noCandidatesMatchNothing() {
    DcqlMatch match = DcqlMatcher.match(badgeQuery(""), List.of());

    assertFalse(match.satisfiable());
    assertTrue(match.credentialQueries().get(0).rejections().isEmpty());
  }

  /** A food-safety badge and a forklift licence, each in its own credential set, the second required or not. */
  private static DcqlQuery twoBadgesQuery(boolean forkliftRequired) {
    return query("{\"credentials\": ["
        + "{\"id\": \"badge\", \"format\": \"dc+sd-jwt\", \"meta\": {\"vct_values\": [\"" + BADGE + "\"]}},"
        + "{\"id\": \"forklift\", \"format\": \"dc+sd-jwt\", \"meta\": {\"vct_values\": [\"https://cairn.dev/vct/forklift\"]}}],"
        + " \"credential_sets\": [{\"options\": [[\"badge\"]]}, {\"options\": [[\"forklift\"]], \"required\": "
        + forkliftRequired + "}]}");
  }
}
