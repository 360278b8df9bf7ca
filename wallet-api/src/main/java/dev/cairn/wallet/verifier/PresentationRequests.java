package dev.cairn.wallet.verifier;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.ECKey;
import dev.cairn.wallet.account.OpaqueToken;
import dev.cairn.wallet.holder.KeyEncryptionKey;
import dev.cairn.wallet.holder.KeyRing;
import dev.cairn.wallet.http.ProblemException;
import dev.cairn.wallet.http.ProblemType;
import dev.cairn.wallet.http.PublicOrigin;
import dev.cairn.wallet.openid4vp.AuthorizationRequest;
import dev.cairn.wallet.openid4vp.ClientIdentifier;
import dev.cairn.wallet.openid4vp.OpenId4VpNames;
import dev.cairn.wallet.openid4vp.RequestObjects;
import dev.cairn.wallet.openid4vp.ResponseEncryption;
import dev.cairn.wallet.server.Workers;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The employer's presentation requests (OpenID4VP 1.0 verifier side): made with a DCQL query, served as a signed
 * Request Object at their {@code request_uri}, shown as an {@code openid4vp://} link and QR code, and read back
 * with their outcome. Answers arrive through {@link PresentationResponses}.
 */
public final class PresentationRequests {
  /** What Cairn verifies, announced so a wallet picks a format it can answer in (§11.1, Appendix B). */
  static final JsonObject VP_FORMATS_SUPPORTED = new JsonObject()
      .put("dc+sd-jwt", new JsonObject()
          .put("sd-jwt_alg_values", new JsonArray(List.of("ES256", "ES384", "ES512", "EdDSA")))
          .put("kb-jwt_alg_values", new JsonArray(List.of("ES256", "ES384", "ES512", "EdDSA"))))
      .put("jwt_vc_json", new JsonObject().put("alg_values", new JsonArray(List.of("ES256", "ES384", "ES512", "EdDSA"))))
      .put("ldp_vc", new JsonObject()
          .put("proof_type_values", new JsonArray(List.of("DataIntegrityProof", "Ed25519Signature2020")))
          .put("cryptosuite_values", new JsonArray(List.of("eddsa-rdfc-2022", "ecdsa-rdfc-2019", "ecdsa-sd-2023"))));

  private final PresentationRequestStore store;
  private final Pool pool;
  private final VerifierKeys keys;
  private final KeyRing keyRing;
  private final PublicOrigin origin;
  private final Workers workers;
  private final Clock clock;

  public PresentationRequests(Pool pool, VerifierKeys keys, KeyRing keyRing, PublicOrigin origin, Workers workers,
                              Clock clock) {
    this.store = new PresentationRequestStore(pool);
    this.pool = pool;
    this.keys = keys;
    this.keyRing = keyRing;
    this.origin = origin;
    this.workers = workers;
    this.clock = clock;
  }

  public Future<JsonObject> create(UUID accountId, NewPresentationRequest asked) {
    UUID id = UUID.randomUUID();
    Instant now = clock.instant();
    Instant expiresAt = now.plus(asked.expiresIn());
    URI responseUri = origin.resolve("/oid4vp/responses/" + id);
    Future<Optional<VerifierKeys.SigningKey>> signingKey =
        asked.clientIdPrefix() == ClientIdentifier.Prefix.DECENTRALIZED_IDENTIFIER
            ? keys.of(accountId).map(Optional::of)
            : Future.succeededFuture(Optional.empty());
    return organisation(accountId).compose(organisation -> signingKey.compose(key -> workers.crypto(() -> {
      ClientIdentifier clientId = key.map(VerifierKeys.SigningKey::clientId)
          .orElse(ClientIdentifier.redirectUri(responseUri));
      JsonObject metadata = new JsonObject().put(OpenId4VpNames.VP_FORMATS_SUPPORTED, VP_FORMATS_SUPPORTED.copy())
          .put(OpenId4VpNames.CLIENT_NAME, organisation);
      Optional<ECKey> responseKey = asked.responseMode().equals(OpenId4VpNames.DIRECT_POST_JWT)
          ? Optional.of(ResponseEncryption.newRequestKey())
          : Optional.empty();
      responseKey.ifPresent(encryption -> metadata.mergeIn(ResponseEncryption.clientMetadata(encryption)));
      AuthorizationRequest request = new AuthorizationRequest(clientId, asked.responseMode(), responseUri,
          OpaqueToken.generate(), Optional.of(OpaqueToken.generate()), asked.dcqlQuery(),
          asked.parsedQuery(), metadata, Optional.of(asked.purpose()), Optional.of(expiresAt));
      JsonObject claims = request.toClaims(now);
      String requestObject = key
          .map(signer -> RequestObjects.sign(claims, signer.signer(), JWSAlgorithm.ES256, signer.kid()))
          .orElseGet(() -> RequestObjects.unsigned(claims));
      KeyEncryptionKey kek = keyRing.current();
      return new StoredRequest(id, accountId, clientId.value(), asked.responseMode(), asked.dcqlQuery(),
          asked.acceptedIssuers(), asked.purpose(), request.nonce(), request.state().orElseThrow(), requestObject,
          responseKey.map(encryption -> kek.seal(encryption.toJSONString().getBytes(StandardCharsets.UTF_8),
              responseKeyBinding(id))),
          responseKey.map(encryption -> kek.id()), StoredRequest.PENDING, Optional.empty(), Optional.empty(),
          Optional.empty(), now, expiresAt, Optional.empty(), asked.webhookUrl(), asked.redirectUri(), Optional.empty());
    }))).compose(stored -> store.insert(stored).map(done -> view(stored)));
  }

  /**
   * The request as its employer sees it. A same-device request (made with a {@code redirect_uri}) gives its verified
   * claims only to the caller that presents the response code the wallet was sent back with (§13.3, §14.2): the
   * page that made the request, not whoever got hold of its id.
   */
  public Future<JsonObject> get(UUID accountId, UUID id, Optional<String> responseCode) {
    return store.find(accountId, id).map(found -> {
      StoredRequest request = found.orElseThrow(PresentationRequests::notFound);
      JsonObject view = view(request);
      boolean codeMatches = request.responseCodeHash().isPresent() && responseCode
          .map(code -> java.security.MessageDigest.isEqual(dev.cairn.wallet.auth.Sha256.hex(code).getBytes(),
              request.responseCodeHash().get().getBytes())).orElse(false);
      if (request.redirectUri().isPresent() && !codeMatches) {
        view.remove("verified");
      }
      return view;
    });
  }

  public Future<JsonObject> latest(UUID accountId, int limit) {
    return store.latest(accountId, limit).map(requests -> {
      JsonArray items = new JsonArray();
      requests.forEach(request -> items.add(view(request)));
      return new JsonObject().put("items", items);
    });
  }

  /** The authorization request URL a wallet is shown: client_id and request_uri only (§5.7, RFC 9101 §5.2). */
  public Future<String> authorizationRequestUrl(UUID accountId, UUID id) {
    return store.find(accountId, id).map(found -> authorizationRequest(found.orElseThrow(PresentationRequests::notFound)));
  }

  /**
   * The Request Object served at the public {@code request_uri}. Unknown → 404; past its expiry → 410: a wallet
   * MUST stop when the request URI answers an error (§5.10.2).
   */
  public Future<String> requestObject(UUID id) {
    return store.find(id).map(found -> {
      StoredRequest request = found.orElseThrow(PresentationRequests::notFound);
      if (!clock.instant().isBefore(request.expiresAt())) {
        throw new ProblemException(ProblemType.PRESENTATION_REQUEST_EXPIRED,
            "This presentation request expired at " + request.expiresAt());
      }
      if (!StoredRequest.PENDING.equals(request.status())) {
        throw new ProblemException(ProblemType.PRESENTATION_REQUEST_CLOSED, "This presentation request was already answered");
      }
      return request.requestObject();
    });
  }

  /** Binds a sealed response key to its request: it opens only for this request id. */
  static byte[] responseKeyBinding(UUID requestId) {
    return ("cairn-response-key/v1/" + requestId).getBytes(StandardCharsets.US_ASCII);
  }

  static ProblemException notFound() {
    return new ProblemException(ProblemType.NOT_FOUND, "No presentation request with this id");
  }

  private Future<String> organisation(UUID accountId) {
    return pool.preparedQuery("SELECT organisation FROM account WHERE id = $1").execute(Tuple.of(accountId))
        .map(rows -> rows.size() == 0 || rows.iterator().next().getString("organisation") == null
            ? "" : rows.iterator().next().getString("organisation"));
  }

  private String authorizationRequest(StoredRequest request) {
    return OpenId4VpNames.SCHEME + "://?" + OpenId4VpNames.CLIENT_ID + "=" + encode(request.clientId()) + "&"
        + OpenId4VpNames.REQUEST_URI + "=" + encode(origin.resolve("/oid4vp/requests/" + request.id()).toString());
  }

  private JsonObject view(StoredRequest request) {
    String path = "/v1/verifier/requests/" + request.id();
    JsonObject view = new JsonObject()
        .put("id", request.id().toString())
        .put("status", request.statusAt(clock.instant()))
        .put("purpose", request.purpose())
        .put("dcql_query", request.dcqlQuery())
        .put("client_id", request.clientId())
        .put("response_mode", request.responseMode())
        .put("request_uri", origin.resolve("/oid4vp/requests/" + request.id()).toString())
        .put("authorization_request", authorizationRequest(request))
        .put("qr_code", new JsonObject().put("png", path + "/qr.png").put("svg", path + "/qr.svg"))
        .put("status_url", path)
        .put("created_at", request.createdAt().toString())
        .put("expires_at", request.expiresAt().toString());
    if (!request.acceptedIssuers().isEmpty()) {
      view.put("accepted_issuers", new JsonArray(request.acceptedIssuers()));
    }
    request.completedAt().ifPresent(at -> view.put("completed_at", at.toString()));
    request.reason().ifPresent(reason -> view.put("reason", reason));
    request.reasonDetail().ifPresent(detail -> view.put("reason_detail", detail));
    request.result().ifPresent(result -> view.put("verified", result));
    request.webhookUrl().ifPresent(url -> view.put("webhook_url", url));
    request.redirectUri().ifPresent(url -> view.put("redirect_uri", url));
    return view;
  }

  private static String encode(String value) {
    return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
