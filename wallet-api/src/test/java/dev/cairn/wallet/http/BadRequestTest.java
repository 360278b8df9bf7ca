package dev.cairn.wallet.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.cairn.wallet.testing.Api.Response;
import dev.cairn.wallet.testing.CairnUnderTest;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of bad request gets its documented status and problem type, an RFC 9457 body naming the request,
 * no internals, and leaves every table exactly as it was.
 */
class BadRequestTest {
  private static final int BODY_LIMIT = 4096;
  private static CairnUnderTest cairn;
  private static String token;
  private static String claims;

  /** One bad request: what is sent, and the status and problem code it must earn. */
  record Case(String name, String method, String path, Auth auth, Map<String, String> headers, byte[] body,
              int status, String code, String detailMentions) {
    @Override
    public String toString() {
      return name;
    }
  }

  enum Auth { NONE, VALID, OTHER_KEY, ALG_NONE, HMAC, GARBLED, BASIC }

  @BeforeAll
  static void start() {
    cairn = CairnUnderTest.start(Map.of("CAIRN_HTTP_MAX_BODY_BYTES", Integer.toString(BODY_LIMIT)));
    JsonObject session = cairn.api().signUp("valid@example.org");
    token = session.getString("accessToken");
    claims = token.split("\\.")[1];
  }

  @AfterAll
  static void stop() {
    cairn.close();
  }

  static Stream<Case> badRequests() {
    Map<String, String> json = Map.of("Content-Type", "application/json");
    return Stream.of(
        new Case("unknown route", "GET", "/v1/nothing-here", Auth.NONE, Map.of(), null, 404, "not-found", "/v1/nothing-here"),
        new Case("wrong method", "PUT", "/v1/accounts", Auth.NONE, json, utf8("{}"), 405, "method-not-allowed", "PUT"),
        new Case("wrong content type", "POST", "/v1/accounts", Auth.NONE, Map.of("Content-Type", "text/plain"),
            utf8("email=a"), 415, "unsupported-media-type", "text/plain"),
        new Case("no content type", "POST", "/v1/sessions", Auth.NONE, Map.of(), utf8("{}"), 415,
            "unsupported-media-type", "no Content-Type"),
        new Case("body over the limit", "POST", "/v1/accounts", Auth.NONE, json,
            utf8("{\"email\":\"" + "a".repeat(BODY_LIMIT) + "@example.org\",\"password\":\"long enough password\"}"),
            413, "payload-too-large", "limit"),
        new Case("truncated JSON", "POST", "/v1/accounts", Auth.NONE, json, utf8("{\"email\": "), 400, "malformed-json", "line 1"),
        new Case("JSON nested 65 deep", "POST", "/v1/accounts", Auth.NONE, json,
            utf8("{\"email\":" + "[".repeat(65) + "]".repeat(65) + "}"), 400, "malformed-json", "64"),
        new Case("JSON nested 10,000 deep", "POST", "/v1/sessions", Auth.NONE, json,
            utf8("[".repeat(4000)), 400, "malformed-json", "64"),
        new Case("invalid UTF-8", "POST", "/v1/accounts", Auth.NONE, json, invalidUtf8(), 400, "malformed-json", "UTF-8"),
        new Case("empty body", "POST", "/v1/accounts", Auth.NONE, json, new byte[0], 400, "malformed-json", "empty"),
        new Case("array instead of object", "POST", "/v1/accounts", Auth.NONE, json, utf8("[1,2]"), 400,
            "invalid-request", "JSON object"),
        new Case("trailing garbage", "POST", "/v1/accounts", Auth.NONE, json,
            utf8("{\"email\":\"t@example.org\",\"password\":\"long enough password\"} {}"), 400, "malformed-json", "single JSON document"),
        new Case("unknown field", "POST", "/v1/accounts", Auth.NONE, json,
            utf8("{\"email\":\"u@example.org\",\"password\":\"long enough password\",\"admin\":true}"), 400,
            "invalid-request", "'admin'"),
        new Case("missing field", "POST", "/v1/accounts", Auth.NONE, json, utf8("{\"email\":\"m@example.org\"}"), 400,
            "invalid-request", "'password'"),
        new Case("null field", "POST", "/v1/sessions", Auth.NONE, json,
            utf8("{\"email\":null,\"password\":\"long enough password\"}"), 400, "invalid-request", "'email'"),
        new Case("number for a string", "POST", "/v1/accounts", Auth.NONE, json,
            utf8("{\"email\":42,\"password\":\"long enough password\"}"), 400, "invalid-request", "'email' must be a string"),
        new Case("object for a string", "POST", "/v1/sessions/refresh", Auth.NONE, json,
            utf8("{\"refreshToken\":{\"$ne\":\"\"}}"), 400, "invalid-request", "'refreshToken'"),
        new Case("password too short", "POST", "/v1/accounts", Auth.NONE, json,
            utf8("{\"email\":\"s@example.org\",\"password\":\"short\"}"), 400, "invalid-request", "12"),
        new Case("not an email", "POST", "/v1/accounts", Auth.NONE, json,
            utf8("{\"email\":\"nobody\",\"password\":\"long enough password\"}"), 400, "invalid-request", "'email'"),
        new Case("SQL in the email", "POST", "/v1/accounts", Auth.NONE, json,
            utf8("{\"email\":\"x'); DROP TABLE account; --@example.org\",\"password\":\"long enough password\"}"), 400,
            "invalid-request", "'email'"),
        new Case("SQL as a refresh token", "POST", "/v1/sessions/refresh", Auth.NONE, json,
            utf8("{\"refreshToken\":\"' OR '1'='1'; DELETE FROM refresh_token; --\"}"), 401, "invalid-refresh-token", "not known"),
        new Case("no token", "GET", "/v1/me", Auth.NONE, Map.of(), null, 401, "authentication-required", "Bearer"),
        new Case("basic instead of bearer", "GET", "/v1/me", Auth.BASIC, Map.of(), null, 401, "authentication-required", "Bearer"),
        new Case("garbled token", "GET", "/v1/me", Auth.GARBLED, Map.of(), null, 401, "invalid-token", "well-formed"),
        new Case("token signed by another key", "GET", "/v1/me", Auth.OTHER_KEY, Map.of(), null, 401, "invalid-token", "signature"),
        new Case("token with alg none", "GET", "/v1/me", Auth.ALG_NONE, Map.of(), null, 401, "invalid-token", ""),
        new Case("token with HMAC", "GET", "/v1/me", Auth.HMAC, Map.of(), null, 401, "invalid-token", ""),
        new Case("session id that is no UUID", "DELETE", "/v1/sessions/'%20OR%201=1", Auth.VALID, Map.of(), null, 404,
            "not-found", "session"),
        new Case("session id nobody has", "DELETE", "/v1/sessions/" + UUID.randomUUID(), Auth.VALID, Map.of(), null, 404,
            "not-found", "session"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badRequests")
  void isRefusedWithItsProblemTypeAndChangesNoRow(Case request) {
    Map<String, Long> before = cairn.rowCounts();
    Map<String, String> headers = new java.util.HashMap<>(request.headers());
    authorization(request.auth()).ifPresent(value -> headers.put("Authorization", value));
    Response response = cairn.api().send(request.method(), request.path(), null, headers, request.body());

    assertEquals(request.status(), response.status(), response.body());
    assertEquals("application/problem+json", response.header("Content-Type").orElseThrow());
    JsonObject problem = response.json();
    assertEquals(request.code(), response.problemCode());
    assertEquals(request.status(), problem.getInteger("status"));
    assertFalse(problem.getString("title").isBlank());
    assertTrue(problem.getString("detail").contains(request.detailMentions()), problem.getString("detail"));
    assertEquals(response.header("X-Request-Id").orElseThrow(), problem.getString("instance"));
    assertFalse(response.body().contains("Exception") || response.body().contains("\tat "), "no internals leak");
    if (request.status() == 401) {
      assertTrue(response.header("WWW-Authenticate").orElseThrow().startsWith("Bearer realm=\"cairn\""));
    }
    assertEquals(before, cairn.rowCounts(), "a rejected request changes no row");
  }

  private static java.util.Optional<String> authorization(Auth auth) {
    return switch (auth) {
      case NONE -> java.util.Optional.empty();
      case VALID -> java.util.Optional.of("Bearer " + token);
      case BASIC -> java.util.Optional.of("Basic " + Base64.getEncoder().encodeToString(utf8("valid@example.org:pw")));
      case GARBLED -> java.util.Optional.of("Bearer not.a-jwt");
      case OTHER_KEY -> java.util.Optional.of("Bearer " + signedByAnotherKey());
      case ALG_NONE -> java.util.Optional.of("Bearer " + b64("{\"alg\":\"none\",\"typ\":\"at+jwt\"}") + "." + claims + ".");
      case HMAC -> java.util.Optional.of("Bearer " + hmacSigned());
    };
  }

  /** Same claims as a genuine token, signed ES256 by a key the server has never seen. */
  private static String signedByAnotherKey() {
    try {
      ECKey stranger = new ECKeyGenerator(Curve.P_256).keyID("stranger").generate();
      SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType("at+jwt"))
          .keyID("stranger").build(), SignedJWT.parse(token).getJWTClaimsSet());
      jwt.sign(new ECDSASigner(stranger));
      return jwt.serialize();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String hmacSigned() {
    try {
      JWTClaimsSet set = new JWTClaimsSet.Builder(SignedJWT.parse(token).getJWTClaimsSet())
          .expirationTime(new Date(System.currentTimeMillis() + 600_000)).build();
      SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(new JOSEObjectType("at+jwt")).build(), set);
      jwt.sign(new MACSigner(new byte[32]));
      return jwt.serialize();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] invalidUtf8() {
    byte[] prefix = utf8("{\"email\":\"");
    byte[] bad = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF};
    byte[] suffix = utf8("@example.org\",\"password\":\"long enough password\"}");
    byte[] all = new byte[prefix.length + bad.length + suffix.length];
    System.arraycopy(prefix, 0, all, 0, prefix.length);
    System.arraycopy(bad, 0, all, prefix.length, bad.length);
    System.arraycopy(suffix, 0, all, prefix.length + bad.length, suffix.length);
    return all;
  }

  private static String b64(String text) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(utf8(text));
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

}
