package dev.cairn.issuer.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.did.testing.Vectors;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The client reads the OpenID4VCI 1.0 examples (vectors/openid4vci/1.0) as the specification means them. */
class OpenId4VciExamplesTest {
  private static final String DIR = "openid4vci/1.0/";

  @Test
  void readsAnOfferOfTwoConfigurationsWithANumericTxCodeAndIgnoresUnknownMembers() {
    CredentialOffer offer = CredentialOffer.read(Vectors.object(DIR + "credential_offer_multiple_credentials.json"));
    assertEquals("https://credential-issuer.example.com", offer.credentialIssuer());
    assertEquals(List.of("UniversityDegreeCredential", "org.iso.18013.5.1.mDL"), offer.credentialConfigurationIds());
    CredentialOffer.PreAuthorizedCode grant = offer.preAuthorizedCode().orElseThrow();
    assertEquals("oaKazRN8I0IbtZ0C7JuMn5", grant.code());
    assertEquals(new TxCode("numeric", OptionalInt.of(4),
        Optional.of("Please provide the one-time code that was sent via e-mail")), grant.txCode().orElseThrow());
  }

  @Test
  void anEmptyTxCodeObjectStillRequiresATransactionCode() {
    CredentialOffer offer = CredentialOffer.read(Vectors.object(DIR + "credential_offer_by_reference.json"));
    TxCode txCode = offer.preAuthorizedCode().orElseThrow().txCode().orElseThrow();
    assertEquals("numeric", txCode.inputMode(), "§4.1.1: numeric is the default input_mode");
    assertTrue(txCode.length().isEmpty());
  }

  @Test
  void readsIssuerMetadataWithEndpointsBatchSizeAndDisplayPerLocale() {
    IssuerMetadata metadata = IssuerMetadata.read(Vectors.object(DIR + "credential_issuer_metadata_sd_jwt_long.json"),
        "https://credential-issuer.example.com");
    assertEquals(List.of("https://server.example.com"), metadata.authorizationServers());
    assertEquals("https://credential-issuer.example.com/nonce", metadata.nonceEndpoint().orElseThrow().toString());
    assertEquals(OptionalInt.of(10), metadata.batchSize());
    assertEquals(List.of(Optional.of("en-US"), Optional.of("fr-FR")), metadata.display().stream().map(Display::locale).toList());
    assertEquals(Optional.of("Example Université"), metadata.display().get(1).name());
    CredentialConfiguration configuration = metadata.configurations().get("SD_JWT_VC_example_in_OpenID4VCI");
    assertEquals("dc+sd-jwt", configuration.format());
    assertEquals(Optional.of(List.of("ES256")), configuration.jwtProofAlgorithms());
    assertEquals(Optional.of("#12107c"), configuration.display().get(0).backgroundColor());
    assertEquals(Optional.of("#FFFFFF"), configuration.display().get(0).textColor());
  }

  @Test
  void notesThatTheExampleIssuerRequiresEncryptionWhichCairnDoesNotSend() {
    IssuerMetadata metadata = IssuerMetadata.read(Vectors.object(DIR + "credential_issuer_metadata_sd_jwt_long.json"),
        "https://credential-issuer.example.com");
    assertTrue(metadata.requestEncryptionRequired());
    assertTrue(metadata.responseEncryptionRequired());
  }

  @Test
  void refusesMetadataFetchedForAnotherIdentifier() {
    IssuanceException refused = assertThrows(IssuanceException.class, () -> IssuerMetadata.read(
        Vectors.object(DIR + "credential_issuer_metadata_sd_jwt_long.json"), "https://credential-issuer.example.com/tenant"));
    assertInstanceOf(IssuanceFailure.MetadataInvalid.class, refused.failure());
  }

  @Test
  void readsTheW3cConfigurationExamples() {
    JsonObject jwt = Vectors.object(DIR + "credential_metadata_jwt_vc_json.json")
        .getJsonObject("credential_configurations_supported").getJsonObject("UniversityDegreeCredential");
    CredentialConfiguration jwtConfiguration = CredentialConfiguration.read("UniversityDegreeCredential", jwt);
    assertEquals("jwt_vc_json", jwtConfiguration.format());
    assertEquals(List.of("did:example"), jwtConfiguration.bindingMethods());
    assertTrue(jwtConfiguration.requiresProof());
    JsonObject ldp = Vectors.object(DIR + "credential_metadata_ldp_vc.json")
        .getJsonObject("credential_configurations_supported").getJsonObject("UniversityDegree_LDP_VC");
    CredentialConfiguration ldpConfiguration = CredentialConfiguration.read("UniversityDegree_LDP_VC", ldp);
    assertEquals("ldp_vc", ldpConfiguration.format());
    assertTrue(ldpConfiguration.jwtProofAlgorithms().isEmpty(), "no proof_types_supported: any proof is the wallet's choice");
    assertEquals(Optional.of("University Credential"), ldpConfiguration.display().get(0).name());
  }

  @Test
  void readsCredentialIdentifiersFromTheTokenResponse() {
    TokenExchange.Granted granted = TokenExchange.granted(Vectors.object(DIR + "token_response_authorization_details.json"),
        java.util.Optional.empty());
    assertEquals(Optional.of("CivilEngineeringDegree-2023"), granted.identifierFor("UniversityDegreeCredential"));
    assertTrue(granted.identifiersIssued());
  }

  @Test
  void readsABatchCredentialResponseWithItsNotificationId() {
    CredentialRequests.Response response = CredentialRequests.response(
        new IssuerExchange.Answer(200, Vectors.object(DIR + "credential_response_batch.json")));
    assertEquals(2, response.credentials().orElseThrow().size());
    assertEquals(Optional.of("3fwe98js"), response.notificationId());
    assertFalse(response.transactionId().isPresent());
  }

  @Test
  void readsADeferredAnswerWithItsInterval() {
    CredentialRequests.Response response = CredentialRequests.response(
        new IssuerExchange.Answer(202, Vectors.object(DIR + "credential_response_deferred.json")));
    assertEquals(Optional.of("8xLOxBtZp8"), response.transactionId());
    assertEquals(3600, response.interval());
  }

  @Test
  void turnsTheErrorExamplesIntoTypedFailures() {
    IssuanceException credential = assertThrows(IssuanceException.class, () -> CredentialRequests.response(
        new IssuerExchange.Answer(400, Vectors.object(DIR + "credential_error_response.json"))));
    assertEquals("unknown_credential_configuration",
        assertInstanceOf(IssuanceFailure.CredentialRefused.class, credential.failure()).error());
    IssuanceException deferred = assertThrows(IssuanceException.class, () -> CredentialRequests.response(
        new IssuerExchange.Answer(400, Vectors.object(DIR + "deferred_error_response.json"))));
    assertEquals("credential-invalid_transaction_id", deferred.failure().code());
  }
}
