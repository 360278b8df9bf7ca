package dev.cairn.issuer.client;

import dev.cairn.issuer.oid4vci.OpenId4Vci;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A Credential Offer object (§4.1.1), read with the section's MUST rules; unknown members are ignored. §13.3: its
 * values are untrusted — they only tell the wallet where to look; everything else is checked against the
 * issuer's metadata.
 */
public record CredentialOffer(String credentialIssuer, List<String> credentialConfigurationIds,
                              Optional<PreAuthorizedCode> preAuthorizedCode, Optional<AuthorizationCode> authorizationCode) {
  private static final int MAX_CONFIGURATIONS = 32;
  private static final int MAX_DESCRIPTION = 300;

  /** The {@code urn:ietf:params:oauth:grant-type:pre-authorized_code} grant of the offer. */
  public record PreAuthorizedCode(String code, Optional<TxCode> txCode, Optional<String> authorizationServer) {}

  /** The {@code authorization_code} grant of the offer. */
  public record AuthorizationCode(Optional<String> issuerState, Optional<String> authorizationServer) {}

  public CredentialOffer {
    credentialConfigurationIds = List.copyOf(credentialConfigurationIds);
  }

  public static CredentialOffer read(JsonObject offer) {
    String issuer = offer.getValue("credential_issuer") instanceof String text ? text
        : invalid("credential_issuer is required");
    CredentialIssuerIdentifier.check(issuer).ifPresent(CredentialOffer::invalid);
    if (!(offer.getValue("credential_configuration_ids") instanceof JsonArray ids) || ids.isEmpty()
        || ids.size() > MAX_CONFIGURATIONS) {
      return invalid("credential_configuration_ids must be a non-empty array (at most " + MAX_CONFIGURATIONS + ")");
    }
    Set<String> unique = new LinkedHashSet<>();
    for (Object id : ids) {
      if (!(id instanceof String text) || !unique.add(text)) {
        return invalid("credential_configuration_ids must be unique strings");
      }
    }
    JsonObject grants = offer.getValue("grants") == null ? new JsonObject()
        : offer.getValue("grants") instanceof JsonObject object ? object : invalid("grants must be an object");
    return new CredentialOffer(issuer, new ArrayList<>(unique), preAuthorized(grants), authorizationCode(grants));
  }

  private static Optional<PreAuthorizedCode> preAuthorized(JsonObject grants) {
    Object value = grants.getValue(OpenId4Vci.PRE_AUTHORIZED_CODE_GRANT);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof JsonObject grant) || !(grant.getValue(OpenId4Vci.PRE_AUTHORIZED_CODE) instanceof String code)
        || code.isEmpty()) {
      return invalid("the pre-authorized_code grant needs a pre-authorized_code string");
    }
    Optional<TxCode> txCode = Optional.empty();
    if (grant.containsKey(OpenId4Vci.TX_CODE)) {
      if (!(grant.getValue(OpenId4Vci.TX_CODE) instanceof JsonObject tx)) {
        return invalid("tx_code must be an object");
      }
      txCode = Optional.of(txCode(tx));
    }
    return Optional.of(new PreAuthorizedCode(code, txCode, string(grant, "authorization_server")));
  }

  private static TxCode txCode(JsonObject tx) {
    String mode = tx.getValue("input_mode") == null ? "numeric" : String.valueOf(tx.getValue("input_mode"));
    if (!mode.equals("numeric") && !mode.equals("text")) {
      invalid("tx_code.input_mode is numeric or text");
    }
    OptionalInt length = OptionalInt.empty();
    if (tx.getValue("length") != null) {
      if (!(tx.getValue("length") instanceof Integer value) || value < 1 || value > 64) {
        return invalid("tx_code.length must be a positive integer");
      }
      length = OptionalInt.of(value);
    }
    Optional<String> description = string(tx, "description");
    if (description.filter(text -> text.length() > MAX_DESCRIPTION).isPresent()) {
      invalid("tx_code.description must not exceed " + MAX_DESCRIPTION + " characters");
    }
    return new TxCode(mode, length, description);
  }

  private static Optional<AuthorizationCode> authorizationCode(JsonObject grants) {
    return grants.getValue(OpenId4Vci.AUTHORIZATION_CODE_GRANT) instanceof JsonObject grant
        ? Optional.of(new AuthorizationCode(string(grant, "issuer_state"), string(grant, "authorization_server")))
        : Optional.empty();
  }

  private static Optional<String> string(JsonObject object, String name) {
    return object.getValue(name) instanceof String text ? Optional.of(text) : Optional.empty();
  }

  static <T> T invalid(String detail) {
    throw new IssuanceException(new IssuanceFailure.OfferInvalid(detail));
  }

  /** §4.1 / §12.2.1: the issuer URL as a URI, once its form was checked. */
  public URI issuerUri() {
    return URI.create(credentialIssuer);
  }
}
