package dev.cairn.issuer.client;

import java.util.List;
import java.util.Optional;

/**
 * An offer the wallet can show the learner before accepting: the offer, the issuer's metadata (fetched from the
 * offer's {@code credential_issuer} and checked to name it) and its Authorization Server's metadata.
 */
public record ResolvedOffer(CredentialOffer offer, IssuerMetadata issuer, AuthorizationServerMetadata authorizationServer) {

  /** The offered configurations the issuer's metadata describes, in the offer's order. */
  public List<CredentialConfiguration> offeredConfigurations() {
    return offer.credentialConfigurationIds().stream().map(issuer.configurations()::get).toList();
  }

  /** The Transaction Code the learner must type, when the offer asks for one (§4.1.1). */
  public Optional<TxCode> txCode() {
    return offer.preAuthorizedCode().flatMap(CredentialOffer.PreAuthorizedCode::txCode);
  }
}
