package dev.cairn.credentials.dcql;

import dev.cairn.credentials.dcql.CheckOutcome.Satisfied;
import dev.cairn.credentials.dcql.CheckOutcome.Unsatisfied;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Selecting Claims (OpenID4VP 1.0 §6.4.1): which claims of one credential a Credential Query takes, or why the
 * credential cannot deliver them.
 *
 * <ul>
 *   <li>No {@code claims}: nothing selectively disclosable is requested; only what the format always presents.
 *   <li>{@code claims} without {@code claim_sets}: all of them.
 *   <li>With {@code claim_sets}: the first option, in the Verifier's order of preference, whose claims are all
 *       there. None: "it MUST NOT return any claims", and so not the credential.
 * </ul>
 *
 * A claim restricted by {@code values} counts only where a selected value matches, and only those values are taken.
 * The verifier side uses the same rule on what was disclosed: the first option there that is satisfied shows that
 * some option was.
 */
final class ClaimSelection {
  private ClaimSelection() {}

  static CheckOutcome select(CredentialQuery query, JsonObject claims) {
    if (query.claims().isEmpty()) {
      return new Satisfied(List.of(), Optional.empty());
    }
    Map<Integer, ClaimsQuery.Selection> selections = new HashMap<>();
    if (query.claimSets().isEmpty()) {
      return all(query, IntStream.range(0, query.claims().size()).boxed().toList(), claims, selections);
    }
    List<String> problems = new ArrayList<>();
    for (int option = 0; option < query.claimSets().size(); option++) {
      List<String> ids = query.claimSets().get(option);
      CheckOutcome outcome = all(query, indices(query, ids), claims, selections);
      if (outcome instanceof Satisfied satisfied) {
        return new Satisfied(satisfied.claims(), Optional.of(ids));
      }
      problems.add("claim_sets[" + option + "]: " + ((Unsatisfied) outcome).reason());
    }
    return new Unsatisfied("no option of claim_sets can be satisfied (" + String.join("; ", problems) + ")");
  }

  private static CheckOutcome all(CredentialQuery query, List<Integer> indices, JsonObject claims,
      Map<Integer, ClaimsQuery.Selection> selections) {
    Set<ClaimsPath> paths = new LinkedHashSet<>();
    for (int index : indices) {
      ClaimsQuery claim = query.claims().get(index);
      ClaimsQuery.Selection selection = selections.computeIfAbsent(index, i -> claim.select(claims));
      if (!selection.found()) {
        return new Unsatisfied("claims[" + index + "] " + claim.path() + ": " + selection.problem());
      }
      selection.claims().forEach(selected -> paths.add(selected.path()));
    }
    return new Satisfied(List.copyOf(paths), Optional.empty());
  }

  private static List<Integer> indices(CredentialQuery query, List<String> ids) {
    List<Integer> indices = new ArrayList<>(ids.size());
    for (String id : ids) {
      for (int i = 0; i < query.claims().size(); i++) {
        if (query.claims().get(i).id().filter(id::equals).isPresent()) {
          indices.add(i);
        }
      }
    }
    return indices;
  }
}
