package dev.cairn.issuer.client;

import com.nimbusds.jose.jwk.JWK;
import dev.cairn.issuer.oid4vci.OpenId4Vci;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One Credential Request (§8.2) and its answer (§8.3): a fresh {@code c_nonce} from the Nonce Endpoint (§7), one
 * key proof per holder key, the request by {@code credential_identifier} or {@code credential_configuration_id},
 * then credentials (200) or a transaction to collect later (202). An {@code invalid_nonce} answer is retried once
 * with a new nonce (§8.3.1.2: "The wallet should retrieve a new c_nonce value").
 */
final class CredentialRequests {

  /** The issuer's answer: the credentials array and notification id, or a deferral. */
  record Response(Optional<JsonArray> credentials, Optional<String> notificationId, Optional<String> transactionId,
                  long interval) {}

  private final IssuerExchange exchange;
  private final KeyProofs proofs;

  CredentialRequests(IssuerExchange exchange, Clock clock) {
    this.exchange = exchange;
    this.proofs = new KeyProofs(clock);
  }

  Future<Response> request(IssuerMetadata issuer, CredentialConfiguration configuration, TokenExchange.Granted granted,
                           List<ProofSigner> keys) {
    return attempt(issuer, configuration, granted, keys, true);
  }

  private Future<Response> attempt(IssuerMetadata issuer, CredentialConfiguration configuration,
                                   TokenExchange.Granted granted, List<ProofSigner> keys, boolean retryNonce) {
    return nonce(issuer).compose(nonce -> proofsFor(issuer, keys, nonce, granted.clientId())).compose(jwts -> {
      JsonObject body = new JsonObject();
      if (granted.identifiersIssued()) {
        body.put("credential_identifier", granted.identifierFor(configuration.id()).orElseThrow(() ->
            new IssuanceException(new IssuanceFailure.CredentialRefused("unknown_credential_identifier",
                "the Token Response gave no credential_identifier for " + configuration.id()))));
      } else {
        body.put("credential_configuration_id", configuration.id());
      }
      if (!jwts.isEmpty()) {
        body.put("proofs", new JsonObject().put(OpenId4Vci.PROOF_TYPE_JWT, new JsonArray(jwts)));
      }
      return exchange.postJson(issuer.credentialEndpoint(), Optional.of(granted.accessToken()), body, 202, 400, 401);
    }).compose(answer -> {
      if (retryNonce && answer.error().filter("invalid_nonce"::equals).isPresent()) {
        return attempt(issuer, configuration, granted, keys, false);
      }
      return Future.succeededFuture(response(answer));
    });
  }

  /** §9.1 Deferred Credential Request: the same answers as the Credential Endpoint's. */
  Future<Response> deferred(DeferredCredential pending) {
    return exchange.postJson(pending.deferredEndpoint(), Optional.of(pending.accessToken()),
        new JsonObject().put("transaction_id", pending.transactionId()), 202, 400, 401).map(CredentialRequests::response);
  }

  private Future<Optional<String>> nonce(IssuerMetadata issuer) {
    if (issuer.nonceEndpoint().isEmpty()) {
      return Future.succeededFuture(Optional.empty());
    }
    return exchange.postJson(issuer.nonceEndpoint().get(), Optional.empty(), new JsonObject()).map(answer -> {
      if (!(answer.body().getValue("c_nonce") instanceof String nonce) || nonce.isEmpty()) {
        throw IssuerMetadata.invalid("the Nonce Response has no c_nonce");
      }
      return Optional.of(nonce);
    });
  }

  private Future<List<String>> proofsFor(IssuerMetadata issuer, List<ProofSigner> keys, Optional<String> nonce,
                                         Optional<String> clientId) {
    Future<List<String>> all = Future.succeededFuture(new ArrayList<>());
    for (ProofSigner key : keys) {
      all = all.compose(list -> proofs.sign(key, issuer.credentialIssuer(), nonce, clientId).map(jwt -> {
        list.add(jwt);
        return list;
      }));
    }
    return all;
  }

  static Response response(IssuerExchange.Answer answer) {
    if (answer.status() != 200 && answer.status() != 202) {
      throw new IssuanceException(new IssuanceFailure.CredentialRefused(answer.error().orElse("http_" + answer.status()),
          answer.description()));
    }
    JsonObject body = answer.body();
    if (answer.status() == 202) {
      // §8.3: a deferral carries transaction_id and a positive interval.
      if (!(body.getValue("transaction_id") instanceof String transaction) || !(body.getValue("interval") instanceof Number interval)
          || interval.longValue() < 1) {
        throw IssuerMetadata.invalid("a deferred answer needs transaction_id and a positive interval");
      }
      return new Response(Optional.empty(), Optional.empty(), Optional.of(transaction), interval.longValue());
    }
    if (!(body.getValue("credentials") instanceof JsonArray credentials) || credentials.isEmpty()) {
      throw IssuerMetadata.invalid("a Credential Response needs a non-empty credentials array");
    }
    Optional<String> notificationId = body.getValue("notification_id") instanceof String id ? Optional.of(id) : Optional.empty();
    return new Response(Optional.of(credentials), notificationId, Optional.empty(), 0);
  }

  static List<JWK> publicKeys(List<ProofSigner> keys) {
    return keys.stream().map(key -> key.publicKey().toPublicJWK()).toList();
  }
}
