package dev.cairn.wallet.contract;

import static dev.cairn.wallet.testing.Api.credentials;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.wallet.testing.Api.Response;
import dev.cairn.wallet.testing.CairnUnderTest;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The OpenAPI document and the server describe the same API, and real answers conform to it. */
class OpenApiContractTest {
  private static final OpenApiContract CONTRACT = new OpenApiContract();
  @RegisterExtension
  static final CairnUnderTest cairn = CairnUnderTest.perClass();

  @Test
  void everyRouteIsDocumentedAndEveryDocumentedOperationIsServed() {
    Set<String> served = cairn.server().routes().stream()
        .map(route -> route.method().name() + " " + route.path().replaceAll(":([A-Za-z]+)", "{$1}"))
        .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(CONTRACT.operations(), served);
  }

  @Test
  void theServedDocumentIsTheOneInTheSourceTree() {
    Response served = cairn.api().get("/openapi.yaml", null);
    assertEquals(200, served.status());
    assertTrue(served.body().startsWith("openapi: 3.1.0"));
    conforms("GET", "/openapi.yaml", served);
  }

  @Test
  void answersOfTheAccountAndSessionFlowConformToTheDocument() {
    conforms("POST", "/v1/accounts", cairn.api().post("/v1/accounts", null, credentials("doc@example.org", "a long enough password")));
    conforms("POST", "/v1/accounts", cairn.api().post("/v1/accounts", null, credentials("doc@example.org", "a long enough password")));
    conforms("POST", "/v1/accounts", cairn.api().post("/v1/accounts", null, credentials("doc2@example.org", "short")));
    Response login = cairn.api().post("/v1/sessions", null, credentials("doc@example.org", "a long enough password"));
    conforms("POST", "/v1/sessions", login);
    conforms("POST", "/v1/sessions", cairn.api().post("/v1/sessions", null, credentials("doc@example.org", "wrong password!")));
    String token = login.json().getString("accessToken");
    conforms("GET", "/v1/me", cairn.api().get("/v1/me", token));
    conforms("GET", "/v1/me", cairn.api().get("/v1/me", null));
    conforms("GET", "/v1/sessions", cairn.api().get("/v1/sessions", token));
    Response refreshed = cairn.api().post("/v1/sessions/refresh", null,
        new JsonObject().put("refreshToken", login.json().getString("refreshToken")));
    conforms("POST", "/v1/sessions/refresh", refreshed);
    conforms("POST", "/v1/sessions/refresh", cairn.api().post("/v1/sessions/refresh", null, new JsonObject().put("x", 1)));
    String fresh = refreshed.json().getString("accessToken");
    conforms("DELETE", "/v1/sessions/{sessionId}", cairn.api().delete("/v1/sessions/00000000-0000-0000-0000-000000000000", fresh));
    conforms("DELETE", "/v1/sessions/current", cairn.api().delete("/v1/sessions/current", fresh));
  }

  @Test
  void walletAnswersConformToTheDocument() {
    String token = cairn.api().signUp("wallet-doc@example.org").getString("accessToken");
    conforms("GET", "/v1/holder-keys", cairn.api().get("/v1/holder-keys", token));
    dev.cairn.wallet.testing.Credentials issuer = new dev.cairn.wallet.testing.Credentials();
    String credential = issuer.sdJwt(issuer.claims("Documented", cairn.clock.instant()));
    Response created = cairn.api().postRaw("/v1/credentials", token, "application/dc+sd-jwt",
        credential.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    conforms("POST", "/v1/credentials", created);
    conforms("POST", "/v1/credentials", cairn.api().postRaw("/v1/credentials", token, "application/dc+sd-jwt",
        credential.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    conforms("POST", "/v1/credentials", cairn.api().postRaw("/v1/credentials", token, "application/dc+sd-jwt",
        "a.b.c".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    conforms("POST", "/v1/credentials", cairn.api().postRaw("/v1/credentials", token, "text/plain", new byte[] {1}));
    String id = created.json().getString("id");
    conforms("GET", "/v1/credentials", cairn.api().get("/v1/credentials?limit=1", token));
    conforms("GET", "/v1/credentials", cairn.api().get("/v1/credentials?cursor=nope", token));
    conforms("GET", "/v1/credentials/{credentialId}", cairn.api().get("/v1/credentials/" + id + "?include=raw", token));
    conforms("GET", "/v1/credentials/{credentialId}", cairn.api().get("/v1/credentials/" + java.util.UUID.randomUUID(), token));
    conforms("PATCH", "/v1/credentials/{credentialId}", cairn.api().send("PATCH", "/v1/credentials/" + id, token,
        java.util.Map.of("Content-Type", "application/json"), "{\"tags\":[\"x\"]}".getBytes()));
    conforms("GET", "/v1/credentials/{credentialId}/export", cairn.api().get("/v1/credentials/" + id + "/export", token));
    conforms("POST", "/v1/credentials/{credentialId}/verify", cairn.api().send("POST", "/v1/credentials/" + id + "/verify",
        token, java.util.Map.of(), null));
    conforms("GET", "/v1/activity", cairn.api().get("/v1/activity", token));
    Response stack = cairn.api().post("/v1/stacks", token, new JsonObject().put("name", "Documented stack")
        .put("targetCount", 2).put("credentialIds", new io.vertx.core.json.JsonArray().add(id)));
    conforms("POST", "/v1/stacks", stack);
    conforms("POST", "/v1/stacks", cairn.api().post("/v1/stacks", token, new JsonObject().put("name", "")));
    String stackId = stack.json().getString("id");
    conforms("GET", "/v1/stacks", cairn.api().get("/v1/stacks", token));
    conforms("GET", "/v1/stacks/suggestions", cairn.api().get("/v1/stacks/suggestions", token));
    conforms("GET", "/v1/stacks/{stackId}", cairn.api().get("/v1/stacks/" + stackId, token));
    conforms("PATCH", "/v1/stacks/{stackId}", cairn.api().send("PATCH", "/v1/stacks/" + stackId, token,
        java.util.Map.of("Content-Type", "application/json"), "{\"description\":null}".getBytes()));
    conforms("DELETE", "/v1/stacks/{stackId}", cairn.api().delete("/v1/stacks/" + stackId, token));
    Response sealed = cairn.api().post("/v1/exports", token, new JsonObject().put("passphrase", "a long passphrase"));
    conforms("POST", "/v1/exports", sealed);
    conforms("POST", "/v1/exports", cairn.api().post("/v1/exports", token, new JsonObject().put("passphrase", "x")));
    conforms("POST", "/v1/imports", cairn.api().send("POST", "/v1/imports", token, java.util.Map.of("Content-Type",
        "application/vnd.cairn.wallet-archive+json", "Cairn-Archive-Passphrase", "a long passphrase"),
        sealed.body().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    conforms("POST", "/v1/imports", cairn.api().send("POST", "/v1/imports", token,
        java.util.Map.of("Content-Type", "application/zip"), new byte[] {1, 2, 3}));
    conforms("DELETE", "/v1/credentials/{credentialId}", cairn.api().delete("/v1/credentials/" + id, token));
  }

  @Test
  void verifierAnswersConformToTheDocument() {
    conforms("POST", "/v1/employers", cairn.api().post("/v1/employers", null, new JsonObject()
        .put("email", "doc-employer@example.org").put("password", "a long enough password").put("organisation", "Doc Ltd")));
    conforms("POST", "/v1/employers", cairn.api().post("/v1/employers", null, new JsonObject().put("email", "x")));
    String token = cairn.api().post("/v1/sessions", null, credentials("doc-employer@example.org", "a long enough password"))
        .json().getString("accessToken");
    conforms("GET", "/v1/me", cairn.api().get("/v1/me", token));
    Response key = cairn.api().post("/v1/verifier/api-keys", token, new JsonObject().put("name", "Docs"));
    conforms("POST", "/v1/verifier/api-keys", key);
    conforms("GET", "/v1/verifier/api-keys", cairn.api().get("/v1/verifier/api-keys", token));
    dev.cairn.wallet.testing.Credentials issuer = new dev.cairn.wallet.testing.Credentials();
    conforms("POST", "/v1/verifier/verifications", cairn.api().postRaw("/v1/verifier/verifications",
        key.json().getString("key"), "application/dc+sd-jwt", issuer.sdJwt(issuer.claims("Doc", cairn.clock.instant()))
            .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    conforms("DELETE", "/v1/verifier/api-keys/{keyId}", cairn.api().delete("/v1/verifier/api-keys/"
        + key.json().getString("id"), token));
    String learner = cairn.api().signUp("doc-learner@example.org").getString("accessToken");
    conforms("POST", "/v1/verifier/verifications", cairn.api().postRaw("/v1/verifier/verifications", learner,
        "application/jwt", "a.b.c".getBytes()));
  }

  @Test
  void didResolutionAnswersConformToTheDocument() {
    String did = "did:key:zDnaerx9CtbPJ1q36T5Ln5wYt3MQYeGRG5ehnPAmxcf5mDZpv";
    conforms("GET", "/1.0/identifiers/{did}", cairn.api().get("/1.0/identifiers/" + did, null));
    conforms("GET", "/1.0/identifiers/{did}", cairn.api().send("GET", "/1.0/identifiers/" + did, null,
        java.util.Map.of("Accept", "application/did-resolution"), null));
    conforms("GET", "/1.0/identifiers/{did}", cairn.api().get("/1.0/identifiers/did:nope:x", null));
    conforms("GET", "/1.0/identifiers/{did}", cairn.api().send("GET", "/1.0/identifiers/did:nope:x", null,
        java.util.Map.of("Accept", "application/did-resolution"), null));
  }

  @Test
  void operationalAnswersConformToTheDocument() {
    conforms("GET", "/health/live", cairn.api().get("/health/live", null));
    conforms("GET", "/health/ready", cairn.api().get("/health/ready", null));
    Response metrics = cairn.api().get("/metrics", null);
    conforms("GET", "/metrics", metrics);
    assertTrue(metrics.body().contains("jvm_memory_used_bytes"), "JVM metrics");
    assertTrue(metrics.body().contains("vertx_pool"), "pool metrics");
  }

  @Test
  void theContractCatchesAnAnswerThatBreaksIt() {
    Response fake = new Response(200, java.util.Map.of(), "{\"id\":\"x\",\"signIn\":\"password\"}");
    List<String> violations = CONTRACT.violations("GET", "/v1/me", 200, "application/json", fake.body());
    assertTrue(!violations.isEmpty(), "a body lacking createdAt must be caught");
    assertTrue(!CONTRACT.violations("GET", "/v1/me", 418, "application/json", "{}").isEmpty());
  }

  private static void conforms(String method, String template, Response response) {
    List<String> violations = CONTRACT.violations(method, template, response.status(),
        response.header("Content-Type").orElse(null), response.body());
    assertEquals(List.of(), violations, method + " " + template + " answered " + response.status() + ": " + response.body());
  }
}
