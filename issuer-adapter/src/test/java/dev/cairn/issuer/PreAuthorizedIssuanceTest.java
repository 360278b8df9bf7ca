package dev.cairn.issuer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.credentials.Check;
import dev.cairn.credentials.CredentialFormat;
import dev.cairn.credentials.Outcome;
import dev.cairn.did.testing.Await;
import dev.cairn.issuer.client.Acceptance;
import dev.cairn.issuer.client.ConfigurationOutcome;
import dev.cairn.issuer.client.ProofSigner;
import dev.cairn.issuer.client.ReceivedCredential;
import dev.cairn.issuer.client.ResolvedOffer;
import dev.cairn.issuer.oid4vci.OpenId4Vci;
import dev.cairn.issuer.testing.Holders;
import dev.cairn.issuer.testing.IssuanceWorld;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The wallet client and the reference issuer over real HTTPS on loopback: the Pre-Authorized Code Flow, every format. */
class PreAuthorizedIssuanceTest {
  private static final IssuanceWorld WORLD = new IssuanceWorld();

  @AfterAll
  static void close() {
    WORLD.close();
  }

  private static ReceivedCredential issueOne(String configurationId, ProofSigner key, String offerMember) {
    JsonObject created = WORLD.offer(IssuanceWorld.offerRequest(configurationId));
    ResolvedOffer offer = Await.result(WORLD.client.resolve(created.getString(offerMember)));
    List<ConfigurationOutcome> outcomes = Await.result(WORLD.client.accept(offer,
        Acceptance.allWith(offer, Optional.of(created.getString("tx_code")), key)));
    ConfigurationOutcome.Issued issued = assertInstanceOf(ConfigurationOutcome.Issued.class, outcomes.get(0),
        () -> outcomes.get(0).toString());
    assertEquals(1, issued.credentials().size());
    return issued.credentials().get(0);
  }

  @Test
  void issuesAnSdJwtVcBoundToTheProofKeysCnf() {
    ProofSigner key = Holders.p256Jwk();
    ReceivedCredential credential = issueOne("MicroCredential_dc+sd-jwt", key, "offer_by_value");
    assertEquals(CredentialFormat.SD_JWT_VC, credential.format());
    assertTrue(credential.verification().valid());
    assertEquals(key.publicKey().toPublicJWK(), credential.verification().credential().orElseThrow().holderKey().orElseThrow());
    assertEquals("Ada Lovelace", credential.verification().credential().orElseThrow().claims().getString("name"));
  }

  @Test
  void issuesAJwtVcJsonWhoseSubjectIsTheHoldersDidJwk() {
    ProofSigner key = Holders.p256DidJwk();
    ReceivedCredential credential = issueOne("MicroCredential_jwt_vc_json", key, "offer_by_reference");
    assertEquals(CredentialFormat.JWT_VC_JSON, credential.format());
    assertEquals(Optional.of(key.kid().orElseThrow().replace("#0", "")),
        credential.verification().credential().orElseThrow().subject());
  }

  @Test
  void issuesAnEddsaRdfc2022OpenBadgeThatConformsToTheSchema() {
    ProofSigner key = Holders.ed25519DidKey();
    ReceivedCredential credential = issueOne("MicroCredential_ldp_vc_eddsa-rdfc-2022", key, "offer_by_value");
    assertEquals(CredentialFormat.LDP_VC, credential.format());
    assertEquals(Outcome.PASSED, credential.verification().check(Check.TYPE).orElseThrow().outcome(),
        () -> credential.verification().check(Check.TYPE).toString());
    assertEquals("eddsa-rdfc-2022", new JsonObject(credential.credential()).getJsonObject("proof").getString("cryptosuite"));
  }

  @Test
  void issuesAnEcdsaSd2023BaseProofTheHolderAccepts() {
    ReceivedCredential credential = issueOne("MicroCredential_ldp_vc_ecdsa-sd-2023", Holders.p256DidJwk(), "offer_by_reference");
    assertEquals("ecdsa-sd-2023", new JsonObject(credential.credential()).getJsonObject("proof").getString("cryptosuite"));
    assertTrue(credential.verification().valid());
  }

  @Test
  void keepsTheIssuersDisplayMetadataWithEachCredential() {
    ReceivedCredential credential = issueOne("MicroCredential_dc+sd-jwt", Holders.p256Jwk(), "offer_by_value");
    assertEquals(Optional.of("Cairn Reference Academy"), credential.issuerDisplay().get(0).name());
    assertEquals(Optional.of("en-GB"), credential.issuerDisplay().get(0).locale());
    assertTrue(credential.issuerDisplay().get(0).logo().isPresent());
    assertEquals(Optional.of("#1b4332"), credential.credentialDisplay().get(0).backgroundColor());
    assertEquals(Optional.of("#ffffff"), credential.credentialDisplay().get(0).textColor());
  }

  @Test
  void acceptsEveryOfferedFormatInOneOfferAndNotifiesAcceptance() {
    JsonObject created = WORLD.offer(IssuanceWorld.offerRequest());
    ResolvedOffer offer = Await.result(WORLD.client.resolve(created.getString("offer_by_value")));
    assertEquals(4, offer.offeredConfigurations().size());
    List<ConfigurationOutcome> outcomes = Await.result(WORLD.client.accept(offer,
        Acceptance.allWith(offer, Optional.of(created.getString("tx_code")), Holders.p256DidJwk())));
    for (ConfigurationOutcome outcome : outcomes) {
      ConfigurationOutcome.Issued issued = assertInstanceOf(ConfigurationOutcome.Issued.class, outcome, outcome::toString);
      Await.result(WORLD.client.notify(issued.notification().orElseThrow(), OpenId4Vci.CREDENTIAL_ACCEPTED, Optional.empty()));
      String notificationId = issued.notification().orElseThrow().notificationId();
      assertTrue(WORLD.issuer.notifications().reported().stream().anyMatch(event ->
          event.notificationId().equals(notificationId) && event.event().equals(OpenId4Vci.CREDENTIAL_ACCEPTED)));
    }
  }

  @Test
  void issuesABatchOneCredentialPerProvenKey() {
    JsonObject created = WORLD.offer(IssuanceWorld.offerRequest("MicroCredential_dc+sd-jwt"));
    ResolvedOffer offer = Await.result(WORLD.client.resolve(created.getString("offer_by_value")));
    List<ProofSigner> keys = List.of(Holders.p256Jwk(), Holders.p256DidJwk(), Holders.ed25519DidKey());
    List<ConfigurationOutcome> outcomes = Await.result(WORLD.client.accept(offer, new Acceptance(
        Optional.of(created.getString("tx_code")), Map.of("MicroCredential_dc+sd-jwt", keys))));
    ConfigurationOutcome.Issued issued = assertInstanceOf(ConfigurationOutcome.Issued.class, outcomes.get(0),
        () -> outcomes.get(0).toString());
    assertEquals(3, issued.credentials().size());
    assertEquals(3, issued.credentials().stream()
        .map(credential -> credential.verification().credential().orElseThrow().holderKey().orElseThrow())
        .distinct().count(), "each credential is bound to its own key");
  }
}
