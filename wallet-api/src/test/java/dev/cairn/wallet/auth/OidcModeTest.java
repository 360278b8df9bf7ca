package dev.cairn.wallet.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.cairn.wallet.testing.Api.Response;
import dev.cairn.wallet.testing.CairnUnderTest;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** CAIRN_OIDC_ISSUER set: bearer tokens from that provider are accepted and map to learners. */
class OidcModeTest {
  private static final String AUDIENCE = "cairn-test-audience";
  private static OidcProviderStub provider;
  private static CairnUnderTest cairn;

  @BeforeAll
  static void start() throws Exception {
    provider = new OidcProviderStub();
    cairn = CairnUnderTest.start(Map.of("CAIRN_OIDC_ISSUER", provider.issuer(), "CAIRN_OIDC_AUDIENCE", AUDIENCE,
        "CAIRN_HTTP_ALLOW_PRIVATE_HOSTS", "127.0.0.1"));
  }

  @AfterAll
  static void stop() {
    cairn.close();
    provider.close();
  }

  @Test
  void aProviderSubjectBecomesOneLearnerOnFirstSight() throws Exception {
    Response first = cairn.api().get("/v1/me", provider.token("subject-1", AUDIENCE, cairn.clock.instant()));
    assertEquals(200, first.status(), first.body());
    assertEquals("external", first.json().getString("signIn"));
    assertFalse(first.json().containsKey("email"));

    Response again = cairn.api().get("/v1/me", provider.token("subject-1", AUDIENCE, cairn.clock.instant()));
    assertEquals(first.json().getString("id"), again.json().getString("id"));
    Response other = cairn.api().get("/v1/me", provider.token("subject-2", AUDIENCE, cairn.clock.instant()));
    assertNotEquals(first.json().getString("id"), other.json().getString("id"));
    assertEquals(1, cairn.queryLong("SELECT count(*) FROM external_identity WHERE subject = 'subject-1'"));
  }

  @Test
  void tokensForAnotherAudienceOrIssuerOrPastTheirExpiryAreRefused() throws Exception {
    Response wrongAudience = cairn.api().get("/v1/me", provider.token("subject-3", "someone-else", cairn.clock.instant()));
    assertEquals(401, wrongAudience.status());
    assertTrue(wrongAudience.json().getString("detail").contains("aud"), wrongAudience.body());

    Response wrongIssuer = cairn.api().get("/v1/me", provider.tokenWith(new JWTClaimsSet.Builder()
        .issuer("https://elsewhere.example").subject("subject-3").audience(AUDIENCE)
        .expirationTime(Date.from(cairn.clock.instant().plusSeconds(60))).build()));
    assertEquals(401, wrongIssuer.status());

    String token = provider.token("subject-3", AUDIENCE, cairn.clock.instant());
    cairn.clock.advance(Duration.ofMinutes(7));
    Response expired = cairn.api().get("/v1/me", token);
    assertEquals(401, expired.status());
    assertEquals("invalid-token", expired.problemCode());
    assertTrue(expired.header("WWW-Authenticate").orElseThrow().contains("invalid_token"));
  }

  @Test
  void aRotatedKeyIsFetchedOnceAndUnknownKeysDoNotHammerTheProvider() throws Exception {
    assertEquals(200, cairn.api().get("/v1/me", provider.token("rotating", AUDIENCE, cairn.clock.instant())).status());
    provider.rotate("key-2");
    int fetchesBefore = provider.jwksFetches.get();
    cairn.clock.advance(Duration.ofSeconds(31));
    assertEquals(200, cairn.api().get("/v1/me", provider.token("rotating", AUDIENCE, cairn.clock.instant())).status());
    assertEquals(fetchesBefore + 1, provider.jwksFetches.get(), "one fetch to learn the new key");

    for (int i = 0; i < 5; i++) {
      Response rogue = cairn.api().get("/v1/me", provider.tokenFromUnpublishedKey("rogue", AUDIENCE, cairn.clock.instant()));
      assertEquals(401, rogue.status());
    }
    assertEquals(fetchesBefore + 1, provider.jwksFetches.get(), "unknown key ids within 30 s cause no new fetch");
  }

  @Test
  void cairnsOwnAccountsKeepWorkingAndProviderTokensHaveNoCairnSessionToEnd() throws Exception {
    var own = cairn.api().signUp("local@example.org");
    assertEquals(200, cairn.api().get("/v1/me", own.getString("accessToken")).status());
    Response logout = cairn.api().delete("/v1/sessions/current", provider.token("subject-4", AUDIENCE, cairn.clock.instant()));
    assertEquals(404, logout.status());
  }
}
