package dev.cairn.issuer.reference;

import dev.cairn.credentials.CryptoPool;
import dev.cairn.issuer.oid4vci.OAuthError;
import dev.cairn.issuer.oid4vci.OpenId4Vci;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The Credential Endpoint (§8) and Deferred Credential Endpoint (§9): which configuration is asked for, the key
 * proofs (each verified, their c_nonce consumed once), then one credential per proven key — now, or under a
 * {@code transaction_id} when the offer was made deferred.
 */
final class CredentialService {

  /** An answer of the Credential or Deferred Credential Endpoint: 200 with credentials, or 202 with a transaction. */
  record Answer(int status, JsonObject body) {}

  private final ReferenceIssuerConfig config;
  private final KeyProofVerifier proofs;
  private final CNonces nonces;
  private final CredentialMinter minter;
  private final DeferredTransactions deferred;
  private final Notifications notifications;
  private final CryptoPool crypto;
  private final IssuedCredentials issued;

  CredentialService(ReferenceIssuerConfig config, KeyProofVerifier proofs, CNonces nonces, CredentialMinter minter,
                    DeferredTransactions deferred, Notifications notifications, CryptoPool crypto,
                    IssuedCredentials issued) {
    this.config = config;
    this.proofs = proofs;
    this.nonces = nonces;
    this.minter = minter;
    this.deferred = deferred;
    this.notifications = notifications;
    this.crypto = crypto;
    this.issued = issued;
  }

  /** §8.2 Credential Request to §8.3 Credential Response. */
  Future<Answer> credential(AccessTokens.Authorization authorization, JsonObject request) {
    MicroCredentialConfiguration configuration;
    List<String> jwts;
    try {
      configuration = requestedConfiguration(authorization, request);
      jwts = proofJwts(request);
    } catch (OAuthException e) {
      return Future.failedFuture(e);
    }
    List<Future<ProvenKey>> verified = new ArrayList<>();
    jwts.forEach(jwt -> verified.add(proofs.verify(jwt)));
    return Future.all(verified).compose(all -> {
      List<ProvenKey> holders = all.list();
      consumeNonces(holders);
      if (authorization.offer().deferred()) {
        String transactionId = deferred.defer(configuration, authorization.offer(), holders);
        return Future.succeededFuture(new Answer(202, new JsonObject().put("transaction_id", transactionId)
            .put("interval", config.deferredInterval().toSeconds())));
      }
      return issue(configuration, authorization.offer(), holders);
    }, failure -> Future.failedFuture(firstCause(verified, failure)));
  }

  /** §9.1 Deferred Credential Request: the credentials once ready; until then 202 with the same transaction_id. */
  Future<Answer> deferredCredential(JsonObject request) {
    if (!(request.getValue("transaction_id") instanceof String transactionId)) {
      return Future.failedFuture(new OAuthException(OAuthError.INVALID_CREDENTIAL_REQUEST, "transaction_id is required"));
    }
    try {
      return deferred.collect(transactionId)
          .map(ready -> issue(ready.configuration(), ready.offer(), ready.holders()))
          .orElseGet(() -> Future.succeededFuture(new Answer(202, new JsonObject().put("transaction_id", transactionId)
              .put("interval", config.deferredInterval().toSeconds()))));
    } catch (OAuthException e) {
      return Future.failedFuture(e);
    }
  }

  private Future<Answer> issue(MicroCredentialConfiguration configuration, OfferRequest offer, List<ProvenKey> holders) {
    return crypto.run(() -> {
      JsonArray credentials = new JsonArray();
      // §8.3: one credential per key the Wallet proved, each bound to that key only.
      // Each gets its own id and status index, recorded before signing so no index is ever given out twice.
      holders.forEach(holder -> credentials.add(new JsonObject().put("credential", minter.mint(configuration, offer,
          holder, issued.issue(offer.id(), configuration).status()))));
      return new Answer(200, new JsonObject().put("credentials", credentials).put("notification_id", notifications.open()));
    });
  }

  /**
   * §8.2: {@code credential_identifier} when the Token Response handed some out, else
   * {@code credential_configuration_id}; never both. The token covers only what its offer named (§6.1).
   */
  private static MicroCredentialConfiguration requestedConfiguration(AccessTokens.Authorization authorization,
                                                                     JsonObject request) {
    Object identifier = request.getValue("credential_identifier");
    Object configurationId = request.getValue("credential_configuration_id");
    if ((identifier == null) == (configurationId == null)) {
      throw new OAuthException(OAuthError.INVALID_CREDENTIAL_REQUEST,
          "exactly one of credential_identifier and credential_configuration_id is required");
    }
    if (authorization.identifiersIssued()) {
      MicroCredentialConfiguration named = authorization.credentialIdentifiers().get(String.valueOf(identifier));
      if (named == null) {
        throw new OAuthException(identifier == null ? OAuthError.INVALID_CREDENTIAL_REQUEST
            : OAuthError.UNKNOWN_CREDENTIAL_IDENTIFIER, "use a credential_identifier from the Token Response");
      }
      return named;
    }
    if (identifier != null) {
      throw new OAuthException(OAuthError.UNKNOWN_CREDENTIAL_IDENTIFIER, "no credential_identifiers were issued");
    }
    MicroCredentialConfiguration configuration = MicroCredentialConfiguration.byId(String.valueOf(configurationId))
        .orElseThrow(() -> new OAuthException(OAuthError.UNKNOWN_CREDENTIAL_CONFIGURATION,
            "unknown credential configuration " + configurationId));
    if (!authorization.offer().configurations().contains(configuration)) {
      throw new OAuthException(OAuthError.CREDENTIAL_REQUEST_DENIED, "the access token does not cover " + configurationId);
    }
    return configuration;
  }

  /** §8.2 {@code proofs}: exactly one proof type, here {@code jwt}, with 1..batch_size proofs (§12.2.4). */
  private List<String> proofJwts(JsonObject request) {
    if (!(request.getValue("proofs") instanceof JsonObject proofsObject) || proofsObject.size() != 1) {
      throw new OAuthException(OAuthError.INVALID_PROOF, "proofs must hold exactly one proof type");
    }
    if (!(proofsObject.getValue(OpenId4Vci.PROOF_TYPE_JWT) instanceof JsonArray array) || array.isEmpty()) {
      throw new OAuthException(OAuthError.INVALID_PROOF, "proofs.jwt must be a non-empty array (the only proof type here)");
    }
    if (array.size() > config.batchSize()) {
      throw new OAuthException(OAuthError.INVALID_PROOF, "at most " + config.batchSize() + " proofs (batch_size)");
    }
    List<String> jwts = new ArrayList<>();
    for (Object proof : array) {
      if (!(proof instanceof String jwt)) {
        throw new OAuthException(OAuthError.INVALID_PROOF, "each jwt proof is a compact JWS string");
      }
      jwts.add(jwt);
    }
    return jwts;
  }

  /** §8.3.1.2 {@code invalid_nonce}: each distinct c_nonce of the request is consumed once; any unknown one fails it. */
  private void consumeNonces(List<ProvenKey> holders) {
    Set<String> distinct = new LinkedHashSet<>();
    holders.forEach(holder -> distinct.add(holder.nonce()));
    for (String nonce : distinct) {
      if (!nonces.consume(nonce)) {
        throw new OAuthException(OAuthError.INVALID_NONCE, "the c_nonce is unknown, expired or already used");
      }
    }
  }

  /** Future.all fails with the first failure it saw; report that proof's own refusal. */
  private static Throwable firstCause(List<Future<ProvenKey>> verified, Throwable failure) {
    return verified.stream().filter(Future::failed).map(Future::cause).findFirst().orElse(failure);
  }
}
