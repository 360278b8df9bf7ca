package dev.cairn.issuer.reference;

import dev.cairn.issuer.oid4vci.OAuthError;
import dev.cairn.issuer.oid4vci.OpenId4Vci;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference issuer's route table and its handlers: each parses, calls one service, writes. Errors are OAuth
 * error responses (RFC 6749 §5.2, RFC 6750 §3, OpenID4VCI §8.3.1); every answer carrying a secret or a nonce is
 * {@code Cache-Control: no-store}.
 */
final class ReferenceIssuerRoutes {
  private static final int BODY_LIMIT = 64 * 1024;
  private static final Logger LOG = LoggerFactory.getLogger(ReferenceIssuerRoutes.class);

  private final Vertx vertx;
  private final ReferenceIssuerConfig config;
  private final AuthorizationSettings authorization;
  private final IssuerEndpoints endpoints;
  private final IssuerSigningKeys keys;
  private final CredentialOffers offers;
  private final TokenService tokens;
  private final AccessTokens accessTokens;
  private final CNonces nonces;
  private final CredentialService credentials;
  private final Notifications notifications;
  private final OperatorAuthorization operator;
  private final OperatorRoutes operatorRoutes;
  private final StatusListRoutes statusListRoutes;
  private final OfferQrCodes qrCodes;
  private final SignedIssuerMetadata signedMetadata;

  ReferenceIssuerRoutes(Vertx vertx, ReferenceIssuerConfig config, AuthorizationSettings authorization,
                        IssuerEndpoints endpoints, IssuerSigningKeys keys,
                        CredentialOffers offers, TokenService tokens, AccessTokens accessTokens, CNonces nonces,
                        CredentialService credentials, Notifications notifications, OperatorAuthorization operator,
                        OperatorRoutes operatorRoutes, StatusListRoutes statusListRoutes, OfferQrCodes qrCodes,
                        SignedIssuerMetadata signedMetadata) {
    this.vertx = vertx;
    this.config = config;
    this.authorization = authorization;
    this.endpoints = endpoints;
    this.keys = keys;
    this.offers = offers;
    this.tokens = tokens;
    this.accessTokens = accessTokens;
    this.nonces = nonces;
    this.credentials = credentials;
    this.notifications = notifications;
    this.operator = operator;
    this.operatorRoutes = operatorRoutes;
    this.statusListRoutes = statusListRoutes;
    this.qrCodes = qrCodes;
    this.signedMetadata = signedMetadata;
  }

  Router router() {
    Router router = Router.router(vertx);
    router.route().handler(BodyHandler.create().setBodyLimit(BODY_LIMIT).setHandleFileUploads(false));
    router.get(endpoints.didDocumentPath()).handler(this::didDocument);
    router.get(endpoints.issuerMetadataPath()).handler(this::issuerMetadata);
    router.get(endpoints.authorizationServerMetadataPath()).handler(this::authorizationServerMetadata);
    router.post(endpoints.local(IssuerEndpoints.OFFERS)).handler(this::createOffer);
    router.get(endpoints.local(IssuerEndpoints.OFFERS) + "/:id").handler(this::offerByReference);
    router.post(endpoints.local(IssuerEndpoints.TOKEN)).handler(this::token);
    router.post(endpoints.local(IssuerEndpoints.NONCE)).handler(this::nonce);
    router.post(endpoints.local(IssuerEndpoints.CREDENTIAL)).handler(this::credential);
    router.post(endpoints.local(IssuerEndpoints.DEFERRED_CREDENTIAL)).handler(this::deferredCredential);
    router.post(endpoints.local(IssuerEndpoints.NOTIFICATION)).handler(this::notification);
    operatorRoutes.mount(router);
    statusListRoutes.mount(router);
    router.route().failureHandler(this::failure);
    return router;
  }

  private void didDocument(RoutingContext context) {
    context.response().putHeader("Content-Type", "application/did+json").end(keys.didDocument().encode());
  }

  /** §12.2.2: JSON, or §12.2.3 signed metadata when the Wallet's Accept asks for application/jwt. */
  private void issuerMetadata(RoutingContext context) {
    JsonObject metadata = MetadataDocuments.credentialIssuer(config, endpoints);
    if (!SignedIssuerMetadata.wanted(context.request().getHeader("Accept"))) {
      json(context, 200, metadata);
      return;
    }
    signedMetadata.sign(metadata).onSuccess(jwt -> context.response().putHeader("Content-Type",
        SignedIssuerMetadata.MEDIA_TYPE).putHeader("Cache-Control", "no-store").end(jwt)).onFailure(context::fail);
  }

  private void authorizationServerMetadata(RoutingContext context) {
    json(context, 200, MetadataDocuments.authorizationServer(config, authorization, endpoints));
  }

  /** The operator's endpoint: an offer for one learner (bearer-protected when an admin token is configured). */
  private void createOffer(RoutingContext context) {
    operator.check(context);
    JsonObject body = jsonBody(context);
    CredentialOffers.Created created = offers.create(OfferRequest.read(body), OfferGrant.read(body));
    qrCodes.of(created.byReference()).onSuccess(qr -> json(context, 201, created.json().mergeIn(qr)))
        .onFailure(context::fail);
  }

  /** §4.1.3: the offer object behind a credential_offer_uri, as application/json. */
  private void offerByReference(RoutingContext context) {
    offers.byReference(context.pathParam("id")).ifPresentOrElse(offer -> json(context, 200, offer),
        () -> context.response().setStatusCode(404).putHeader("Cache-Control", "no-store").end());
  }

  /** §6.1: a form-encoded Token Request, for either grant. */
  private void token(RoutingContext context) {
    if (!String.valueOf(context.request().getHeader("Content-Type")).startsWith(OpenId4Vci.FORM)) {
      throw new OAuthException(OAuthError.INVALID_REQUEST, "a Token Request is " + OpenId4Vci.FORM);
    }
    json(context, 200, tokens.token(context.request().formAttributes()));
  }

  /** §7.2: a fresh c_nonce; "the Credential Issuer MUST make the response uncacheable". */
  private void nonce(RoutingContext context) {
    json(context, 200, new JsonObject().put("c_nonce", nonces.issue()));
  }

  private void credential(RoutingContext context) {
    AccessTokens.Authorization authorization = accessTokens.authorize(context.request().getHeader("Authorization"));
    credentials.credential(authorization, jsonBody(context))
        .onSuccess(answer -> json(context, answer.status(), answer.body()))
        .onFailure(context::fail);
  }

  private void deferredCredential(RoutingContext context) {
    accessTokens.authorize(context.request().getHeader("Authorization"));
    credentials.deferredCredential(jsonBody(context))
        .onSuccess(answer -> json(context, answer.status(), answer.body()))
        .onFailure(context::fail);
  }

  /** §11.1: idempotent; 204 on success (§11.2). */
  private void notification(RoutingContext context) {
    accessTokens.authorize(context.request().getHeader("Authorization"));
    JsonObject body = jsonBody(context);
    if (!(body.getValue("notification_id") instanceof String id) || !(body.getValue("event") instanceof String event)) {
      throw new OAuthException(OAuthError.INVALID_NOTIFICATION_REQUEST, "notification_id and event are required");
    }
    notifications.record(id, event, body.getValue("event_description") instanceof String text ? text : null);
    context.response().setStatusCode(204).end();
  }

  private void failure(RoutingContext context) {
    if (context.failure() instanceof OAuthException refused) {
      OAuthError error = refused.error();
      if (error.status() == 401) {
        // RFC 6750 §3: the challenge names the error.
        context.response().putHeader("WWW-Authenticate", "Bearer error=\"" + error.code() + "\"");
      }
      json(context, error.status(), new JsonObject().put("error", error.code())
          .put("error_description", ascii(refused.getMessage())));
    } else if (context.statusCode() == 413) {
      json(context, 413, new JsonObject().put("error", "invalid_request").put("error_description", "body too large"));
    } else {
      LOG.warn("reference issuer: {} {} failed", context.request().method(), context.request().path(), context.failure());
      json(context, 500, new JsonObject().put("error", "server_error"));
    }
  }

  private static JsonObject jsonBody(RoutingContext context) {
    try {
      JsonObject body = context.body().asJsonObject();
      if (body == null) {
        throw new OAuthException(OAuthError.INVALID_REQUEST, "a JSON object body is required");
      }
      return body;
    } catch (DecodeException | ClassCastException e) {
      throw new OAuthException(OAuthError.INVALID_REQUEST, "the body is not a JSON object");
    }
  }

  private static void json(RoutingContext context, int status, JsonObject body) {
    context.response().setStatusCode(status).putHeader("Content-Type", OpenId4Vci.JSON)
        .putHeader("Cache-Control", "no-store").end(body.encode());
  }

  /** §8.3.1.2: error_description uses %x20-21 / %x23-5B / %x5D-7E only. */
  private static String ascii(String text) {
    return text == null ? "" : text.replaceAll("[^\\x20\\x21\\x23-\\x5B\\x5D-\\x7E]", "'");
  }
}
