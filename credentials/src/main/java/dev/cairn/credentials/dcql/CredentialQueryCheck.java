package dev.cairn.credentials.dcql;

import dev.cairn.credentials.dcql.CheckOutcome.Unsatisfied;
import java.util.List;
import java.util.Optional;

/**
 * Whether one credential satisfies one Credential Query (OpenID4VP 1.0 §6.1, §6.4), checked in this order so that the
 * reason given is the first rule broken: the format, the format's {@code meta} (Appendix B), Cryptographic Holder
 * Binding, {@code trusted_authorities} (§6.1.1), then the claims (§6.4.1). Wallet and verifier run the same check:
 * the wallet on everything the holder could disclose, the verifier on what was disclosed.
 */
final class CredentialQueryCheck {
  private CredentialQueryCheck() {}

  static CheckOutcome check(CredentialQuery query, CredentialFacts credential) {
    if (!query.format().equals(credential.format())) {
      return new Unsatisfied("format " + credential.format() + " is not the requested " + query.format());
    }
    Optional<String> meta = query.meta().mismatch(credential.types());
    if (meta.isPresent()) {
      return new Unsatisfied(meta.get());
    }
    // Appendix B.1, B.3: with the default true, only a presentation that proves Holder Binding will do.
    if (query.requireCryptographicHolderBinding() && !credential.holderBinding()) {
      return new Unsatisfied("require_cryptographic_holder_binding is true, and there is no Cryptographic Holder "
          + "Binding proof for this credential");
    }
    Optional<String> untrusted = untrusted(query.trustedAuthorities(), credential.issuer());
    if (untrusted.isPresent()) {
      return new Unsatisfied(untrusted.get());
    }
    return ClaimSelection.select(query, credential.claims());
  }

  /**
   * §6.1.1: a credential matches when one entry accepts it. An entry of a type Cairn cannot evaluate accepts
   * nothing, so a query naming only such types matches no credential; the reason says so rather than blaming the
   * issuer.
   */
  private static Optional<String> untrusted(List<TrustedAuthority> authorities, String issuer) {
    if (authorities.isEmpty() || authorities.stream().anyMatch(authority -> authority.accepts(issuer))) {
      return Optional.empty();
    }
    List<String> unsupported = authorities.stream().filter(authority -> !authority.supported())
        .map(TrustedAuthority::type).distinct().toList();
    if (authorities.stream().noneMatch(TrustedAuthority::supported)) {
      return Optional.of("trusted_authorities: cannot tell whether issuer " + issuer + " is trusted: type "
          + String.join(", ", unsupported) + " is not supported");
    }
    String reason = "trusted_authorities: issuer " + issuer + " is not one of the accepted issuers";
    return Optional.of(unsupported.isEmpty()
        ? reason
        : reason + " (type " + String.join(", ", unsupported) + " is not supported)");
  }
}
