package dev.cairn.wallet.issuance;

import dev.cairn.wallet.auth.Principal;
import dev.cairn.wallet.http.Access;
import dev.cairn.wallet.http.JsonBody;
import dev.cairn.wallet.http.PathIds;
import dev.cairn.wallet.http.ProblemException;
import dev.cairn.wallet.http.ProblemType;
import dev.cairn.wallet.http.Reply;
import dev.cairn.wallet.http.RouteTable;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The learner's OpenID4VCI routes: keep a scanned Credential Offer, read it, accept it with its Pre-Authorized Code
 * or through the Authorization Code Flow.
 */
public final class OfferRoutes {
  /** §4.1.1 bounds a tx_code's length at what fits a PIN pad; this only keeps absurd bodies out. */
  private static final int MAX_TX_CODE = 256;
  private static final int MAX_OFFER = 16 * 1024;

  private final WalletOffers offers;
  private final OfferAuthorizations authorizations;
  private final JsonBody json;

  public OfferRoutes(WalletOffers offers, OfferAuthorizations authorizations, JsonBody json) {
    this.offers = offers;
    this.authorizations = authorizations;
    this.json = json;
  }

  public void register(RouteTable routes) {
    routes.post("/v1/offers", Access.AUTHENTICATED, this::receive);
    routes.get("/v1/offers/:offerId", Access.AUTHENTICATED, this::get);
    routes.post("/v1/offers/:offerId/accept", Access.AUTHENTICATED, this::accept);
    routes.post("/v1/offers/:offerId/authorization", Access.AUTHENTICATED, this::authorization);
  }

  /** {@code {"offer": "openid-credential-offer://?credential_offer…"}}: the link or QR code the learner scanned. */
  private Future<Reply> receive(RoutingContext ctx) {
    UUID learner = learner(ctx);
    JsonObject body = json.object(ctx.body().buffer());
    if (!Set.of("offer").equals(body.fieldNames()) || !(body.getValue("offer") instanceof String offer)
        || offer.isBlank() || offer.length() > MAX_OFFER) {
      throw new ProblemException(ProblemType.INVALID_REQUEST,
          "The body must be {\"offer\": \"openid-credential-offer://?credential_offer…\"}: the link or QR code scanned");
    }
    return offers.receive(learner, offer).map(view -> Reply.json(201, view,
        Map.of("Location", "/v1/offers/" + view.getString("id"))));
  }

  private Future<Reply> get(RoutingContext ctx) {
    UUID learner = learner(ctx);
    return offers.get(learner, offerId(ctx)).map(view -> Reply.json(200, view, Map.of()));
  }

  /** {@code {"tx_code": "…"}}, or {@code {}} when the offer asks for no Transaction Code. */
  private Future<Reply> accept(RoutingContext ctx) {
    UUID learner = learner(ctx);
    UUID id = offerId(ctx);
    JsonObject body = json.object(ctx.body().buffer());
    if (!Set.of("tx_code").containsAll(body.fieldNames())) {
      throw new ProblemException(ProblemType.INVALID_REQUEST, "The body takes one field, 'tx_code'");
    }
    Object txCode = body.getValue("tx_code");
    if (txCode != null && (!(txCode instanceof String text) || text.isEmpty() || text.length() > MAX_TX_CODE)) {
      throw new ProblemException(ProblemType.INVALID_REQUEST, "Field 'tx_code' must be a non-empty string");
    }
    return offers.accept(learner, id, Optional.ofNullable((String) txCode)).map(view -> Reply.json(200, view, Map.of()));
  }

  /**
   * The Authorization Code Flow in two calls: {@code {"redirect_uri"}} starts it, then {@code {"callback_url"}} (the
   * full URL the browser landed on) or {@code {"code", "state", "iss"?}} finishes it.
   */
  private Future<Reply> authorization(RoutingContext ctx) {
    UUID learner = learner(ctx);
    UUID id = offerId(ctx);
    AuthorizationStep step = AuthorizationStep.read(json.object(ctx.body().buffer()));
    if (step.redirectUri().isPresent()) {
      return authorizations.start(learner, id, step.redirectUri().get()).map(view -> Reply.json(201, view, Map.of()));
    }
    return authorizations.finish(learner, id, step.response().orElseThrow()).map(view -> Reply.json(200, view, Map.of()));
  }

  private static UUID offerId(RoutingContext ctx) {
    return PathIds.uuid(ctx, "offerId", WalletOffers::notFound);
  }

  private static UUID learner(RoutingContext ctx) {
    return Principal.learner(ctx, "Credential offers are accepted into a learner's wallet");
  }
}
