package dev.cairn.credentials.dcql;

import java.util.List;

/**
 * How far one Credential Set Query (§6.2) can be satisfied: the options whose every Credential Query has something
 * to present. The holder chooses among them (§6.4.3); a required set with none makes the query unanswerable.
 *
 * @param index the position of the set in {@code credential_sets}
 * @param required whether the set must be satisfied
 * @param options all its options, as in the query
 * @param satisfiableOptions the options that can be satisfied, in the query's order
 */
public record CredentialSetMatch(
    int index, boolean required, List<List<String>> options, List<List<String>> satisfiableOptions) {

  public CredentialSetMatch {
    options = options.stream().map(List::copyOf).toList();
    satisfiableOptions = satisfiableOptions.stream().map(List::copyOf).toList();
  }

  public boolean satisfied() {
    return !satisfiableOptions.isEmpty();
  }
}
