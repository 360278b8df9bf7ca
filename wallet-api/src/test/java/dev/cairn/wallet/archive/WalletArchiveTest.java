package dev.cairn.wallet.archive;

import static dev.cairn.wallet.testing.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.wallet.testing.Api;
import dev.cairn.wallet.testing.Api.Response;
import dev.cairn.wallet.testing.CairnUnderTest;
import dev.cairn.wallet.testing.Credentials;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Export a wallet as an archive and import it elsewhere: nothing lost, nothing altered; bad archives change nothing. */
class WalletArchiveTest {
  @RegisterExtension
  static final CairnUnderTest cairn = CairnUnderTest.perClass();
  private static final Credentials ISSUER = new Credentials();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** A wallet with an SD-JWT VC, an Open Badge with a Data Integrity proof, tags, a note, a pin and two stacks. */
  private static String fillWallet(String email) {
    String token = cairn.api().signUp(email).getString("accessToken");
    var now = cairn.clock.instant();
    List<String> ids = new ArrayList<>();
    for (String title : new String[] {"Knife Skills", "Food Hygiene", "Menu Costing"}) {
      ids.add(cairn.api().postRaw("/v1/credentials", token, "application/dc+sd-jwt",
          ISSUER.sdJwt(ISSUER.claims(title, now.minus(Duration.ofDays(5)))).getBytes(StandardCharsets.UTF_8))
          .json().getString("id"));
    }
    ids.add(cairn.api().postRaw("/v1/credentials", token, "application/vc+ld+json",
        ISSUER.dataIntegrity("Kitchen Leadership", "did:example:someone", now.minus(Duration.ofDays(9))).encode()
            .getBytes(StandardCharsets.UTF_8)).json().getString("id"));
    patch(token, ids.get(0), "{\"tags\": [\"kitchen\", \"level-2\"], \"note\": \"from the spring course\", \"pinned\": true}");
    patch(token, ids.get(3), "{\"tags\": [\"leadership\"]}");
    cairn.api().post("/v1/stacks", token, new JsonObject().put("name", "Professional Cookery").put("targetCount", 4)
        .put("description", "Four units").put("credentialIds", new JsonArray().add(ids.get(2)).add(ids.get(0)).add(ids.get(1))));
    cairn.api().post("/v1/stacks", token, new JsonObject().put("name", "Empty so far"));
    return token;
  }

  private static void patch(String token, String id, String body) {
    assertEquals(200, cairn.api().send("PATCH", "/v1/credentials/" + id, token,
        Map.of("Content-Type", "application/json"), body.getBytes(StandardCharsets.UTF_8)).status());
  }

  private static HttpResponse<byte[]> export(Api api, String token, JsonObject body) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(api.base() + "/v1/exports"))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.encode())).build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static Response importArchive(Api api, String token, String mediaType, byte[] archive, String passphrase) {
    Map<String, String> headers = new java.util.HashMap<>(Map.of("Content-Type", mediaType));
    if (passphrase != null) {
      headers.put("Cairn-Archive-Passphrase", passphrase);
    }
    return api.send("POST", "/v1/imports", token, headers, archive);
  }

  /** Everything a wallet holds that must survive: per title, the original bytes, tags, note, pin; and the stacks. */
  private static Map<String, Object> contents(Api api, String token) {
    Map<String, Object> contents = new TreeMap<>();
    for (Object item : api.get("/v1/credentials?limit=100", token).json().getJsonArray("items")) {
      JsonObject credential = (JsonObject) item;
      String id = credential.getString("id");
      contents.put(credential.getString("title"), List.of(api.get("/v1/credentials/" + id + "/export", token).body(),
          credential.getJsonArray("tags").encode(), String.valueOf(credential.getString("note")),
          credential.getBoolean("pinned"), api.get("/v1/credentials/" + id + "/export", token).header("Content-Type").orElseThrow()));
    }
    for (Object item : api.get("/v1/stacks", token).json().getJsonArray("items")) {
      JsonObject stack = (JsonObject) item;
      List<String> titles = new ArrayList<>();
      stack.getJsonArray("credentials").forEach(member -> titles.add(((JsonObject) member).getString("title")));
      contents.put("stack:" + stack.getString("name"), List.of(titles, String.valueOf(stack.getString("description")),
          String.valueOf(stack.getInteger("targetCount"))));
    }
    return contents;
  }

  @Test
  void anEncryptedArchiveCarriesTheWholeWalletIntoAnotherCairnUnchanged() throws Exception {
    String token = fillWallet("traveller@example.org");
    HttpResponse<byte[]> exported = export(cairn.api(), token, new JsonObject().put("passphrase", "correct horse battery"));
    assertEquals(200, exported.statusCode(), new String(exported.body(), StandardCharsets.UTF_8));
    assertEquals("application/vnd.cairn.wallet-archive+json", exported.headers().firstValue("Content-Type").orElseThrow());
    assertTrue(!new String(exported.body(), StandardCharsets.UTF_8).contains("Knife Skills"), "sealed, not readable");

    try (CairnUnderTest elsewhere = CairnUnderTest.start()) {
      String newToken = elsewhere.api().signUp("traveller@example.org").getString("accessToken");
      Response imported = importArchive(elsewhere.api(), newToken, "application/vnd.cairn.wallet-archive+json",
          exported.body(), "correct horse battery");
      assertEquals(200, imported.status(), imported.body());
      assertEquals(4, imported.json().getInteger("imported"));
      assertEquals(2, imported.json().getInteger("stacks"));
      assertEquals(new JsonArray(), imported.json().getJsonArray("refused"));
      assertEquals(contents(cairn.api(), token), contents(elsewhere.api(), newToken));
      assertTrue(elsewhere.api().get("/v1/activity?limit=100", newToken).json().getJsonArray("items").stream()
          .anyMatch(entry -> ((JsonObject) entry).getString("kind").equals("wallet-imported")));
    }
  }

  @Test
  void aPlainArchiveOfOneStackHoldsOnlyThatStack() throws Exception {
    String token = fillWallet("one-stack@example.org");
    String stackId = cairn.api().get("/v1/stacks", token).json().getJsonArray("items").stream()
        .map(JsonObject.class::cast).filter(stack -> stack.getString("name").equals("Professional Cookery"))
        .findFirst().orElseThrow().getString("id");
    HttpResponse<byte[]> exported = export(cairn.api(), token, new JsonObject().put("stackId", stackId));
    assertEquals("application/zip", exported.headers().firstValue("Content-Type").orElseThrow());
    String other = cairn.api().signUp("receiver@example.org").getString("accessToken");
    Response imported = importArchive(cairn.api(), other, "application/zip", exported.body(), null);
    assertEquals(200, imported.status(), imported.body());
    assertEquals(3, imported.json().getInteger("imported"));
    JsonArray stacks = cairn.api().get("/v1/stacks", other).json().getJsonArray("items");
    assertEquals(1, stacks.size());
    assertEquals(List.of("Menu Costing", "Knife Skills", "Food Hygiene"), stacks.getJsonObject(0).getJsonArray("credentials")
        .stream().map(member -> ((JsonObject) member).getString("title")).toList());

    Response again = importArchive(cairn.api(), other, "application/zip", exported.body(), null);
    assertEquals(0, again.json().getInteger("imported"));
    assertEquals(3, again.json().getInteger("alreadyHeld"), "the same bytes are never stored twice");
  }

  @Test
  void aWrongPassphraseOrABrokenArchiveIsRefusedAndChangesNothing() throws Exception {
    String token = fillWallet("careful@example.org");
    byte[] sealed = export(cairn.api(), token, new JsonObject().put("passphrase", "correct horse battery")).body();
    byte[] plain = export(cairn.api(), token, new JsonObject()).body();
    String other = cairn.api().signUp("careful-receiver@example.org").getString("accessToken");
    Map<String, Long> before = cairn.rowCounts();
    String envelope = "application/vnd.cairn.wallet-archive+json";
    assertProblem(422, "archive-passphrase", importArchive(cairn.api(), other, envelope, sealed, "wrong horse battery"));
    assertProblem(422, "archive-passphrase", importArchive(cairn.api(), other, envelope, sealed, null));
    assertProblem(422, "archive-invalid", importArchive(cairn.api(), other, "application/zip", "not a zip".getBytes(), null));
    assertProblem(422, "archive-invalid", importArchive(cairn.api(), other, envelope, "{}".getBytes(), "whatever it is"));
    assertProblem(422, "archive-invalid", importArchive(cairn.api(), other, "application/zip", zip(Map.of(
        "manifest.json", "{\"format\": \"cairn-wallet-archive/1\", \"credentials\": [{\"id\": \"x\", \"file\": "
            + "\"credentials/x.jwt\", \"sha256\": \"00\"}], \"stacks\": []}", "credentials/x.jwt", "a.b.c")), null));
    assertProblem(422, "archive-invalid", importArchive(cairn.api(), other, "application/zip",
        zip(Map.of("credentials/x.jwt", "a.b.c")), null));
    assertProblem(415, "unsupported-media-type", importArchive(cairn.api(), other, "text/plain", plain, null));
    assertProblem(400, "invalid-request", cairn.api().post("/v1/exports", token, new JsonObject().put("passphrase", "short")));
    assertProblem(404, "not-found", cairn.api().post("/v1/exports", token,
        new JsonObject().put("stackId", java.util.UUID.randomUUID().toString())));
    Map<String, Long> after = cairn.rowCounts();
    assertEquals(before, after);
  }

  private static byte[] zip(Map<String, String> files) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Map.Entry<String, String> file : files.entrySet()) {
        zip.putNextEntry(new ZipEntry(file.getKey()));
        zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return out.toByteArray();
  }
}
