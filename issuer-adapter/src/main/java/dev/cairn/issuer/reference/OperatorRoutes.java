package dev.cairn.issuer.reference;

import dev.cairn.issuer.oid4vci.OpenId4Vci;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Function;

/**
 * The operator's view of what was issued and its status changes: the credentials issued for an offer, and revoke,
 * suspend and reinstate (lift a suspension) by credential id. Each change is in the published lists at once;
 * verifiers see it when their copy's {@code ttl} runs out. Refusals are JSON {@code {error, error_description}}
 * like the rest of this issuer: 401 {@code invalid_token}, 404 {@code not_found}, 409 {@code revoked} or
 * {@code not_suspendable}.
 */
final class OperatorRoutes {
  static final String CREDENTIALS = "/issuer/credentials";

  private final IssuerEndpoints endpoints;
  private final OperatorAuthorization operator;
  private final IssuedCredentials issued;

  OperatorRoutes(IssuerEndpoints endpoints, OperatorAuthorization operator, IssuedCredentials issued) {
    this.endpoints = endpoints;
    this.operator = operator;
    this.issued = issued;
  }

  void mount(Router router) {
    router.get(endpoints.local(IssuerEndpoints.OFFERS) + "/:id/credentials").handler(this::credentialsOfOffer);
    router.post(endpoints.local(CREDENTIALS) + "/:id/revoke").handler(context -> change(context, issued::revoke));
    router.post(endpoints.local(CREDENTIALS) + "/:id/suspend").handler(context -> change(context, issued::suspend));
    router.post(endpoints.local(CREDENTIALS) + "/:id/reinstate").handler(context -> change(context, issued::reinstate));
  }

  /** The credentials issued for an offer so far (none before the wallet redeemed it). */
  private void credentialsOfOffer(RoutingContext context) {
    operator.check(context);
    json(context, 200, new JsonObject().put("credentials", issued.ofOffer(context.pathParam("id"))));
  }

  private void change(RoutingContext context, Function<String, IssuedCredentials.Change> change) {
    operator.check(context);
    String id = context.pathParam("id");
    IssuedCredentials.Change result = change.apply(id);
    if (result.refusal().isEmpty()) {
      json(context, 200, result.credential().orElseThrow().json());
      return;
    }
    switch (result.refusal().get()) {
      case UNKNOWN -> refuse(context, 404, "not_found", "no credential " + id + " was issued here");
      case REVOKED -> refuse(context, 409, "revoked", "the credential is revoked, which is final");
      case NOT_SUSPENDABLE -> refuse(context, 409, "not_suspendable", "only SD-JWT VCs can be suspended here: an "
          + "Open Badges 3.0 credential has one credentialStatus, its revocation entry");
    }
  }

  private static void refuse(RoutingContext context, int status, String error, String description) {
    json(context, status, new JsonObject().put("error", error).put("error_description", description));
  }

  private static void json(RoutingContext context, int status, JsonObject body) {
    context.response().setStatusCode(status).putHeader("Content-Type", OpenId4Vci.JSON)
        .putHeader("Cache-Control", "no-store").end(body.encode());
  }
}
