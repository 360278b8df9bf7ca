package dev.cairn.issuer.client;

import dev.cairn.credentials.CredentialFormat;
import dev.cairn.credentials.VerificationResult;
import java.util.List;

/**
 * One credential received and accepted: verified as an import is, and bound to a key the wallet proved. What the
 * wallet stores: the credential as received ({@code credential}: the compact JWT / SD-JWT, or the JSON of an
 * ldp_vc), its format and verification, and the display metadata the issuer published (issuer name and logo;
 * the configuration's name, colours and locale).
 */
public record ReceivedCredential(String configurationId, CredentialFormat format, String credential,
                                 VerificationResult verification, List<Display> issuerDisplay,
                                 List<Display> credentialDisplay) {
  public ReceivedCredential {
    issuerDisplay = List.copyOf(issuerDisplay);
    credentialDisplay = List.copyOf(credentialDisplay);
  }
}
