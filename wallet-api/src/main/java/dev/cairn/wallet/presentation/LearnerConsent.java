package dev.cairn.wallet.presentation;

import dev.cairn.credentials.dcql.ClaimsPath;
import dev.cairn.credentials.dcql.DcqlException;
import dev.cairn.wallet.http.ProblemException;
import dev.cairn.wallet.http.ProblemType;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The body of {@code POST /v1/presentation-requests/{id}/consent}: per Credential Query id, the credentials the
 * learner chose and, for each, the requested claims they withhold (claims path pointers, as listed in the request's
 * view). A Credential Query left out is not answered.
 */
record LearnerConsent(Map<String, List<Choice>> credentials) {
  record Choice(String credentialId, List<ClaimsPath> withheld) {}

  static LearnerConsent read(JsonObject body) {
    if (!Set.of("credentials").containsAll(body.fieldNames()) || !(body.getValue("credentials") instanceof JsonObject chosen)
        || chosen.isEmpty()) {
      throw invalid("The body must be {\"credentials\": {\"<query id>\": [{\"credential_id\": …, \"withhold\": [[…]]}]}}"
          + " naming at least one Credential Query");
    }
    Map<String, List<Choice>> credentials = new LinkedHashMap<>();
    for (String queryId : chosen.fieldNames()) {
      if (!(chosen.getValue(queryId) instanceof JsonArray entries) || entries.isEmpty()) {
        throw invalid("credentials." + queryId + " must be a non-empty array of choices");
      }
      List<Choice> choices = new ArrayList<>();
      for (Object entry : entries) {
        choices.add(choice(queryId, entry));
      }
      credentials.put(queryId, choices);
    }
    return new LearnerConsent(credentials);
  }

  private static Choice choice(String queryId, Object entry) {
    if (!(entry instanceof JsonObject choice) || !(choice.getValue("credential_id") instanceof String id)
        || !Set.of("credential_id", "withhold").containsAll(choice.fieldNames())) {
      throw invalid("Each choice for " + queryId + " is {\"credential_id\": \"…\", \"withhold\": [[…]]}");
    }
    List<ClaimsPath> withheld = new ArrayList<>();
    Object withhold = choice.getValue("withhold");
    if (withhold != null) {
      if (!(withhold instanceof JsonArray paths)) {
        throw invalid("'withhold' must be an array of claims paths");
      }
      for (Object path : paths) {
        if (!(path instanceof JsonArray components) || components.isEmpty()) {
          throw invalid("Each withheld claim is a claims path such as [\"credentialSubject\", \"name\"]");
        }
        try {
          withheld.add(ClaimsPath.of(components.getList().toArray()));
        } catch (DcqlException e) {
          throw invalid("A withheld claims path is not valid: " + e.getMessage());
        }
      }
    }
    return new Choice(id, withheld);
  }

  private static ProblemException invalid(String detail) {
    return new ProblemException(ProblemType.INVALID_REQUEST, detail);
  }
}
