package dev.cairn.credentials.dcql;

import static dev.cairn.credentials.dcql.OpenId4Vp.OPTIONS;
import static dev.cairn.credentials.dcql.OpenId4Vp.REQUIRED;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * A Credential Set Query (OpenID4VP 1.0 §6.2): alternative sets of Credential Queries, any one of which satisfies one
 * use case of the Verifier. That each identifier names a Credential Query is checked by {@link DcqlQuery#parse}.
 *
 * @param options the alternatives, each a non-empty list of Credential Query ids, all of which must be answered
 * @param required whether the use case must be satisfied; {@code true} when omitted
 */
public record CredentialSetQuery(List<List<String>> options, boolean required) {
  public CredentialSetQuery {
    options = options.stream().map(List::copyOf).toList();
  }

  static CredentialSetQuery parse(Object value, String member) {
    JsonObject json = JsonMembers.object(value, member);
    String optionsMember = JsonMembers.member(member, OPTIONS);
    JsonArray array = JsonMembers.nonEmptyArray(JsonMembers.required(json, OPTIONS, member), optionsMember);
    List<List<String>> options = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      options.add(JsonMembers.nonEmptyStrings(array.getValue(i), JsonMembers.element(optionsMember, i)));
    }
    boolean required = !json.containsKey(REQUIRED)
        || JsonMembers.bool(json.getValue(REQUIRED), JsonMembers.member(member, REQUIRED));
    return new CredentialSetQuery(options, required);
  }
}
