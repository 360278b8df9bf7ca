package dev.cairn.wallet.verifier;

import dev.cairn.credentials.CredentialFormat;
import dev.cairn.credentials.VerificationResult;
import dev.cairn.credentials.VerifiedCredential;
import dev.cairn.credentials.dcql.PresentedCredential;

/** What a verified presentation disclosed, as the DCQL response check sees it (docs/dcql.md). */
final class PresentedCredentials {
  private PresentedCredentials() {}

  static PresentedCredential of(VerificationResult result, boolean holderBindingVerified) {
    VerifiedCredential credential = result.credential().orElseThrow();
    return new PresentedCredential(formatIdentifier(credential.format()), credential.types(), credential.issuer(),
        credential.claims(), holderBindingVerified);
  }

  /** OpenID4VP 1.0 has no identifier for VCDM 2.0 JOSE credentials; Cairn answers jwt_vc_json queries with them. */
  private static String formatIdentifier(CredentialFormat format) {
    return format == CredentialFormat.VC_JWT ? CredentialFormat.JWT_VC_JSON.identifier() : format.identifier();
  }
}
