package dev.cairn.wallet.auth;

import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.UUID;

/**
 * Who is calling: the account every learner-data query is scoped by, and the Cairn sign-in session the access
 * token belongs to (absent for tokens from an external identity provider).
 */
public record Principal(UUID accountId, Optional<UUID> sessionId, Role role) {
  /** What the account is for: a learner's wallet, or an employer organisation that asks for proof. */
  public enum Role { LEARNER, EMPLOYER }

  public Principal(UUID accountId, Optional<UUID> sessionId) {
    this(accountId, sessionId, Role.LEARNER);
  }

  private static final String KEY = "cairn.principal";

  public void attachTo(RoutingContext ctx) {
    ctx.put(KEY, this);
  }

  /** The authenticated caller; only routes behind the bearer-token stage call this. */
  public static Principal of(RoutingContext ctx) {
    Principal principal = ctx.get(KEY);
    if (principal == null) {
      throw new IllegalStateException("route is not behind authentication");
    }
    return principal;
  }

  /**
   * The caller's account when it is a learner's; otherwise 403 with {@code refusal} saying what the route is for.
   * A question of the kind of account, never of someone else's data (that is 404).
   */
  public static UUID learner(RoutingContext ctx, String refusal) {
    Principal principal = of(ctx);
    if (principal.role() != Role.LEARNER) {
      throw new dev.cairn.wallet.http.ProblemException(dev.cairn.wallet.http.ProblemType.FORBIDDEN, refusal);
    }
    return principal.accountId();
  }
}
