package dev.cairn.credentials.dcql;

import java.util.List;
import java.util.Optional;

/**
 * The wallet's answer to a whole DCQL query (OpenID4VP 1.0 §6.4): per Credential Query, which credentials satisfy it
 * and what each would disclose; per Credential Set Query, which options can be satisfied; and whether the query can
 * be answered at all. If it cannot, the Wallet "MUST NOT return any Credential(s)" (§6.4.2).
 *
 * @param credentialQueries one entry per Credential Query, in the query's order
 * @param credentialSets one entry per Credential Set Query, in the query's order; empty when the query has none
 * @param satisfiable without {@code credential_sets}, whether every Credential Query has a match; with them, whether
 *     every required set has an option that can be satisfied
 */
public record DcqlMatch(
    List<CredentialQueryMatch> credentialQueries, List<CredentialSetMatch> credentialSets, boolean satisfiable) {

  public DcqlMatch {
    credentialQueries = List.copyOf(credentialQueries);
    credentialSets = List.copyOf(credentialSets);
  }

  /** The answer for the Credential Query with this id. */
  public Optional<CredentialQueryMatch> credentialQuery(String id) {
    return credentialQueries.stream().filter(match -> match.id().equals(id)).findFirst();
  }
}
