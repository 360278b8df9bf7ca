package dev.cairn.credentials.dcql;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Selecting Credentials (OpenID4VP 1.0 §6.4.2) once it is known which Credential Queries can be answered: without
 * {@code credential_sets} every Credential Query is required; with them, every set whose {@code required} is true
 * or omitted needs one option whose Credential Queries can all be answered, and the others are optional.
 */
final class CredentialSetCheck {
  private CredentialSetCheck() {}

  static List<CredentialSetMatch> evaluate(List<CredentialSetQuery> sets, Set<String> answered) {
    List<CredentialSetMatch> matches = new ArrayList<>(sets.size());
    for (int i = 0; i < sets.size(); i++) {
      CredentialSetQuery set = sets.get(i);
      List<List<String>> satisfiable = set.options().stream().filter(answered::containsAll).toList();
      matches.add(new CredentialSetMatch(i, set.required(), set.options(), satisfiable));
    }
    return matches;
  }

  static boolean satisfied(DcqlQuery query, Set<String> answered, List<CredentialSetMatch> sets) {
    if (query.credentialSets().isEmpty()) {
      return query.credentials().stream().allMatch(credential -> answered.contains(credential.id()));
    }
    return sets.stream().allMatch(set -> !set.required() || set.satisfied());
  }
}
