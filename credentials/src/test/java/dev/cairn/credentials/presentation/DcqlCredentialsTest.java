package dev.cairn.credentials.presentation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cairn.credentials.CheckResult;
import dev.cairn.credentials.CredentialFormat;
import dev.cairn.credentials.PresentationResult;
import dev.cairn.credentials.ReasonCode;
import dev.cairn.credentials.VerificationResult;
import dev.cairn.credentials.VerifiedCredential;
import dev.cairn.credentials.dcql.DcqlCredential;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How verified credentials meet DCQL (docs/dcql.md): the format identifiers, and which results may answer. */
class DcqlCredentialsTest {

  @Test
  void eachCredentialFormatAnswersQueriesForItsOpenId4VpIdentifier() {
    assertEquals("dc+sd-jwt", DcqlCredentials.formatIdentifier(CredentialFormat.SD_JWT_VC));
    assertEquals("jwt_vc_json", DcqlCredentials.formatIdentifier(CredentialFormat.JWT_VC_JSON));
    assertEquals("ldp_vc", DcqlCredentials.formatIdentifier(CredentialFormat.LDP_VC));
  }

  @Test
  void aVcdm2JoseCredentialAnswersQueriesForJwtVcJson() {
    assertEquals("jwt_vc_json", DcqlCredentials.formatIdentifier(CredentialFormat.VC_JWT));
  }

  @Test
  void aPresentationFormatIsNoCandidate() {
    assertThrows(IllegalArgumentException.class, () -> DcqlCredentials.formatIdentifier(CredentialFormat.LDP_VP));
  }

  @Test
  void aCandidateCarriesTheWalletsIdTheVerifiedFactsAndWhetherTheBoundKeyIsHeld() {
    JsonObject claims = new JsonObject().put("credentialSubject", new JsonObject().put("achievement", "Food Safety"));
    VerifiedCredential verified = new VerifiedCredential(CredentialFormat.VC_JWT, "did:web:academy.example",
        Optional.of("did:example:learner"), List.of("VerifiableCredential", "FoodSafetyCertificate"), Optional.empty(),
        Optional.empty(), Optional.empty(), claims, List.of(), Optional.empty());

    DcqlCredential candidate = DcqlCredentials.candidate("c-17", verified, false);
    assertEquals(new DcqlCredential("c-17", "jwt_vc_json", List.of("VerifiableCredential", "FoodSafetyCertificate"),
        "did:web:academy.example", claims, false), candidate);
  }

  @Test
  void aPresentationThatFailedVerificationCannotAnswerAQuery() {
    PresentationResult refused = new PresentationResult(Optional.of(CredentialFormat.VP_JWT),
        List.of(CheckResult.failed(ReasonCode.KEY_BINDING_INVALID, "the presentation's nonce is not the one issued")),
        Optional.empty(), List.of());
    VerificationResult refusedSdJwt = new VerificationResult(Optional.of(CredentialFormat.SD_JWT_VC),
        List.of(CheckResult.failed(ReasonCode.KEY_BINDING_MISSING, "no KB-JWT")), Optional.empty());

    assertThrows(IllegalArgumentException.class, () -> DcqlCredentials.presented(refused));
    assertThrows(IllegalArgumentException.class, () -> DcqlCredentials.presented(refusedSdJwt));
    assertFalse(refused.valid());
  }
}
