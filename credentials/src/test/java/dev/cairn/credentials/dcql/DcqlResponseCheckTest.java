package dev.cairn.credentials.dcql;

import static dev.cairn.credentials.dcql.TestCredentials.ISSUER;
import static dev.cairn.credentials.dcql.TestCredentials.presented;
import static dev.cairn.credentials.dcql.TestCredentials.query;
import static dev.cairn.credentials.dcql.TestCredentials.sdJwt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.did.testing.Vectors;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The verifier side (OpenID4VP 1.0 §8.6 and the Security Consideration "Security Checks on the Returned Credentials
 * and Presentations"): the query is judged on what was disclosed, never on what the wallet says it selected.
 */
class DcqlResponseCheckTest {
  private static final String BADGE = "https://cairn.dev/vct/food-safety";
  private static final DcqlCredential FOOD_SAFETY = sdJwt("b", BADGE, "{}");

  /** An employer's request: a food-safety badge with its name and award date. */
  private static final DcqlQuery NAME_AND_DATE = query("{\"credentials\": [{\"id\": \"badge\", \"format\": \"dc+sd-jwt\","
      + " \"meta\": {\"vct_values\": [\"" + BADGE + "\"]}, \"claims\": [{\"path\": [\"name\"]}, {\"path\": [\"awarded\"]}]}]}");

  private static PresentedCredential disclosing(String claims) {
    return presented(FOOD_SAFETY, claims);
  }

  @Test
  void aPresentationDisclosingEveryRequestedClaimSatisfiesTheQuery() {
    DcqlResponseCheck.Result result = DcqlResponseCheck.check(NAME_AND_DATE,
        Map.of("badge", List.of(disclosing("{\"name\": \"Food safety\", \"awarded\": \"2025-03-01\"}"))));

    assertTrue(result.satisfied(), result.problems()::toString);
    assertEquals(Map.of("badge", List.of(0)), result.acceptedPresentations());
    assertEquals(List.of(), result.problems());
  }

  @Test
  void aPresentationMissingARequiredClaimLeavesTheQueryUnsatisfied() {
    DcqlResponseCheck.Result result = DcqlResponseCheck.check(NAME_AND_DATE,
        Map.of("badge", List.of(disclosing("{\"name\": \"Food safety\"}"))));

    assertFalse(result.satisfied());
    assertEquals(List.of(
        "vp_token \"badge\" presentation 0 discarded: claims[1] [\"awarded\"]: no claim at [\"awarded\"]",
        "Credential Query \"badge\": no presentation satisfies it, and without credential_sets every Credential "
            + "Query is required"), result.problems());
    assertEquals(Map.of(), result.acceptedPresentations());
  }

  @Test
  void anExtraPresentationForACredentialQueryWithoutMultipleRejectsTheVpToken() {
    PresentedCredential full = disclosing("{\"name\": \"Food safety\", \"awarded\": \"2025-03-01\"}");

    DcqlResponseCheck.Result result = DcqlResponseCheck.check(NAME_AND_DATE, Map.of("badge", List.of(full, full)));

    assertFalse(result.satisfied());
    assertEquals("vp_token \"badge\": 2 presentations, but the Credential Query does not set multiple, so only one is "
        + "allowed", result.problems().get(0));
  }

  @Test
  void severalPresentationsAreAcceptedWhenTheQuerySetsMultiple() {
    DcqlQuery query = query("{\"credentials\": [{\"id\": \"badge\", \"format\": \"dc+sd-jwt\", \"multiple\": true,"
        + " \"meta\": {\"vct_values\": [\"" + BADGE + "\"]}, \"claims\": [{\"path\": [\"name\"]}]}]}");

    DcqlResponseCheck.Result result = DcqlResponseCheck.check(query,
        Map.of("badge", List.of(disclosing("{\"name\": \"A\"}"), disclosing("{\"name\": \"B\"}"))));

    assertTrue(result.satisfied());
    assertEquals(Map.of("badge", List.of(0, 1)), result.acceptedPresentations());
  }

  @Test
  void aFailingPresentationIsDiscardedWhileTheOthersStand() {
    DcqlQuery query = query("{\"credentials\": [{\"id\": \"badge\", \"format\": \"dc+sd-jwt\", \"multiple\": true,"
        + " \"meta\": {\"vct_values\": [\"" + BADGE + "\"]}, \"claims\": [{\"path\": [\"name\"]}]}]}");

    DcqlResponseCheck.Result result = DcqlResponseCheck.check(query,
        Map.of("badge", List.of(disclosing("{}"), disclosing("{\"name\": \"B\"}"))));

    assertTrue(result.satisfied());
    assertEquals(Map.of("badge", List.of(1)), result.acceptedPresentations());
    assertEquals(List.of("vp_token \"badge\" presentation 0 discarded: claims[0] [\"name\"]: no claim at [\"name\"]"),
        result.problems());
  }

  @Test
  void anEntryForAnUnknownCredentialQueryRejectsTheVpToken() {
    DcqlResponseCheck.Result result = DcqlResponseCheck.check(NAME_AND_DATE, Map.of(
        "badge", List.of(disclosing("{\"name\": \"Food safety\", \"awarded\": \"2025-03-01\"}")),
        "passport", List.of(disclosing("{}"))));

    assertFalse(result.satisfied());
    assertEquals(List.of("vp_token \"passport\": not the id of any Credential Query"), result.problems());
  }

  @Test
  void anEmptyEntryRejectsTheVpToken() {
    DcqlResponseCheck.Result result = DcqlResponseCheck.check(NAME_AND_DATE, Map.of("badge", List.of()));

    assertFalse(result.satisfied());
    assertEquals("vp_token \"badge\": must hold one or more presentations", result.problems().get(0));
  }

  @Test
  void aDisclosedValueOutsideTheRequestedValuesIsDiscarded() {
    DcqlQuery query = query("{\"credentials\": [{\"id\": \"badge\", \"format\": \"dc+sd-jwt\","
        + " \"meta\": {\"vct_values\": [\"" + BADGE + "\"]}, \"claims\": [{\"path\": [\"level\"], \"values\": [2, 3]}]}]}");

    DcqlResponseCheck.Result result = DcqlResponseCheck.check(query, Map.of("badge", List.of(disclosing("{\"level\": 1}"))));

    assertFalse(result.satisfied());
    assertEquals("vp_token \"badge\" presentation 0 discarded: claims[0] [\"level\"]: no value at [\"level\"] is one of "
        + "[2,3]", result.problems().get(0));
  }

  @Test
  void anyClaimSetOptionThatWasDisclosedSatisfiesTheQuery() {
    DcqlQuery query = query("{\"credentials\": [{\"id\": \"badge\", \"format\": \"dc+sd-jwt\","
        + " \"meta\": {\"vct_values\": [\"" + BADGE + "\"]}, \"claims\": [{\"id\": \"a\", \"path\": [\"age_over_18\"]},"
        + " {\"id\": \"b\", \"path\": [\"birth_date\"]}], \"claim_sets\": [[\"a\"], [\"b\"]]}]}");

    DcqlResponseCheck.Result result = DcqlResponseCheck.check(query,
        Map.of("badge", List.of(disclosing("{\"birth_date\": \"2000-01-01\"}"))));

    assertTrue(result.satisfied());
  }

  @Test
  void aPresentationWithoutAVerifiedHolderBindingProofIsDiscardedByDefault() {
    PresentedCredential unbound = new PresentedCredential("dc+sd-jwt", List.of(BADGE), ISSUER,
        new JsonObject("{\"name\": \"Food safety\", \"awarded\": \"2025-03-01\"}"), false);

    DcqlResponseCheck.Result result = DcqlResponseCheck.check(NAME_AND_DATE, Map.of("badge", List.of(unbound)));

    assertFalse(result.satisfied());
    assertEquals("vp_token \"badge\" presentation 0 discarded: require_cryptographic_holder_binding is true, and there "
        + "is no Cryptographic Holder Binding proof for this credential", result.problems().get(0));
  }

  @Test
  void aPresentationOfAnotherTypeIsDiscarded() {
    PresentedCredential forklift = new PresentedCredential("dc+sd-jwt", List.of("https://cairn.dev/vct/forklift"),
        ISSUER, new JsonObject("{\"name\": \"Forklift\", \"awarded\": \"2025-03-01\"}"), true);

    DcqlResponseCheck.Result result = DcqlResponseCheck.check(NAME_AND_DATE, Map.of("badge", List.of(forklift)));

    assertFalse(result.satisfied());
    assertTrue(result.problems().get(0).contains("is not one of meta.vct_values"), result.problems()::toString);
  }

  @Test
  void aPresentationFromAnIssuerOutsideCairnsListIsDiscarded() {
    DcqlQuery query = query("{\"credentials\": [{\"id\": \"badge\", \"format\": \"dc+sd-jwt\","
        + " \"meta\": {\"vct_values\": [\"" + BADGE + "\"]}, \"trusted_authorities\": [{\"type\": \""
        + TrustedAuthority.CAIRN_ISSUER + "\", \"values\": [\"did:web:accredited.example\"]}]}]}");

    DcqlResponseCheck.Result result = DcqlResponseCheck.check(query, Map.of("badge", List.of(disclosing("{}"))));

    assertFalse(result.satisfied());
    assertEquals("vp_token \"badge\" presentation 0 discarded: trusted_authorities: issuer " + ISSUER
        + " is not one of the accepted issuers", result.problems().get(0));
  }

  @Test
  void anOptionalCredentialSetMayGoUnanswered() {
    DcqlQuery query = Spec.credentialsAlternatives();
    PresentedCredential pid = new PresentedCredential("dc+sd-jwt", List.of(Spec.IDENTITY), ISSUER,
        new JsonObject("{\"given_name\": \"A\", \"family_name\": \"B\", \"address\": {\"street_address\": \"C\"}}"), true);

    DcqlResponseCheck.Result result = DcqlResponseCheck.check(query, Map.of("pid", List.of(pid)));

    assertTrue(result.satisfied(), result.problems()::toString);
  }

  @Test
  void aRequiredCredentialSetWithoutACompleteOptionLeavesTheQueryUnsatisfied() {
    PresentedCredential names = new PresentedCredential("dc+sd-jwt",
        List.of("https://credentials.example.com/reduced_identity_credential"), ISSUER,
        new JsonObject("{\"given_name\": \"A\", \"family_name\": \"B\"}"), true);

    DcqlResponseCheck.Result result = DcqlResponseCheck.check(Spec.credentialsAlternatives(),
        Map.of("pid_reduced_cred_1", List.of(names)));

    assertFalse(result.satisfied());
    assertEquals(List.of("credential_sets[0]: required, and no option is satisfied ([pid] lacks pid; [other_pid] lacks "
        + "other_pid; [pid_reduced_cred_1, pid_reduced_cred_2] lacks pid_reduced_cred_2)"), result.problems());
  }

  /** The Appendix D credential_sets example of the spec. */
  private static final class Spec {
    static final String IDENTITY = "https://credentials.example.com/identity_credential";

    static DcqlQuery credentialsAlternatives() {
      return DcqlQuery.parse(Vectors.object("openid4vp/1.0/examples/query_lang/credentials_alternatives.json"));
    }
  }
}
