package dev.cairn.credentials.dcql;

import static dev.cairn.credentials.dcql.DcqlException.Reason.INVALID_VALUE;
import static dev.cairn.credentials.dcql.OpenId4Vp.ID;
import static dev.cairn.credentials.dcql.OpenId4Vp.PATH;
import static dev.cairn.credentials.dcql.OpenId4Vp.VALUES;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Claims Query (OpenID4VP 1.0 §6.3): one claim the Verifier asks for, by a claims path pointer, optionally
 * restricted to expected values. Members this version does not define (such as the mdoc {@code intent_to_retain}
 * of Appendix B.2.4) are ignored, as §6 requires.
 *
 * @param id the identifier {@code claim_sets} refers to; REQUIRED only when the Credential Query has {@code
 *     claim_sets}
 * @param path the claims path pointer (§7)
 * @param values the expected values (strings, integers, booleans); empty when any value will do
 */
public record ClaimsQuery(Optional<String> id, ClaimsPath path, List<Object> values) {
  public ClaimsQuery {
    values = List.copyOf(values);
  }

  static ClaimsQuery parse(Object value, String member) {
    JsonObject json = JsonMembers.object(value, member);
    Optional<String> id = json.containsKey(ID)
        ? Optional.of(JsonMembers.id(json.getValue(ID), JsonMembers.member(member, ID)))
        : Optional.empty();
    ClaimsPath path = ClaimsPath.parse(JsonMembers.required(json, PATH, member), JsonMembers.member(member, PATH));
    List<Object> values = json.containsKey(VALUES)
        ? values(json.getValue(VALUES), JsonMembers.member(member, VALUES))
        : List.of();
    return new ClaimsQuery(id, path, values);
  }

  /** §6.3: "A non-empty array of strings, integers or boolean values". */
  private static List<Object> values(Object value, String member) {
    JsonArray array = JsonMembers.nonEmptyArray(value, member);
    List<Object> values = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      Object entry = array.getValue(i);
      if (!(entry instanceof String || entry instanceof Boolean || isInteger(entry))) {
        throw new DcqlException(INVALID_VALUE, JsonMembers.element(member, i),
            "must be a string, an integer or a boolean");
      }
      values.add(entry);
    }
    return values;
  }

  private static boolean isInteger(Object value) {
    return value instanceof Integer || value instanceof Long || value instanceof BigInteger;
  }

  /**
   * Selects this claim in a credential's claims (§6.4.1). Without {@code values}, every claim the pointer selects;
   * with them, only the selected claims whose value matches, "treated the same as if it did not exist" otherwise.
   * Empty when the claim is not there.
   */
  public Selection select(JsonObject claims) {
    ClaimsPath.Selection selection = path.select(claims);
    if (selection instanceof ClaimsPath.NotSelected notSelected) {
      return new Selection(List.of(), notSelected.detail());
    }
    List<SelectedClaim> selected = ((ClaimsPath.Selected) selection).claims();
    if (values.isEmpty()) {
      return new Selection(selected, "");
    }
    List<SelectedClaim> matching = selected.stream().filter(claim -> matchesValue(claim.value())).toList();
    String problem = matching.isEmpty() ? "no value at " + path + " is one of " + new JsonArray(values) : "";
    return new Selection(matching, problem);
  }

  /**
   * §6.3: "the type and value of the claim both match exactly for at least one of the elements". JSON equality
   * without coercion: the string "90210" is not the number 90210, and {@code true} is not "true". Numbers compare by
   * value, so 1 and 1.0 (the same JSON number) match.
   */
  public boolean matchesValue(Object claim) {
    for (Object expected : values) {
      if (expected instanceof Number number) {
        if (claim instanceof Number actual && decimal(actual).compareTo(decimal(number)) == 0) {
          return true;
        }
      } else if (expected.equals(claim)) {
        return true;
      }
    }
    return false;
  }

  private static BigDecimal decimal(Number number) {
    return number instanceof Double || number instanceof Float
        ? BigDecimal.valueOf(number.doubleValue())
        : new BigDecimal(number.toString());
  }

  /**
   * The claims a Claims Query selected in one credential, or why none.
   *
   * @param claims the selected claims, each with its concrete path; empty when the claim is not there
   * @param problem why nothing is selected, empty when something is
   */
  public record Selection(List<SelectedClaim> claims, String problem) {
    public Selection {
      claims = List.copyOf(claims);
    }

    public boolean found() {
      return !claims.isEmpty();
    }
  }
}
