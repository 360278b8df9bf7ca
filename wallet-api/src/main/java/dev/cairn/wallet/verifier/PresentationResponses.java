package dev.cairn.wallet.verifier;

import com.nimbusds.jose.jwk.ECKey;
import dev.cairn.credentials.CredentialVerifier;
import dev.cairn.wallet.holder.KeyRing;
import dev.cairn.wallet.http.ProblemException;
import dev.cairn.wallet.http.ProblemType;
import dev.cairn.wallet.openid4vp.OpenId4VpNames;
import dev.cairn.wallet.openid4vp.ResponseEncryption;
import dev.cairn.wallet.server.Workers;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code response_uri} (OpenID4VP 1.0 §8.2): takes the wallet's one answer to a pending request — a VP Token,
 * or an error such as {@code access_denied} — and records how the request ended. Only a pending, unexpired request
 * takes an answer, and only once: the status changes in one conditional update, so a replayed or concurrent answer
 * finds the request closed.
 */
public final class PresentationResponses {
  private final PresentationRequestStore store;
  private final VpTokenVerification verification;
  private final KeyRing keyRing;
  private final Webhooks webhooks;
  private final Workers workers;
  private final Clock clock;

  public PresentationResponses(Pool pool, CredentialVerifier verifier, KeyRing keyRing, Webhooks webhooks,
                               Workers workers, Clock clock) {
    this.store = new PresentationRequestStore(pool);
    this.verification = new VpTokenVerification(verifier, workers);
    this.keyRing = keyRing;
    this.webhooks = webhooks;
    this.workers = workers;
    this.clock = clock;
  }

  Future<JsonObject> receive(UUID id, Map<String, String> form) {
    return store.find(id).compose(found -> {
      StoredRequest request = found.orElseThrow(PresentationRequests::notFound);
      if (!StoredRequest.PENDING.equals(request.status())) {
        throw new ProblemException(ProblemType.PRESENTATION_REQUEST_CLOSED,
            "This presentation request was already answered; an answer is taken once");
      }
      if (!clock.instant().isBefore(request.expiresAt())) {
        throw expired(request);
      }
      return parameters(request, form).compose(parameters -> answer(request, parameters));
    });
  }

  /** §8.3.1: with direct_post.jwt every parameter is inside the JWE; §8.3 lets a wallet send an error in clear. */
  private Future<Map<String, String>> parameters(StoredRequest request, Map<String, String> form) {
    if (!OpenId4VpNames.DIRECT_POST_JWT.equals(request.responseMode()) || form.containsKey(OpenId4VpNames.ERROR)) {
      return Future.succeededFuture(form);
    }
    String jwe = form.get(OpenId4VpNames.RESPONSE);
    if (jwe == null || form.size() != 1) {
      throw invalid("This request's response_mode is direct_post.jwt: POST one parameter, 'response', holding the "
          + "encrypted answer (OpenID4VP 1.0 §8.3.1)");
    }
    return workers.crypto(() -> {
      ECKey key = responseKey(request);
      JsonObject decrypted = ResponseEncryption.decrypt(jwe, key).orElseThrow(() -> invalid(
          "'response' is not a JWE this request's key opens (ECDH-ES with A128GCM or A256GCM)"));
      Map<String, String> parameters = new java.util.HashMap<>();
      for (String name : decrypted.fieldNames()) {
        Object value = decrypted.getValue(name);
        // vp_token is a JSON object inside the JWE (§8.3.1), a JSON string in a form (§8.2): read both alike.
        parameters.put(name, value instanceof String text ? text : io.vertx.core.json.Json.encode(value));
      }
      return parameters;
    });
  }

  private Future<JsonObject> answer(StoredRequest request, Map<String, String> parameters) {
    // §5.3: Cairn always sends a state; an answer that does not echo it belongs to no request of ours.
    if (!request.state().equals(parameters.get(OpenId4VpNames.STATE))) {
      throw invalid("'state' does not match this request's state");
    }
    String error = parameters.get(OpenId4VpNames.ERROR);
    if (error != null) {
      String detail = Optional.ofNullable(parameters.get(OpenId4VpNames.ERROR_DESCRIPTION)).orElse("");
      return close(request, StoredRequest.REJECTED, truncate(error, 64), truncate(detail, 500), null, null)
          .map(done -> new JsonObject());
    }
    String vpToken = parameters.get(OpenId4VpNames.VP_TOKEN);
    if (vpToken == null) {
      throw invalid("The answer holds neither vp_token nor error");
    }
    return verification.verify(request, vpToken).compose(outcome -> {
      if (outcome instanceof VpTokenVerification.Accepted accepted) {
        return fulfil(request, accepted.result());
      }
      VpTokenVerification.Rejected rejected = (VpTokenVerification.Rejected) outcome;
      return close(request, StoredRequest.REJECTED, rejected.reason(), truncate(rejected.detail(), 500), null, null)
          .compose(done -> Future.failedFuture(new ProblemException(ProblemType.PRESENTATION_REJECTED,
              rejected.detail(), Map.of(), Map.of("reason", rejected.reason()))));
    });
  }

  /**
   * §8.2: a same-device request sends the wallet back to the employer's page, with a fresh response code that page
   * must present to read the claims (§14.2); a cross-device request answers an empty object.
   */
  private Future<JsonObject> fulfil(StoredRequest request, JsonObject result) {
    if (request.redirectUri().isEmpty()) {
      return close(request, StoredRequest.FULFILLED, null, null, result, null).map(done -> new JsonObject());
    }
    String code = dev.cairn.wallet.account.OpaqueToken.generate();
    return close(request, StoredRequest.FULFILLED, null, null, result, dev.cairn.wallet.auth.Sha256.hex(code))
        .map(done -> new JsonObject().put(OpenId4VpNames.REDIRECT_URI,
            request.redirectUri().get() + "#" + OpenId4VpNames.RESPONSE_CODE + "=" + code));
  }

  /**
   * Records the outcome and, when the employer asked for one, queues the webhook notice in the same transaction;
   * a request answered meanwhile (or expired) is closed to this answer. The notice is then tried at once.
   */
  private Future<Void> close(StoredRequest request, String status, String reason, String detail, JsonObject result,
                             String responseCodeHash) {
    Instant now = clock.instant();
    Future<Optional<String>> notice = request.webhookUrl().isPresent()
        ? webhooks.notice(request, status, reason, now).map(Optional::of)
        : Future.succeededFuture(Optional.empty());
    return notice.compose(signed -> store.pool().withTransaction(connection ->
            store.complete(connection, request.id(), now, status, reason, detail, result, responseCodeHash).compose(done -> {
              if (!done) {
                throw !now.isBefore(request.expiresAt()) ? expired(request)
                    : new ProblemException(ProblemType.PRESENTATION_REQUEST_CLOSED,
                        "This presentation request was already answered; an answer is taken once");
              }
              return signed.isPresent()
                  ? webhooks.enqueue(connection, request, signed.get(), now).mapEmpty()
                  : Future.<Void>succeededFuture();
            })))
        .onSuccess(done -> {
          if (request.webhookUrl().isPresent()) {
            webhooks.deliverDue(10);
          }
        });
  }

  private ECKey responseKey(StoredRequest request) throws java.text.ParseException {
    return keyRing.openJwk(request.responseKeyKekId().orElseThrow(), request.responseKeySealed().orElseThrow(),
        PresentationRequests.responseKeyBinding(request.id()), "the response key of request " + request.id()).toECKey();
  }

  private static ProblemException expired(StoredRequest request) {
    return new ProblemException(ProblemType.PRESENTATION_REQUEST_EXPIRED,
        "This presentation request expired at " + request.expiresAt());
  }

  private static ProblemException invalid(String detail) {
    return new ProblemException(ProblemType.INVALID_REQUEST, detail);
  }

  private static String truncate(String text, int max) {
    return text.length() > max ? text.substring(0, max) : text;
  }
}
