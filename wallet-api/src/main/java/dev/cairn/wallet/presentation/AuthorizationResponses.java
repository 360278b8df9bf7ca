package dev.cairn.wallet.presentation;

import dev.cairn.credentials.presentation.Holder;
import dev.cairn.credentials.presentation.Presentation;
import dev.cairn.credentials.presentation.PresentationBuilder;
import dev.cairn.credentials.presentation.PresentationException;
import dev.cairn.wallet.holder.HolderKeys;
import dev.cairn.wallet.http.ProblemException;
import dev.cairn.wallet.http.ProblemType;
import dev.cairn.wallet.openid4vp.AuthorizationRequest;
import dev.cairn.wallet.openid4vp.OpenId4VpNames;
import dev.cairn.wallet.openid4vp.ResponseEncryption;
import dev.cairn.wallet.server.Workers;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The wallet's Authorization Response (OpenID4VP 1.0 §8): one presentation per chosen credential, each signed with
 * that credential's holder key for the request's nonce and client_id, gathered into the {@code vp_token} keyed by
 * Credential Query id (§8.1), and put as the form parameters of the request's response mode — in clear for
 * {@code direct_post} (§8.2), as one JWE for {@code direct_post.jwt} (§8.3.1).
 */
final class AuthorizationResponses {
  private final HolderKeys holderKeys;
  private final PresentationBuilder builder;
  private final Workers workers;

  AuthorizationResponses(HolderKeys holderKeys, PresentationBuilder builder, Workers workers) {
    this.holderKeys = holderKeys;
    this.builder = builder;
    this.workers = workers;
  }

  /** The form parameters to POST; holder keys are opened and used on the crypto workers. */
  Future<Map<String, String>> build(UUID accountId, AuthorizationRequest request, List<ConsentCheck.Chosen> chosen) {
    List<Future<Presentation>> built = new ArrayList<>();
    for (ConsentCheck.Chosen one : chosen) {
      built.add(holderKeys.privateKey(accountId, one.candidate().holderKeyId()).compose(key -> workers.crypto(() ->
          builder.build(one.original(), one.candidate().format(), one.consented(), Holder.fromPrivateJwk(key),
              request.nonce(), request.clientId().value()))));
    }
    return Future.all(built).compose(done -> workers.crypto(() -> {
      JsonObject vpToken = new JsonObject();
      for (int i = 0; i < chosen.size(); i++) {
        String queryId = chosen.get(i).queryId();
        JsonArray entries = vpToken.containsKey(queryId) ? vpToken.getJsonArray(queryId) : new JsonArray();
        vpToken.put(queryId, entries.add(built.get(i).result().vpTokenEntry()));
      }
      return parameters(request, vpToken);
    })).recover(failure -> Future.failedFuture(failure instanceof PresentationException e
        ? new ProblemException(ProblemType.CONSENT_INVALID, "A presentation cannot be made: " + e.getMessage())
        : failure));
  }

  private static Map<String, String> parameters(AuthorizationRequest request, JsonObject vpToken) {
    Map<String, String> parameters = new LinkedHashMap<>();
    if (OpenId4VpNames.DIRECT_POST_JWT.equals(request.responseMode())) {
      JsonObject response = new JsonObject().put(OpenId4VpNames.VP_TOKEN, vpToken);
      request.state().ifPresent(state -> response.put(OpenId4VpNames.STATE, state));
      parameters.put(OpenId4VpNames.RESPONSE, ResponseEncryption.encrypt(response, request.clientMetadata()));
    } else {
      parameters.put(OpenId4VpNames.VP_TOKEN, vpToken.encode());
      request.state().ifPresent(state -> parameters.put(OpenId4VpNames.STATE, state));
    }
    return parameters;
  }
}
