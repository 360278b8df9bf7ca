package dev.cairn.wallet.employer.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.credentials.dcql.DcqlQuery;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The page's templates are DCQL queries that Cairn's own parser accepts, asking only for what they say. */
class RequestTemplateTest {
  private static List<String> queryIds(JsonObject query) {
    return query.getJsonArray("credentials").stream().map(q -> ((JsonObject) q).getString("id")).toList();
  }

  @Test
  void theMicroCredentialTemplateOffersSdJwtAndW3cAlternativesFromTheNamedIssuerOnly() {
    RequestTemplate template = new RequestTemplate.MicroCredentialFromIssuer("did:web:college.example", "urn:vct:course");
    DcqlQuery.parse(template.dcqlQuery());
    assertEquals(List.of("sd_jwt_vc", "w3c_ldp", "w3c_jwt"), queryIds(template.dcqlQuery()));
    assertEquals(List.of("did:web:college.example"), template.acceptedIssuers());
    JsonObject sdJwt = template.dcqlQuery().getJsonArray("credentials").getJsonObject(0);
    assertEquals(new JsonArray().add(new JsonObject().put("id", "name").put("path", new JsonArray().add("name")))
        .add(new JsonObject().put("id", "issued").put("path", new JsonArray().add("iat"))), sdJwt.getJsonArray("claims"));
    assertEquals(1, template.dcqlQuery().getJsonArray("credential_sets").size(), "one required set: any option will do");
  }

  @Test
  void withoutAVctTheMicroCredentialTemplateAsksOnlyForW3cCredentials() {
    JsonObject query = new RequestTemplate.MicroCredentialFromIssuer("https://college.example", "").dcqlQuery();
    DcqlQuery.parse(query);
    assertEquals(List.of("w3c_ldp", "w3c_jwt"), queryIds(query));
  }

  @Test
  void theSkillTemplateMatchesTheSkillByAlignmentOrTagAndAcceptsAnyIssuer() {
    RequestTemplate template = new RequestTemplate.OpenBadgeWithSkill("Sourdough \"baking\"");
    DcqlQuery.parse(template.dcqlQuery());
    assertTrue(template.acceptedIssuers().isEmpty());
    String query = template.dcqlQuery().encode();
    assertTrue(query.contains("[\"credentialSubject\",\"achievement\",\"alignment\",null,\"targetName\"]"), query);
    assertTrue(query.contains("\"values\":[\"Sourdough \\\"baking\\\"\"]"), query);
  }
}
