package dev.cairn.wallet.credential;

import dev.cairn.wallet.auth.Principal;
import dev.cairn.wallet.http.PathIds;
import dev.cairn.wallet.http.Access;
import dev.cairn.wallet.http.JsonBody;
import dev.cairn.wallet.http.MediaTypes;
import dev.cairn.wallet.http.ProblemException;
import dev.cairn.wallet.http.ProblemType;
import dev.cairn.wallet.http.Reply;
import dev.cairn.wallet.http.RouteTable;
import dev.cairn.wallet.idempotency.IdempotentRequests;
import dev.cairn.wallet.paging.Cursors;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The learner's credential routes: parse, call the service, answer. */
public final class CredentialRoutes {
  private final CredentialService credentials;
  private final CredentialListing listing;
  private final IdempotentRequests idempotency;
  private final JsonBody json;
  private final int maxCredentialBytes;

  public CredentialRoutes(CredentialService credentials, Cursors cursors,
                          IdempotentRequests idempotency, JsonBody json, int maxCredentialBytes,
                          Clock clock) {
    this.credentials = credentials;
    this.listing = new CredentialListing(credentials.pool(), cursors, clock);
    this.idempotency = idempotency;
    this.json = json;
    this.maxCredentialBytes = maxCredentialBytes;
  }

  public void register(RouteTable routes) {
    // The JSON wrapper escapes the credential, so its body may be larger than the credential it carries.
    routes.post("/v1/credentials", Access.AUTHENTICATED,
        RouteTable.Body.of(IncomingCredential.ACCEPTED, 2L * maxCredentialBytes + 1024), this::importCredential);
    routes.get("/v1/credentials", Access.AUTHENTICATED, this::list);
    routes.get("/v1/credentials/:credentialId", Access.AUTHENTICATED, this::get);
    routes.patch("/v1/credentials/:credentialId", Access.AUTHENTICATED, this::update);
    routes.delete("/v1/credentials/:credentialId", Access.AUTHENTICATED, this::delete);
    routes.get("/v1/credentials/:credentialId/export", Access.AUTHENTICATED, this::export);
    routes.action("/v1/credentials/:credentialId/verify", Access.AUTHENTICATED, this::verify);
  }

  private Future<Reply> importCredential(RoutingContext ctx) {
    UUID accountId = Principal.of(ctx).accountId();
    String contentType = ctx.request().getHeader("Content-Type");
    IncomingCredential incoming = IncomingCredential.read(contentType, ctx.body().buffer(), maxCredentialBytes, json);
    String requestHash = IdempotentRequests.requestHash(MediaTypes.essence(contentType), ctx.body().buffer().getBytes());
    return idempotency.run(accountId, Optional.ofNullable(ctx.request().getHeader(IdempotentRequests.HEADER)),
        requestHash, () -> credentials.importCredential(accountId, incoming).map(imported -> Reply.json(
            imported.created() ? 201 : 200, imported.view(), Map.of("Location", "/v1/credentials/" + imported.id()))));
  }

  private Future<Reply> list(RoutingContext ctx) {
    CredentialQuery query = CredentialQuery.parse(ctx.queryParams());
    return listing.page(Principal.of(ctx).accountId(), query).map(page -> Reply.text(200, page, Reply.JSON));
  }

  private Future<Reply> get(RoutingContext ctx) {
    String include = ctx.queryParams().get("include");
    if (include != null && !include.equals("raw")) {
      throw new ProblemException(ProblemType.INVALID_REQUEST, "Query parameter 'include' takes only 'raw'");
    }
    return credentials.get(Principal.of(ctx).accountId(), credentialId(ctx), include != null)
        .map(view -> Reply.json(200, view, Map.of()));
  }

  private Future<Reply> update(RoutingContext ctx) {
    UUID id = credentialId(ctx);
    CredentialChanges changes = CredentialChanges.parse(json.tree(ctx.body().buffer().getBytes()));
    return credentials.update(Principal.of(ctx).accountId(), id, changes).map(view -> Reply.json(200, view, Map.of()));
  }

  private Future<Reply> delete(RoutingContext ctx) {
    return credentials.delete(Principal.of(ctx).accountId(), credentialId(ctx)).map(done -> Reply.noContent());
  }

  private Future<Reply> export(RoutingContext ctx) {
    UUID id = credentialId(ctx);
    return credentials.export(Principal.of(ctx).accountId(), id).map(export -> Reply.bytes(200, export.original(),
        export.mediaType(), Map.of("Content-Disposition", "attachment; filename=\"credential-" + id + "\"")));
  }

  private Future<Reply> verify(RoutingContext ctx) {
    return credentials.verifyAgain(Principal.of(ctx).accountId(), credentialId(ctx))
        .map(view -> Reply.json(200, view, Map.of()));
  }

  private static UUID credentialId(RoutingContext ctx) {
    return PathIds.uuid(ctx, "credentialId", CredentialService::notFound);
  }
}
