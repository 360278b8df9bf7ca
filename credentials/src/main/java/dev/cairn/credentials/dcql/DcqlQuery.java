package dev.cairn.credentials.dcql;

import static dev.cairn.credentials.dcql.DcqlException.Reason.DUPLICATE_ID;
import static dev.cairn.credentials.dcql.DcqlException.Reason.UNKNOWN_CREDENTIAL_ID;
import static dev.cairn.credentials.dcql.OpenId4Vp.CREDENTIALS;
import static dev.cairn.credentials.dcql.OpenId4Vp.CREDENTIAL_SETS;
import static dev.cairn.credentials.dcql.OpenId4Vp.ID;
import static dev.cairn.credentials.dcql.OpenId4Vp.OPTIONS;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A DCQL query (OpenID4VP 1.0 §6): the Credentials a Verifier asks for and, optionally, which combinations of them
 * satisfy it. Read it with {@link #parse}, which enforces the spec's rules; the records are plain values after that.
 *
 * @param credentials the Credential Queries, in the order of the query
 * @param credentialSets the Credential Set Queries; empty when the query has none, and then every Credential Query
 *     is required (§6.4.2)
 */
public record DcqlQuery(List<CredentialQuery> credentials, List<CredentialSetQuery> credentialSets) {
  public DcqlQuery {
    credentials = List.copyOf(credentials);
    credentialSets = List.copyOf(credentialSets);
  }

  /**
   * Reads and validates a query. Every violated MUST of §6, §6.1 to §6.4 and §7, and of the format parameters of
   * Appendix B, is a {@link DcqlException} naming the member. Unknown members are ignored, as §6 requires.
   */
  public static DcqlQuery parse(JsonObject query) {
    Objects.requireNonNull(query, "query");
    JsonArray array = JsonMembers.nonEmptyArray(JsonMembers.required(query, CREDENTIALS, ""), CREDENTIALS);
    List<CredentialQuery> credentials = new ArrayList<>(array.size());
    Map<String, Integer> ids = new HashMap<>();
    for (int i = 0; i < array.size(); i++) {
      String member = JsonMembers.element(CREDENTIALS, i);
      CredentialQuery credential = CredentialQuery.parse(array.getValue(i), member);
      Integer earlier = ids.putIfAbsent(credential.id(), i);
      if (earlier != null) {
        throw new DcqlException(DUPLICATE_ID, JsonMembers.member(member, ID),
            "\"" + credential.id() + "\" is already the id of " + JsonMembers.element(CREDENTIALS, earlier));
      }
      credentials.add(credential);
    }
    return new DcqlQuery(credentials, credentialSets(query, ids));
  }

  /** §6 and §6.2: a non-empty array whose options name only ids of {@code credentials}. */
  private static List<CredentialSetQuery> credentialSets(JsonObject query, Map<String, Integer> ids) {
    if (!query.containsKey(CREDENTIAL_SETS)) {
      return List.of();
    }
    JsonArray array = JsonMembers.nonEmptyArray(query.getValue(CREDENTIAL_SETS), CREDENTIAL_SETS);
    List<CredentialSetQuery> sets = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      String member = JsonMembers.element(CREDENTIAL_SETS, i);
      CredentialSetQuery set = CredentialSetQuery.parse(array.getValue(i), member);
      for (int option = 0; option < set.options().size(); option++) {
        List<String> credentialIds = set.options().get(option);
        for (int j = 0; j < credentialIds.size(); j++) {
          if (!ids.containsKey(credentialIds.get(j))) {
            throw new DcqlException(UNKNOWN_CREDENTIAL_ID,
                JsonMembers.element(JsonMembers.element(JsonMembers.member(member, OPTIONS), option), j),
                "\"" + credentialIds.get(j) + "\" is not the id of any Credential Query");
          }
        }
      }
      sets.add(set);
    }
    return sets;
  }

  /** The Credential Query with this id. */
  public Optional<CredentialQuery> credential(String id) {
    return credentials.stream().filter(credential -> credential.id().equals(id)).findFirst();
  }
}
