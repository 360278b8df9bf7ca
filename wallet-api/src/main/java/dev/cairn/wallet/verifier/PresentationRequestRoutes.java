package dev.cairn.wallet.verifier;

import dev.cairn.wallet.auth.Principal;
import dev.cairn.wallet.employer.VerifierAccess;
import dev.cairn.wallet.http.Access;
import dev.cairn.wallet.http.FormEncoding;
import dev.cairn.wallet.http.ProblemException;
import dev.cairn.wallet.http.ProblemType;
import dev.cairn.wallet.http.JsonBody;
import dev.cairn.wallet.http.PathIds;
import dev.cairn.wallet.http.QueryParameters;
import dev.cairn.wallet.http.Reply;
import dev.cairn.wallet.http.RouteTable;
import dev.cairn.wallet.openid4vp.OpenId4VpNames;
import dev.cairn.wallet.server.Workers;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The verifier's OpenID4VP routes. Employer side (authenticated): make a request, read it back, its QR code.
 * Public side (wallets): the Request Object at the {@code request_uri}, and the {@code response_uri} answers are
 * POSTed to.
 */
public final class PresentationRequestRoutes {
  private static final long MAX_RESPONSE_BYTES = 2L * 1024 * 1024;
  private static final String FORM = "application/x-www-form-urlencoded";

  private final PresentationRequests requests;
  private final PresentationResponses responses;
  private final JsonBody json;
  private final Workers workers;

  public PresentationRequestRoutes(PresentationRequests requests, PresentationResponses responses, JsonBody json,
                                   Workers workers) {
    this.requests = requests;
    this.responses = responses;
    this.json = json;
    this.workers = workers;
  }

  public void register(RouteTable routes) {
    routes.post("/v1/verifier/requests", Access.AUTHENTICATED, this::create);
    routes.get("/v1/verifier/requests", Access.AUTHENTICATED, this::list);
    routes.get("/v1/verifier/requests/:requestId", Access.AUTHENTICATED, this::get);
    routes.get("/v1/verifier/requests/:requestId/qr.png", Access.AUTHENTICATED, this::png);
    routes.get("/v1/verifier/requests/:requestId/qr.svg", Access.AUTHENTICATED, this::svg);
    routes.get("/oid4vp/requests/:requestId", Access.PUBLIC, this::requestObject);
    routes.post("/oid4vp/responses/:requestId", Access.PUBLIC, RouteTable.Body.of(List.of(FORM), MAX_RESPONSE_BYTES),
        this::respond);
  }

  private Future<Reply> create(RoutingContext ctx) {
    UUID employer = employer(ctx);
    NewPresentationRequest asked = NewPresentationRequest.read(json.object(ctx.body().buffer()));
    return requests.create(employer, asked).map(view -> Reply.json(201, view,
        Map.of("Location", "/v1/verifier/requests/" + view.getString("id"))));
  }

  private Future<Reply> list(RoutingContext ctx) {
    QueryParameters.only(ctx.queryParams(), Set.of());
    return requests.latest(employer(ctx), 50).map(view -> Reply.json(200, view, Map.of()));
  }

  private Future<Reply> get(RoutingContext ctx) {
    UUID employer = employer(ctx);
    QueryParameters.only(ctx.queryParams(), Set.of("response_code"));
    return requests.get(employer, requestId(ctx), java.util.Optional.ofNullable(ctx.queryParams().get("response_code")))
        .map(view -> Reply.json(200, view, Map.of("Cache-Control", "no-store")));
  }

  private Future<Reply> png(RoutingContext ctx) {
    UUID employer = employer(ctx);
    return requests.authorizationRequestUrl(employer, requestId(ctx))
        .compose(url -> workers.crypto(() -> QrCodes.png(url)))
        .map(png -> Reply.bytes(200, png, "image/png", Map.of()));
  }

  private Future<Reply> svg(RoutingContext ctx) {
    UUID employer = employer(ctx);
    return requests.authorizationRequestUrl(employer, requestId(ctx))
        .compose(url -> workers.crypto(() -> QrCodes.svg(url)))
        .map(svg -> Reply.bytes(200, svg.getBytes(StandardCharsets.UTF_8), "image/svg+xml", Map.of()));
  }

  /** RFC 9101 §5.2, OpenID4VP §5.10.1: served as application/oauth-authz-req+jwt, never cached. */
  private Future<Reply> requestObject(RoutingContext ctx) {
    return requests.requestObject(requestId(ctx)).map(jwt -> new Reply(200, jwt,
        OpenId4VpNames.REQUEST_OBJECT_MEDIA_TYPE, Map.of("Cache-Control", "no-store")));
  }

  /** §8.2: the wallet's form POST; a processed answer (presentation or error) gets 200 with a JSON object. */
  private Future<Reply> respond(RoutingContext ctx) {
    UUID id = requestId(ctx);
    Map<String, String> form;
    try {
      form = FormEncoding.parse(ctx.body().buffer().toString(StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      throw new ProblemException(ProblemType.INVALID_REQUEST, "The form body: " + e.getMessage());
    }
    return responses.receive(id, form).map(answer -> Reply.json(200, answer, Map.of("Cache-Control", "no-store")));
  }

  private static UUID requestId(RoutingContext ctx) {
    return PathIds.uuid(ctx, "requestId", PresentationRequests::notFound);
  }

  private static UUID employer(RoutingContext ctx) {
    return VerifierAccess.employer(Principal.of(ctx)).accountId();
  }
}
