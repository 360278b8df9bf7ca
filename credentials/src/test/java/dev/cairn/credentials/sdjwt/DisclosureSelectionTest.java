package dev.cairn.credentials.sdjwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.credentials.Issuers.DidJwkIssuer;
import dev.cairn.credentials.dcql.ClaimsPath;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which disclosures leave for a set of concrete claims paths (RFC 9901 §5): exactly those needed, no more. */
class DisclosureSelectionTest {
  private static final DidJwkIssuer ISSUER = DidJwkIssuer.generate();

  private static JsonObject claims() {
    return new JsonObject()
        .put("iss", ISSUER.did()).put("vct", "https://credentials.example/training")
        .put("address.street", "flat-name-value")
        .put("address", new JsonObject().put("street", "nested-street-value").put("locality", "Thornbury"))
        .put("skills", new JsonArray().add("hygiene").add("allergens").add("temperature-control"));
  }

  private static final Set<ClaimsPath> DISCLOSABLE = Set.of(
      ClaimsPath.of("address.street"), ClaimsPath.of("address"), ClaimsPath.of("address", "street"),
      ClaimsPath.of("address", "locality"), ClaimsPath.of("skills", 0), ClaimsPath.of("skills", 1),
      ClaimsPath.of("skills", 2));

  /** What a verifier reads from the presented SD-JWT: the payload with the presented disclosures applied. */
  private static JsonObject disclosed(String presented) {
    SdJwt sdJwt = SdJwt.parse(presented);
    return DisclosureProcessor.process(new JsonObject(sdJwt.issuerJwt().getPayload().toString()), sdJwt.disclosures(),
        true);
  }

  private static String issued() {
    return StructuredSdJwt.issue(ISSUER, claims(), DISCLOSABLE, 2);
  }

  @Test
  void aClaimNameContainingADotRevealsOnlyThatClaim() {
    JsonObject seen = disclosed(DisclosureSelection.present(issued(), List.of(ClaimsPath.of("address.street"))));

    assertEquals("flat-name-value", seen.getString("address.street"));
    assertFalse(seen.containsKey("address"), seen.encode());
  }

  @Test
  void aNestedClaimRevealsItsParentButNotItsSiblings() {
    JsonObject seen = disclosed(DisclosureSelection.present(issued(), List.of(ClaimsPath.of("address", "street"))));

    assertEquals(new JsonObject().put("street", "nested-street-value"), seen.getJsonObject("address"));
    assertFalse(seen.containsKey("address.street"), seen.encode());
  }

  @Test
  void aParentClaimRevealsEverythingBeneathIt() {
    JsonObject seen = disclosed(DisclosureSelection.present(issued(), List.of(ClaimsPath.of("address"))));

    assertEquals(claims().getJsonObject("address"), seen.getJsonObject("address"));
  }

  @Test
  void anArrayPositionCountsOnlyElementsTheHolderCanSeeNotDecoys() {
    JsonObject seen = disclosed(DisclosureSelection.present(issued(), List.of(ClaimsPath.of("skills", 1))));

    assertEquals(new JsonArray().add("allergens"), seen.getJsonArray("skills"));
  }

  @Test
  void noChosenClaimLeavesOnlyWhatIsAlwaysDisclosed() {
    String presented = DisclosureSelection.present(issued(), List.of());

    assertTrue(presented.endsWith("~") && presented.indexOf('~') == presented.length() - 1, presented);
    assertEquals(new JsonArray(), disclosed(presented).getJsonArray("skills"));
  }

  @Test
  void dottedPathsForFixturesStillReachNestedClaimsAndArrayPositions() {
    JsonObject seen = disclosed(SdJwtBuilder.present(issued(), Set.of("address.locality", "skills.2")));

    assertEquals(new JsonObject().put("locality", "Thornbury"), seen.getJsonObject("address"));
    assertEquals(new JsonArray().add("temperature-control"), seen.getJsonArray("skills"));
  }
}
