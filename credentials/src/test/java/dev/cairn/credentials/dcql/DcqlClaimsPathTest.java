package dev.cairn.credentials.dcql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.did.testing.Vectors;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Claims path pointers (OpenID4VP 1.0 §7): their syntax and the processing rules of §7.1.1. */
class DcqlClaimsPathTest {
  private static final JsonObject EXAMPLE =
      Vectors.object("openid4vp/1.0/inline/section-7.3-claims-path-pointer-example.json");

  static Stream<Named<JsonObject>> section73Selections() {
    return EXAMPLE.getJsonArray("selections").stream().map(JsonObject.class::cast)
        .map(example -> Named.of(example.getJsonArray("path").encode(), example));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("section73Selections")
  void theSpecsSection73PointersSelectTheClaimsItNames(JsonObject example) {
    ClaimsPath path = ClaimsPath.parse(example.getJsonArray("path"), "path");

    ClaimsPath.Selection selection = path.select(EXAMPLE.getJsonObject("credential"));

    List<SelectedClaim> selected = assertInstanceOf(ClaimsPath.Selected.class, selection).claims();
    JsonArray expected = example.getJsonArray("selected");
    assertEquals(expected.size(), selected.size());
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(expected.getJsonObject(i).getJsonArray("path"), selected.get(i).path().toJson());
      assertEquals(expected.getJsonObject(i).getValue("value"), selected.get(i).value());
    }
  }

  @Test
  void everySelectedPathIsConcreteEvenWhenThePointerHasNull() {
    ClaimsPath path = ClaimsPath.of("degrees", null, "type");

    List<SelectedClaim> selected = selected(path, EXAMPLE.getJsonObject("credential"));

    assertFalse(path.isConcrete());
    assertTrue(selected.stream().allMatch(claim -> claim.path().isConcrete()));
  }

  @Test
  void aKeyMissingFromSomeArrayElementsDropsOnlyThoseElements() {
    JsonObject credential = new JsonObject("{\"degrees\": [{\"type\": \"BSc\"}, {\"university\": \"U\"}, {\"type\": \"MSc\"}]}");

    List<SelectedClaim> selected = selected(ClaimsPath.of("degrees", null, "type"), credential);

    assertEquals(List.of(ClaimsPath.of("degrees", 0, "type"), ClaimsPath.of("degrees", 2, "type")),
        selected.stream().map(SelectedClaim::path).toList());
  }

  @Test
  void aKeyAppliedToANonObjectIsAnError() {
    JsonObject credential = new JsonObject("{\"degrees\": [{\"type\": \"BSc\"}, \"a string\"]}");

    ClaimsPath.Selection selection = ClaimsPath.of("degrees", null, "type").select(credential);

    assertEquals("[\"degrees\",1] is not an object", assertInstanceOf(ClaimsPath.NotSelected.class, selection).detail());
  }

  @Test
  void nullAppliedToANonArrayIsAnError() {
    ClaimsPath.Selection selection = ClaimsPath.of("address", null).select(EXAMPLE.getJsonObject("credential"));

    assertEquals("[\"address\"] is not an array", assertInstanceOf(ClaimsPath.NotSelected.class, selection).detail());
  }

  @Test
  void anIndexAppliedToANonArrayIsAnError() {
    ClaimsPath.Selection selection = ClaimsPath.of("name", 0).select(EXAMPLE.getJsonObject("credential"));

    assertEquals("[\"name\"] is not an array", assertInstanceOf(ClaimsPath.NotSelected.class, selection).detail());
  }

  @Test
  void anIndexPastTheEndSelectsNothing() {
    ClaimsPath.Selection selection = ClaimsPath.of("nationalities", 2).select(EXAMPLE.getJsonObject("credential"));

    assertEquals("no claim at [\"nationalities\",2]", assertInstanceOf(ClaimsPath.NotSelected.class, selection).detail());
  }

  @Test
  void aMissingKeySelectsNothingAndNamesWhereTheSelectionEmptied() {
    ClaimsPath.Selection selection = ClaimsPath.of("address", "country", "code").select(EXAMPLE.getJsonObject("credential"));

    assertEquals("no claim at [\"address\",\"country\"]", assertInstanceOf(ClaimsPath.NotSelected.class, selection).detail());
  }

  @Test
  void nullOverAnEmptyArraySelectsNothing() {
    ClaimsPath.Selection selection = ClaimsPath.of("degrees", null).select(new JsonObject("{\"degrees\": []}"));

    assertInstanceOf(ClaimsPath.NotSelected.class, selection);
  }

  @Test
  void aClaimWhoseValueIsJsonNullIsSelected() {
    List<SelectedClaim> selected = selected(ClaimsPath.of("middle_name"), new JsonObject("{\"middle_name\": null}"));

    assertEquals(1, selected.size());
    assertEquals(null, selected.get(0).value());
  }

  @Test
  void anEmptyPointerIsRejected() {
    DcqlException error = assertThrows(DcqlException.class, () -> ClaimsPath.parse(new JsonArray(), "claims[0].path"));

    assertEquals("claims[0].path: must be a non-empty array", error.getMessage());
    assertEquals(DcqlException.Reason.EMPTY_ARRAY, error.reason());
  }

  @Test
  void aNegativeIndexIsRejected() {
    DcqlException error = assertThrows(DcqlException.class, () -> ClaimsPath.parse(new JsonArray("[\"a\", -1]"), "path"));

    assertEquals("path[1]: must be a string, null or a non-negative integer", error.getMessage());
    assertEquals(DcqlException.Reason.INVALID_CLAIMS_PATH, error.reason());
  }

  @Test
  void aFractionalIndexIsRejected() {
    assertThrows(DcqlException.class, () -> ClaimsPath.parse(new JsonArray("[\"a\", 1.5]"), "path"));
  }

  @Test
  void aBooleanOrObjectComponentIsRejected() {
    assertThrows(DcqlException.class, () -> ClaimsPath.parse(new JsonArray("[true]"), "path"));
    assertThrows(DcqlException.class, () -> ClaimsPath.parse(new JsonArray("[{\"a\": 1}]"), "path"));
  }

  @Test
  void aPointerThatIsNotAnArrayIsRejected() {
    DcqlException error = assertThrows(DcqlException.class, () -> ClaimsPath.parse("name", "path"));

    assertEquals(DcqlException.Reason.WRONG_TYPE, error.reason());
  }

  @Test
  void aPointerPrintsAsItsJson() {
    assertEquals("[\"degrees\",null,\"type\"]", ClaimsPath.of("degrees", null, "type").toString());
  }

  @Test
  void aPathCoversItselfAndWhatLiesBelowIt() {
    assertTrue(ClaimsPath.of("address").covers(ClaimsPath.of("address", "locality")));
    assertTrue(ClaimsPath.of("address").covers(ClaimsPath.of("address")));
    assertFalse(ClaimsPath.of("address", "locality").covers(ClaimsPath.of("address")));
  }

  private static List<SelectedClaim> selected(ClaimsPath path, JsonObject credential) {
    return assertInstanceOf(ClaimsPath.Selected.class, path.select(credential)).claims();
  }
}
