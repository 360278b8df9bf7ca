package dev.cairn.credentials.dcql;

import static dev.cairn.credentials.dcql.DcqlException.Reason.CLAIM_SETS_WITHOUT_CLAIMS;
import static dev.cairn.credentials.dcql.DcqlException.Reason.DUPLICATE_CLAIM;
import static dev.cairn.credentials.dcql.DcqlException.Reason.DUPLICATE_ID;
import static dev.cairn.credentials.dcql.DcqlException.Reason.EMPTY_ARRAY;
import static dev.cairn.credentials.dcql.DcqlException.Reason.INVALID_CLAIMS_PATH;
import static dev.cairn.credentials.dcql.DcqlException.Reason.INVALID_ID;
import static dev.cairn.credentials.dcql.DcqlException.Reason.INVALID_VALUE;
import static dev.cairn.credentials.dcql.DcqlException.Reason.MISSING_CLAIM_ID;
import static dev.cairn.credentials.dcql.DcqlException.Reason.MISSING_MEMBER;
import static dev.cairn.credentials.dcql.DcqlException.Reason.UNKNOWN_CLAIM_ID;
import static dev.cairn.credentials.dcql.DcqlException.Reason.UNKNOWN_CREDENTIAL_ID;
import static dev.cairn.credentials.dcql.DcqlException.Reason.WRONG_TYPE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The MUST rules of OpenID4VP 1.0 §6, §6.1 to §6.4 and Appendix B, each broken once, and the defaults. */
class DcqlQueryValidationTest {

  /** A valid query with one dc+sd-jwt Credential Query, to be broken one member at a time. */
  private static JsonObject query() {
    return new JsonObject("""
        {"credentials": [{
          "id": "pid",
          "format": "dc+sd-jwt",
          "meta": {"vct_values": ["https://credentials.example.com/identity_credential"]},
          "claims": [{"id": "a", "path": ["given_name"]}, {"id": "b", "path": ["family_name"]}]
        }]}""");
  }

  private static JsonObject credential(JsonObject query) {
    return query.getJsonArray("credentials").getJsonObject(0);
  }

  private static DcqlException rejected(JsonObject query) {
    return assertThrows(DcqlException.class, () -> DcqlQuery.parse(query));
  }

  private static void assertRejected(JsonObject query, DcqlException.Reason reason, String message) {
    DcqlException error = rejected(query);
    assertEquals(message, error.getMessage());
    assertEquals(reason, error.reason());
  }

  @Test
  void theBaseQueryIsValid() {
    DcqlQuery parsed = DcqlQuery.parse(query());

    assertEquals(List.of("pid"), parsed.credentials().stream().map(CredentialQuery::id).toList());
  }

  @Test
  void omittedMembersTakeTheSpecsDefaults() {
    JsonObject query = query();
    query.put("credential_sets", new JsonArray("[{\"options\": [[\"pid\"]]}]"));

    DcqlQuery parsed = DcqlQuery.parse(query);

    CredentialQuery pid = parsed.credentials().get(0);
    assertFalse(pid.multiple());
    assertTrue(pid.requireCryptographicHolderBinding());
    assertTrue(pid.trustedAuthorities().isEmpty());
    assertTrue(pid.claimSets().isEmpty());
    assertTrue(parsed.credentialSets().get(0).required());
  }

  @Test
  void unknownMembersAreIgnored() {
    JsonObject query = query().put("purpose", "hiring");
    credential(query).put("intent", "x").getJsonArray("claims").getJsonObject(0).put("intent_to_retain", true);

    assertEquals(1, DcqlQuery.parse(query).credentials().size());
  }

  @Test
  void aQueryWithoutCredentialsIsRejected() {
    assertRejected(new JsonObject(), MISSING_MEMBER, "credentials: is required");
  }

  @Test
  void anEmptyCredentialsArrayIsRejected() {
    assertRejected(new JsonObject().put("credentials", new JsonArray()), EMPTY_ARRAY,
        "credentials: must be a non-empty array");
  }

  @Test
  void credentialsThatIsNotAnArrayIsRejected() {
    assertRejected(new JsonObject().put("credentials", new JsonObject()), WRONG_TYPE,
        "credentials: must be a non-empty array");
  }

  @Test
  void aCredentialQueryThatIsNotAnObjectIsRejected() {
    assertRejected(new JsonObject().put("credentials", new JsonArray().add("pid")), WRONG_TYPE,
        "credentials[0]: must be an object");
  }

  @Test
  void twoCredentialQueriesWithTheSameIdAreRejected() {
    JsonObject query = query();
    query.getJsonArray("credentials").add(credential(query).copy());

    assertRejected(query, DUPLICATE_ID, "credentials[1].id: \"pid\" is already the id of credentials[0]");
  }

  @Test
  void aCredentialQueryIdWithOtherCharactersIsRejected() {
    JsonObject query = query();
    credential(query).put("id", "my credential");

    assertRejected(query, INVALID_ID,
        "credentials[0].id: must be a non-empty string of alphanumeric, underscore (_) or hyphen (-) characters");
  }

  @Test
  void anEmptyCredentialQueryIdIsRejected() {
    JsonObject query = query();
    credential(query).put("id", "");

    assertEquals(INVALID_ID, rejected(query).reason());
  }

  @Test
  void aNonAsciiLetterInAnIdIsRejected() {
    JsonObject query = query();
    credential(query).put("id", "pid_é");

    assertEquals(INVALID_ID, rejected(query).reason());
  }

  @Test
  void aMissingIdIsRejected() {
    JsonObject query = query();
    credential(query).remove("id");

    assertRejected(query, MISSING_MEMBER, "credentials[0].id: is required");
  }

  @Test
  void aNumericIdIsRejected() {
    JsonObject query = query();
    credential(query).put("id", 7);

    assertRejected(query, WRONG_TYPE, "credentials[0].id: must be a string");
  }

  @Test
  void aMissingFormatIsRejected() {
    JsonObject query = query();
    credential(query).remove("format");

    assertRejected(query, MISSING_MEMBER, "credentials[0].format: is required");
  }

  @Test
  void aMissingMetaIsRejected() {
    JsonObject query = query();
    credential(query).remove("meta");

    assertRejected(query, MISSING_MEMBER, "credentials[0].meta: is required");
  }

  @Test
  void metaThatIsNotAnObjectIsRejected() {
    JsonObject query = query();
    credential(query).put("meta", new JsonArray());

    assertRejected(query, WRONG_TYPE, "credentials[0].meta: must be an object");
  }

  @Test
  void anSdJwtVcQueryWithoutVctValuesIsRejected() {
    JsonObject query = query();
    credential(query).put("meta", new JsonObject());

    assertRejected(query, MISSING_MEMBER, "credentials[0].meta.vct_values: is required");
  }

  @Test
  void vctValuesWithANonStringIsRejected() {
    JsonObject query = query();
    credential(query).put("meta", new JsonObject("{\"vct_values\": [\"a\", 1]}"));

    assertRejected(query, WRONG_TYPE, "credentials[0].meta.vct_values[1]: must be a string");
  }

  @Test
  void aW3cQueryWithoutTypeValuesIsRejected() {
    JsonObject query = query();
    credential(query).put("format", "ldp_vc").put("meta", new JsonObject());

    assertRejected(query, MISSING_MEMBER, "credentials[0].meta.type_values: is required");
  }

  @Test
  void typeValuesThatIsAFlatArrayIsRejected() {
    JsonObject query = query();
    credential(query).put("format", "jwt_vc_json")
        .put("meta", new JsonObject("{\"type_values\": [\"VerifiableCredential\"]}"));

    assertRejected(query, WRONG_TYPE, "credentials[0].meta.type_values[0]: must be a non-empty array");
  }

  @Test
  void anEmptyTypeValuesAlternativeIsRejected() {
    JsonObject query = query();
    credential(query).put("format", "jwt_vc_json").put("meta", new JsonObject("{\"type_values\": [[]]}"));

    assertRejected(query, EMPTY_ARRAY, "credentials[0].meta.type_values[0]: must be a non-empty array");
  }

  @Test
  void anMdocQueryWithoutDoctypeValueIsRejected() {
    JsonObject query = query();
    credential(query).put("format", "mso_mdoc").put("meta", new JsonObject()).remove("claims");

    assertRejected(query, MISSING_MEMBER, "credentials[0].meta.doctype_value: is required");
  }

  @Test
  void aFormatWithoutDefinedMetaKeepsItsMetaUnchecked() {
    JsonObject query = query();
    credential(query).put("format", "vc+jwt").put("meta", new JsonObject().put("anything", 1));

    CredentialMeta meta = DcqlQuery.parse(query).credentials().get(0).meta();

    assertEquals(1, assertInstanceOf(CredentialMeta.Unconstrained.class, meta).members().getInteger("anything"));
  }

  @Test
  void multipleThatIsNotABooleanIsRejected() {
    JsonObject query = query();
    credential(query).put("multiple", "true");

    assertRejected(query, WRONG_TYPE, "credentials[0].multiple: must be a boolean");
  }

  @Test
  void multipleThatIsJsonNullIsRejected() {
    JsonObject query = query();
    credential(query).putNull("multiple");

    assertRejected(query, WRONG_TYPE, "credentials[0].multiple: must be a boolean");
  }

  @Test
  void requireCryptographicHolderBindingThatIsNotABooleanIsRejected() {
    JsonObject query = query();
    credential(query).put("require_cryptographic_holder_binding", 0);

    assertRejected(query, WRONG_TYPE, "credentials[0].require_cryptographic_holder_binding: must be a boolean");
  }

  @Test
  void anEmptyClaimsArrayIsRejected() {
    JsonObject query = query();
    credential(query).put("claims", new JsonArray());

    assertRejected(query, EMPTY_ARRAY, "credentials[0].claims: must be a non-empty array");
  }

  @Test
  void aClaimWithoutPathIsRejected() {
    JsonObject query = query();
    credential(query).getJsonArray("claims").getJsonObject(1).remove("path");

    assertRejected(query, MISSING_MEMBER, "credentials[0].claims[1].path: is required");
  }

  @Test
  void anEmptyPathNamesItsMember() {
    JsonObject query = query();
    query.getJsonArray("credentials").add(credential(query).copy().put("id", "other"));
    query.getJsonArray("credentials").getJsonObject(1).getJsonArray("claims").getJsonObject(0).put("path", new JsonArray());

    assertRejected(query, EMPTY_ARRAY, "credentials[1].claims[0].path: must be a non-empty array");
  }

  @Test
  void aPathWithANegativeIndexIsRejected() {
    JsonObject query = query();
    credential(query).getJsonArray("claims").getJsonObject(0).put("path", new JsonArray("[\"degrees\", -1]"));

    assertRejected(query, INVALID_CLAIMS_PATH,
        "credentials[0].claims[0].path[1]: must be a string, null or a non-negative integer");
  }

  @Test
  void twoClaimsWithTheSameIdAreRejected() {
    JsonObject query = query();
    credential(query).getJsonArray("claims").getJsonObject(1).put("id", "a");

    assertRejected(query, DUPLICATE_ID, "credentials[0].claims[1].id: \"a\" is already the id of credentials[0].claims[0]");
  }

  @Test
  void aClaimIdWithOtherCharactersIsRejected() {
    JsonObject query = query();
    credential(query).getJsonArray("claims").getJsonObject(0).put("id", "a.b");

    assertEquals(INVALID_ID, rejected(query).reason());
  }

  @Test
  void twoClaimsWithTheSamePathAreRejected() {
    JsonObject query = query();
    credential(query).getJsonArray("claims").getJsonObject(1).put("path", new JsonArray().add("given_name"));

    assertRejected(query, DUPLICATE_CLAIM,
        "credentials[0].claims[1].path: [\"given_name\"] points to the same claim as credentials[0].claims[0]");
  }

  @Test
  void anEmptyValuesArrayIsRejected() {
    JsonObject query = query();
    credential(query).getJsonArray("claims").getJsonObject(0).put("values", new JsonArray());

    assertRejected(query, EMPTY_ARRAY, "credentials[0].claims[0].values: must be a non-empty array");
  }

  @Test
  void aValueThatIsAnObjectNullOrFractionIsRejected() {
    for (String value : List.of("{\"a\": 1}", "null", "1.5", "[1]")) {
      JsonObject query = query();
      credential(query).getJsonArray("claims").getJsonObject(0).put("values", new JsonArray("[\"ok\", " + value + "]"));

      DcqlException error = rejected(query);

      assertEquals("credentials[0].claims[0].values[1]: must be a string, an integer or a boolean", error.getMessage());
      assertEquals(INVALID_VALUE, error.reason());
    }
  }

  @Test
  void stringsIntegersAndBooleansAreValidValues() {
    JsonObject query = query();
    credential(query).getJsonArray("claims").getJsonObject(0).put("values", new JsonArray("[\"x\", 18, true]"));

    assertEquals(List.of("x", 18, true), DcqlQuery.parse(query).credentials().get(0).claims().get(0).values());
  }

  @Test
  void claimSetsWithoutClaimsAreRejected() {
    JsonObject query = query();
    credential(query).remove("claims");
    credential(query).put("claim_sets", new JsonArray("[[\"a\"]]"));

    assertRejected(query, CLAIM_SETS_WITHOUT_CLAIMS, "credentials[0].claim_sets: must not be present without claims");
  }

  @Test
  void claimSetsWhenAClaimHasNoIdAreRejected() {
    JsonObject query = query();
    credential(query).getJsonArray("claims").getJsonObject(1).remove("id");
    credential(query).put("claim_sets", new JsonArray("[[\"a\"]]"));

    assertRejected(query, MISSING_CLAIM_ID, "credentials[0].claims[1].id: is required when claim_sets is present");
  }

  @Test
  void claimSetsNamingAnUnknownClaimAreRejected() {
    JsonObject query = query();
    credential(query).put("claim_sets", new JsonArray("[[\"a\", \"b\"], [\"a\", \"c\"]]"));

    assertRejected(query, UNKNOWN_CLAIM_ID,
        "credentials[0].claim_sets[1][1]: \"c\" is not the id of any element of claims");
  }

  @Test
  void anEmptyClaimSetsArrayIsRejected() {
    JsonObject query = query();
    credential(query).put("claim_sets", new JsonArray());

    assertRejected(query, EMPTY_ARRAY, "credentials[0].claim_sets: must be a non-empty array");
  }

  @Test
  void aClaimSetThatIsNotAnArrayIsRejected() {
    JsonObject query = query();
    credential(query).put("claim_sets", new JsonArray("[\"a\"]"));

    assertRejected(query, WRONG_TYPE, "credentials[0].claim_sets[0]: must be an array of strings");
  }

  @Test
  void anEmptyTrustedAuthoritiesArrayIsRejected() {
    JsonObject query = query();
    credential(query).put("trusted_authorities", new JsonArray());

    assertRejected(query, EMPTY_ARRAY, "credentials[0].trusted_authorities: must be a non-empty array");
  }

  @Test
  void aTrustedAuthorityWithoutTypeIsRejected() {
    JsonObject query = query();
    credential(query).put("trusted_authorities", new JsonArray("[{\"values\": [\"x\"]}]"));

    assertRejected(query, MISSING_MEMBER, "credentials[0].trusted_authorities[0].type: is required");
  }

  @Test
  void aTrustedAuthorityWithoutValuesIsRejected() {
    JsonObject query = query();
    credential(query).put("trusted_authorities", new JsonArray("[{\"type\": \"aki\", \"values\": []}]"));

    assertRejected(query, EMPTY_ARRAY, "credentials[0].trusted_authorities[0].values: must be a non-empty array");
  }

  @Test
  void anEmptyCredentialSetsArrayIsRejected() {
    assertRejected(query().put("credential_sets", new JsonArray()), EMPTY_ARRAY,
        "credential_sets: must be a non-empty array");
  }

  @Test
  void aCredentialSetWithoutOptionsIsRejected() {
    assertRejected(query().put("credential_sets", new JsonArray("[{\"required\": true}]")), MISSING_MEMBER,
        "credential_sets[0].options: is required");
  }

  @Test
  void anEmptyCredentialSetOptionIsRejected() {
    assertRejected(query().put("credential_sets", new JsonArray("[{\"options\": [[\"pid\"], []]}]")), EMPTY_ARRAY,
        "credential_sets[0].options[1]: must be a non-empty array");
  }

  @Test
  void aCredentialSetNamingAnUnknownCredentialQueryIsRejected() {
    assertRejected(query().put("credential_sets", new JsonArray("[{\"options\": [[\"pid\", \"mdl\"]]}]")),
        UNKNOWN_CREDENTIAL_ID, "credential_sets[0].options[0][1]: \"mdl\" is not the id of any Credential Query");
  }

  @Test
  void aCredentialSetRequiredThatIsNotABooleanIsRejected() {
    assertRejected(query().put("credential_sets", new JsonArray("[{\"options\": [[\"pid\"]], \"required\": \"no\"}]")),
        WRONG_TYPE, "credential_sets[0].required: must be a boolean");
  }
}
