package dev.cairn.issuer.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.cairn.credentials.CryptoPool;
import dev.cairn.did.DidResolver;
import dev.cairn.did.fetch.FetchPolicy;
import dev.cairn.did.fetch.HardenedFetch;
import dev.cairn.did.testing.Await;
import dev.cairn.did.testing.Vectors;
import dev.cairn.issuer.oid4vci.OAuthError;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Appendix F.1's example key proof (vectors/openid4vci/1.0/proof_jwt.txt) through the issuer's Appendix F.4 checks. */
class KeyProofExampleTest {
  private static final Vertx VERTX = Vertx.vertx();
  private static final String PROOF = Vectors.text("openid4vci/1.0/proof_jwt.txt").trim();
  private static final Instant ISSUED = Instant.ofEpochSecond(1701960444);

  @AfterAll
  static void close() {
    Await.result(VERTX.close());
  }

  private static KeyProofVerifier verifierAt(Clock clock, String issuer) {
    HardenedFetch fetch = new HardenedFetch(VERTX, FetchPolicy.defaults());
    return new KeyProofVerifier(ReferenceIssuerConfig.defaults(URI.create(issuer)), DidResolver.create(fetch, clock),
        new CryptoPool(VERTX.createSharedWorkerExecutor("proof-test", 1)), clock);
  }

  @Test
  void acceptsTheSpecExampleAtItsIssuanceTime() {
    ProvenKey key = Await.result(verifierAt(Clock.fixed(ISSUED.plusSeconds(30), ZoneOffset.UTC),
        "https://credential-issuer.example.com").verify(PROOF));
    assertEquals("LarRGSbmUPYtRYO6BQ4yn8", key.nonce());
    assertEquals("nUWAoAv3XZith8E7i19OdaxOLYFOwM-Z2EuM02TirT4", key.publicKey().toJSONObject().get("x"));
  }

  @Test
  void refusesTheSpecExampleOnceItIsStale() {
    Throwable refused = Await.failure(verifierAt(Clock.fixed(ISSUED.plus(Duration.ofHours(1)), ZoneOffset.UTC),
        "https://credential-issuer.example.com").verify(PROOF));
    assertEquals(OAuthError.INVALID_PROOF, assertInstanceOf(OAuthException.class, refused).error());
  }

  @Test
  void refusesTheSpecExampleAtAnotherIssuer() {
    Throwable refused = Await.failure(verifierAt(Clock.fixed(ISSUED, ZoneOffset.UTC), "https://issuer.example.org")
        .verify(PROOF));
    assertEquals(OAuthError.INVALID_PROOF, assertInstanceOf(OAuthException.class, refused).error());
  }
}
