package dev.cairn.wallet.presentation;

import dev.cairn.wallet.auth.Principal;
import dev.cairn.wallet.http.Access;
import dev.cairn.wallet.idempotency.IdempotentRequests;
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

/** The learner's OpenID4VP routes: open a scanned request, read it, consent or decline. */
public final class PresentationExchangeRoutes {
  private final PresentationExchanges exchanges;
  private final IdempotentRequests idempotency;
  private final JsonBody json;

  public PresentationExchangeRoutes(PresentationExchanges exchanges, IdempotentRequests idempotency, JsonBody json) {
    this.exchanges = exchanges;
    this.idempotency = idempotency;
    this.json = json;
  }

  public void register(RouteTable routes) {
    routes.post("/v1/presentation-requests", Access.AUTHENTICATED, this::open);
    routes.get("/v1/presentation-requests/:exchangeId", Access.AUTHENTICATED, this::get);
    routes.post("/v1/presentation-requests/:exchangeId/consent", Access.AUTHENTICATED, this::consent);
    routes.action("/v1/presentation-requests/:exchangeId/decline", Access.AUTHENTICATED, this::decline);
  }

  /** {@code {"request": "openid4vp://?client_id=…&request_uri=…"}}: the link or QR code the learner scanned. */
  private Future<Reply> open(RoutingContext ctx) {
    UUID learner = learner(ctx);
    JsonObject body = json.object(ctx.body().buffer());
    if (!Set.of("request").equals(body.fieldNames()) || !(body.getValue("request") instanceof String link)
        || link.isBlank() || link.length() > 8192) {
      throw new ProblemException(ProblemType.INVALID_REQUEST,
          "The body must be {\"request\": \"openid4vp://?client_id=…&request_uri=…\"}: the link or QR code scanned");
    }
    return exchanges.open(learner, link).map(view -> Reply.json(201, view,
        Map.of("Location", "/v1/presentation-requests/" + view.getString("id"))));
  }

  private Future<Reply> get(RoutingContext ctx) {
    UUID learner = learner(ctx);
    return exchanges.get(learner, exchangeId(ctx)).map(view -> Reply.json(200, view, Map.of()));
  }

  /**
   * A presentation submission takes an {@code Idempotency-Key} (DESIGN §4): an app that lost the answer to a
   * network error asks again and gets the first answer replayed, instead of a 409 for an exchange already sent.
   */
  private Future<Reply> consent(RoutingContext ctx) {
    UUID learner = learner(ctx);
    UUID id = exchangeId(ctx);
    LearnerConsent consent = LearnerConsent.read(json.object(ctx.body().buffer()));
    String requestHash = IdempotentRequests.requestHash("consent/" + id, ctx.body().buffer().getBytes());
    return idempotency.run(learner, Optional.ofNullable(ctx.request().getHeader(IdempotentRequests.HEADER)),
        requestHash, () -> exchanges.consent(learner, id, consent).map(view -> Reply.json(200, view, Map.of())));
  }

  private Future<Reply> decline(RoutingContext ctx) {
    UUID learner = learner(ctx);
    return exchanges.decline(learner, exchangeId(ctx)).map(view -> Reply.json(200, view, Map.of()));
  }

  private static UUID exchangeId(RoutingContext ctx) {
    return PathIds.uuid(ctx, "exchangeId",
        () -> new ProblemException(ProblemType.NOT_FOUND, "No presentation request with this id"));
  }

  private static UUID learner(RoutingContext ctx) {
    return Principal.learner(ctx, "Presentation requests are answered from a learner's wallet");
  }
}
