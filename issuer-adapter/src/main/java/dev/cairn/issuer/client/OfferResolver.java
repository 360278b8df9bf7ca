package dev.cairn.issuer.client;

import dev.cairn.issuer.oid4vci.OpenId4Vci;
import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * From what the learner scanned to a {@link ResolvedOffer}: the offer by value or by reference (§4.1.2, §4.1.3),
 * then the issuer's metadata (§12.2.2) and its Authorization Server's (RFC 8414 §3), each checked to name the
 * identifier it was fetched for.
 */
final class OfferResolver {
  private static final int MAX_OFFER_URI = 16 * 1024;

  private final IssuerExchange exchange;
  private final IssuerMetadataRetrieval metadata;

  OfferResolver(IssuerExchange exchange, IssuerMetadataRetrieval metadata) {
    this.exchange = exchange;
    this.metadata = metadata;
  }

  Future<ResolvedOffer> resolve(String scanned) {
    return Future.succeededFuture(scanned).compose(this::offer).compose(json -> {
      CredentialOffer offer = CredentialOffer.read(json);
      URI metadataUrl = CredentialIssuerIdentifier.wellKnown(offer.credentialIssuer(), OpenId4Vci.ISSUER_METADATA_PATH);
      return metadata.fetch(metadataUrl, offer.credentialIssuer()).compose(metadataJson -> {
        IssuerMetadata issuer = IssuerMetadata.read(metadataJson, offer.credentialIssuer());
        checkOffered(offer, issuer);
        // §4.1.1: either grant may name the Authorization Server to use.
        String asId = issuer.authorizationServerFor(offer.preAuthorizedCode()
            .flatMap(CredentialOffer.PreAuthorizedCode::authorizationServer)
            .or(() -> offer.authorizationCode().flatMap(CredentialOffer.AuthorizationCode::authorizationServer)));
        return exchange.getJson(CredentialIssuerIdentifier.wellKnown(asId, OpenId4Vci.AS_METADATA_PATH))
            .map(asJson -> new ResolvedOffer(offer, issuer, AuthorizationServerMetadata.read(asJson, asId)));
      });
    });
  }

  /** §4.1: exactly one of credential_offer and credential_offer_uri, in the query of whatever URI carried it. */
  private Future<JsonObject> offer(String scanned) {
    if (scanned == null || scanned.length() > MAX_OFFER_URI) {
      return Future.failedFuture(offerInvalid("the offer is missing or longer than " + MAX_OFFER_URI + " characters"));
    }
    Map<String, String> query = query(scanned);
    String byValue = query.get(OpenId4Vci.CREDENTIAL_OFFER);
    String byReference = query.get(OpenId4Vci.CREDENTIAL_OFFER_URI);
    if ((byValue == null) == (byReference == null)) {
      return Future.failedFuture(offerInvalid("an offer has exactly one of credential_offer and credential_offer_uri"));
    }
    if (byValue != null) {
      try {
        return Future.succeededFuture(new JsonObject(byValue));
      } catch (DecodeException | ClassCastException e) {
        return Future.failedFuture(offerInvalid("credential_offer is not a JSON object"));
      }
    }
    if (!byReference.startsWith("https://")) {
      return Future.failedFuture(offerInvalid("credential_offer_uri must use https"));
    }
    // §4.1.3: "The response ... MUST use the media type application/json."
    return exchange.getJson(URI.create(byReference));
  }

  private static Map<String, String> query(String uri) {
    Map<String, String> parameters = new HashMap<>();
    int question = uri.indexOf('?');
    if (question < 0) {
      return parameters;
    }
    String query = uri.substring(question + 1);
    int hash = query.indexOf('#');
    for (String pair : (hash < 0 ? query : query.substring(0, hash)).split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0) {
        String name = URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8);
        if (parameters.put(name, URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8)) != null) {
          throw new IssuanceException(new IssuanceFailure.OfferInvalid(name + " is repeated"));
        }
      }
    }
    return parameters;
  }

  /** §4.1.1: every offered id identifies a configuration in credential_configurations_supported. */
  private static void checkOffered(CredentialOffer offer, IssuerMetadata issuer) {
    for (String id : offer.credentialConfigurationIds()) {
      if (!issuer.configurations().containsKey(id)) {
        throw new IssuanceException(new IssuanceFailure.OfferInvalid("the issuer's metadata has no configuration " + id));
      }
    }
    if (issuer.requestEncryptionRequired() || issuer.responseEncryptionRequired()) {
      throw new IssuanceException(new IssuanceFailure.Unsupported(
          "the issuer requires encrypted credential requests or responses (§10), which Cairn does not send"));
    }
  }

  private static IssuanceException offerInvalid(String detail) {
    return new IssuanceException(new IssuanceFailure.OfferInvalid(detail));
  }
}
