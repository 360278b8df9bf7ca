package dev.cairn.issuer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.did.testing.Await;
import dev.cairn.issuer.client.Acceptance;
import dev.cairn.issuer.client.ConfigurationOutcome;
import dev.cairn.issuer.client.IssuanceFailure;
import dev.cairn.issuer.client.ProofSigner;
import dev.cairn.issuer.client.ResolvedOffer;
import dev.cairn.issuer.testing.Holders;
import dev.cairn.issuer.testing.IssuanceWorld;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Deferred issuance (§9), and the Credential Request by configuration id when no identifiers were issued (§8.2). */
class DeferredIssuanceTest {

  private static ConfigurationOutcome acceptOne(IssuanceWorld world, JsonObject request, ProofSigner key) {
    JsonObject created = world.offer(request);
    ResolvedOffer offer = Await.result(world.client.resolve(created.getString("offer_by_reference")));
    List<ConfigurationOutcome> outcomes = Await.result(world.client.accept(offer,
        Acceptance.allWith(offer, Optional.of(created.getString("tx_code")), key)));
    return outcomes.get(0);
  }

  @Test
  void aDeferredCredentialIsCollectedAfterTheIntervalAndBoundToTheProvenKey() {
    try (IssuanceWorld world = new IssuanceWorld()) {
      ProofSigner key = Holders.ed25519DidKey();
      ConfigurationOutcome.Deferred deferred = assertInstanceOf(ConfigurationOutcome.Deferred.class, acceptOne(world,
          IssuanceWorld.offerRequest("MicroCredential_ldp_vc_eddsa-rdfc-2022").put("deferred", true), key));
      // Before the interval the client does not ask.
      ConfigurationOutcome early = Await.result(world.client.collectDeferred(deferred.deferred()));
      assertSame(deferred.deferred(), assertInstanceOf(ConfigurationOutcome.Deferred.class, early).deferred());

      world.clock.advance(world.issuer.config().deferredInterval());
      ConfigurationOutcome.Issued issued = assertInstanceOf(ConfigurationOutcome.Issued.class,
          Await.result(world.client.collectDeferred(deferred.deferred())));
      assertTrue(issued.credentials().get(0).verification().valid());
      assertEquals(Optional.of(key.kid().orElseThrow().substring(0, key.kid().get().indexOf('#'))),
          issued.credentials().get(0).verification().credential().orElseThrow().subject());
      assertTrue(issued.notification().isPresent());
    }
  }

  @Test
  void aCollectedTransactionIdCannotBeCollectedAgain() {
    try (IssuanceWorld world = new IssuanceWorld()) {
      ConfigurationOutcome.Deferred deferred = assertInstanceOf(ConfigurationOutcome.Deferred.class, acceptOne(world,
          IssuanceWorld.offerRequest("MicroCredential_dc+sd-jwt").put("deferred", true), Holders.p256Jwk()));
      world.clock.advance(Duration.ofMinutes(1));
      assertInstanceOf(ConfigurationOutcome.Issued.class, Await.result(world.client.collectDeferred(deferred.deferred())));
      ConfigurationOutcome.Refused again = assertInstanceOf(ConfigurationOutcome.Refused.class,
          Await.result(world.client.collectDeferred(deferred.deferred())));
      assertEquals("invalid_transaction_id",
          assertInstanceOf(IssuanceFailure.CredentialRefused.class, again.failure()).error());
    }
  }

  @Test
  void withoutAuthorizationDetailsTheClientRequestsByConfigurationId() {
    try (IssuanceWorld world = new IssuanceWorld(config -> config.withAuthorizationDetails(false), policy -> policy)) {
      ConfigurationOutcome outcome = acceptOne(world, IssuanceWorld.offerRequest("MicroCredential_jwt_vc_json"),
          Holders.p256DidJwk());
      assertInstanceOf(ConfigurationOutcome.Issued.class, outcome, outcome::toString);
    }
  }
}
