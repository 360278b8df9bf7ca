package dev.cairn.wallet.account;

import dev.cairn.wallet.account.AccountApi.Credentials;
import dev.cairn.wallet.account.AccountApi.RefreshRequest;
import dev.cairn.wallet.auth.Principal;
import dev.cairn.wallet.http.PathIds;
import dev.cairn.wallet.http.Access;
import dev.cairn.wallet.http.JsonBody;
import dev.cairn.wallet.http.Reply;
import dev.cairn.wallet.http.RouteTable;
import io.vertx.core.Future;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;

/** The account and session routes: parse, call the service, answer. */
public final class AccountRoutes {
  private final AccountService accounts;
  private final SessionService sessions;
  private final JsonBody json;

  public AccountRoutes(AccountService accounts, SessionService sessions, JsonBody json) {
    this.accounts = accounts;
    this.sessions = sessions;
    this.json = json;
  }

  public void register(RouteTable routes) {
    routes.post("/v1/accounts", Access.PUBLIC, this::createAccount);
    routes.post("/v1/employers", Access.PUBLIC, this::createEmployer);
    routes.get("/v1/me", Access.AUTHENTICATED, this::me);
    routes.post("/v1/sessions", Access.PUBLIC, this::login);
    routes.post("/v1/sessions/refresh", Access.PUBLIC, this::refresh);
    routes.get("/v1/sessions", Access.AUTHENTICATED, this::listSessions);
    routes.delete("/v1/sessions/current", Access.AUTHENTICATED, this::logout);
    routes.delete("/v1/sessions/:sessionId", Access.AUTHENTICATED, this::revokeSession);
  }

  private Future<Reply> createAccount(RoutingContext ctx) {
    Credentials credentials = json.read(ctx.body().buffer(), Credentials.class);
    return accounts.register(credentials).map(account -> Reply.created(account, "/v1/me"));
  }

  private Future<Reply> createEmployer(RoutingContext ctx) {
    AccountApi.EmployerRegistration registration = json.read(ctx.body().buffer(), AccountApi.EmployerRegistration.class);
    return accounts.registerEmployer(registration).map(account -> Reply.created(account, "/v1/me"));
  }

  private Future<Reply> me(RoutingContext ctx) {
    return accounts.me(Principal.of(ctx)).map(Reply::ok);
  }

  private Future<Reply> login(RoutingContext ctx) {
    Credentials credentials = json.read(ctx.body().buffer(), Credentials.class);
    return sessions.login(credentials, clientAddress(ctx), ctx.request().getHeader("User-Agent"))
        .map(tokens -> Reply.created(tokens, "/v1/sessions/" + tokens.sessionId()));
  }

  private Future<Reply> refresh(RoutingContext ctx) {
    RefreshRequest request = json.read(ctx.body().buffer(), RefreshRequest.class);
    return sessions.refresh(request.refreshToken()).map(Reply::ok);
  }

  private Future<Reply> listSessions(RoutingContext ctx) {
    return sessions.list(Principal.of(ctx)).map(Reply::ok);
  }

  private Future<Reply> logout(RoutingContext ctx) {
    return sessions.logout(Principal.of(ctx)).map(done -> Reply.noContent());
  }

  private Future<Reply> revokeSession(RoutingContext ctx) {
    UUID sessionId = PathIds.uuid(ctx, "sessionId", SessionService::sessionNotFound);
    return sessions.revoke(Principal.of(ctx), sessionId, "revoked by the learner").map(done -> Reply.noContent());
  }

  private static String clientAddress(RoutingContext ctx) {
    SocketAddress remote = ctx.request().remoteAddress();
    return remote == null ? "unknown" : remote.hostAddress();
  }
}
