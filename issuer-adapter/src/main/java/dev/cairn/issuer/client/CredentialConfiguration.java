package dev.cairn.issuer.client;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One entry of {@code credential_configurations_supported} (§12.2.4): its format and the format's type (Appendix
 * A: {@code vct}, {@code credential_definition}), how credentials are bound (binding methods, the algorithms a
 * {@code jwt} key proof may use), and its display. {@code json} keeps the whole entry for the wallet's view.
 */
public record CredentialConfiguration(String id, String format, Optional<String> scope,
                                      List<String> bindingMethods, Optional<List<String>> jwtProofAlgorithms,
                                      boolean otherProofTypesOnly, List<Display> display, JsonObject json) {

  public CredentialConfiguration {
    bindingMethods = List.copyOf(bindingMethods);
    display = List.copyOf(display);
  }

  static CredentialConfiguration read(String id, JsonObject entry) {
    if (!(entry.getValue("format") instanceof String format) || format.isEmpty()) {
      throw new IssuanceException(new IssuanceFailure.MetadataInvalid("configuration " + id + " has no format"));
    }
    Optional<List<String>> jwtAlgorithms = Optional.empty();
    boolean otherProofTypesOnly = false;
    if (entry.getValue("proof_types_supported") instanceof JsonObject proofTypes) {
      if (proofTypes.getValue("jwt") instanceof JsonObject jwt) {
        jwtAlgorithms = Optional.of(strings(jwt.getValue("proof_signing_alg_values_supported")));
      } else {
        otherProofTypesOnly = !proofTypes.isEmpty();
      }
    }
    Object display = entry.getValue("credential_metadata") instanceof JsonObject metadata
        ? metadata.getValue("display") : null;
    return new CredentialConfiguration(id, format,
        entry.getValue("scope") instanceof String scope ? Optional.of(scope) : Optional.empty(),
        strings(entry.getValue("cryptographic_binding_methods_supported")), jwtAlgorithms, otherProofTypesOnly,
        Display.list(display), entry.copy());
  }

  /** §12.2.4: binding methods present means the issuer requires key proofs for this configuration. */
  public boolean requiresProof() {
    return !bindingMethods.isEmpty() || jwtProofAlgorithms.isPresent();
  }

  private static List<String> strings(Object value) {
    List<String> strings = new ArrayList<>();
    if (value instanceof JsonArray array) {
      array.forEach(item -> {
        if (item instanceof String text) {
          strings.add(text);
        }
      });
    }
    return strings;
  }
}
