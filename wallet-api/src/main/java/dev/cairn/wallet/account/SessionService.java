package dev.cairn.wallet.account;

import dev.cairn.wallet.account.AccountApi.Credentials;
import dev.cairn.wallet.account.AccountApi.SessionList;
import dev.cairn.wallet.account.AccountApi.SessionTokens;
import dev.cairn.wallet.account.AccountApi.SessionView;
import dev.cairn.wallet.auth.AccessTokens;
import dev.cairn.wallet.auth.LoginThrottle;
import dev.cairn.wallet.auth.PasswordHasher;
import dev.cairn.wallet.auth.Principal;
import dev.cairn.wallet.db.Database;
import dev.cairn.wallet.http.ProblemException;
import dev.cairn.wallet.http.ProblemType;
import dev.cairn.wallet.server.Workers;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.hibernate.LockMode;
import org.hibernate.reactive.stage.Stage;

/**
 * Sign-in sessions: login with email and password, refresh-token rotation with reuse detection, logout, and a
 * learner's view of their own sessions.
 */
public final class SessionService {
  private static final int MAX_USER_AGENT = 256;

  private final Database database;
  private final PasswordHasher hasher;
  private final AccessTokens accessTokens;
  private final LoginThrottle throttle;
  private final Workers workers;
  private final Clock clock;
  private final Duration refreshTtl;
  /** Verified against when the email is unknown, so a wrong email costs the same time as a wrong password. */
  private final String decoyHash;

  public SessionService(Database database, PasswordHasher hasher, AccessTokens accessTokens, LoginThrottle throttle,
                        Workers workers, Clock clock, Duration refreshTtl) {
    this.database = database;
    this.hasher = hasher;
    this.accessTokens = accessTokens;
    this.throttle = throttle;
    this.workers = workers;
    this.clock = clock;
    this.refreshTtl = refreshTtl;
    this.decoyHash = hasher.hash(OpaqueToken.generate());
  }

  public Future<SessionTokens> login(Credentials credentials, String clientAddress, String userAgent) {
    String email = AccountRules.normaliseEmail(credentials.email());
    String password = credentials.password();
    return throttle.retryAfter(email, clientAddress).compose(wait -> {
      if (wait.isPresent()) {
        return Future.failedFuture(throttled(wait.get()));
      }
      return findByEmail(email).compose(account -> workers
          .passwords(() -> hasher.verify(password, account.flatMap(Account::passwordHash).orElse(decoyHash))
              && account.isPresent())
          .compose(matches -> matches
              ? throttle.recordSuccess(email).compose(done -> startSession(account.get().id(), userAgent))
              : throttle.recordFailure(email, clientAddress).compose(done -> Future.failedFuture(
                  new ProblemException(ProblemType.INVALID_CREDENTIALS, "The email or password is wrong")))));
    });
  }

  public Future<SessionTokens> refresh(String refreshToken) {
    String hash = OpaqueToken.hash(refreshToken);
    Instant now = clock.instant();
    String next = OpaqueToken.generate();
    return database.inTransaction(session -> session.find(RefreshToken.class, hash, LockMode.PESSIMISTIC_WRITE)
            .thenCompose(token -> rotate(session, token, next, now)))
        .compose(outcome -> outcome instanceof Rotation.Rotated rotated
            ? tokens(rotated.accountId(), rotated.sessionId(), next, now.plus(refreshTtl))
            : Future.failedFuture(new ProblemException(ProblemType.INVALID_REFRESH_TOKEN,
                ((Rotation.Rejected) outcome).reason())));
  }

  public Future<Void> logout(Principal principal) {
    UUID sessionId = principal.sessionId().orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND,
        "This access token comes from the identity provider, not from a Cairn session; sign out there"));
    return revoke(principal, sessionId, "logout");
  }

  public Future<Void> revoke(Principal principal, UUID sessionId, String reason) {
    Instant now = clock.instant();
    return database.inTransaction(session -> session.find(AuthSession.class, sessionId).thenCompose(found -> {
      // Another learner's session is "not found", never "forbidden": its existence is not ours to tell.
      if (found == null || !found.accountId().equals(principal.accountId()) || !found.live(now)) {
        return CompletableFuture.failedFuture(sessionNotFound());
      }
      found.revoke(now, reason);
      return CompletableFuture.completedFuture((Void) null);
    }));
  }

  public Future<SessionList> list(Principal principal) {
    Instant now = clock.instant();
    return database.inSession(session -> session.createSelectionQuery(
                "from AuthSession where accountId = :account and revokedAt is null and expiresAt > :now"
                    + " order by createdAt desc", AuthSession.class)
            .setParameter("account", principal.accountId())
            .setParameter("now", now)
            .setMaxResults(100)
            .getResultList())
        .map(sessions -> new SessionList(sessions.stream().map(s -> new SessionView(s.id(), s.createdAt(),
            s.lastUsedAt(), s.expiresAt(), s.userAgent(), principal.sessionId().filter(s.id()::equals).isPresent()))
            .toList()));
  }

  public static ProblemException sessionNotFound() {
    return new ProblemException(ProblemType.NOT_FOUND, "No session with this id");
  }

  private Future<Optional<Account>> findByEmail(String email) {
    return database.inSession(session -> session
            .createSelectionQuery("from Account where email = :email", Account.class)
            .setParameter("email", email)
            .getSingleResultOrNull())
        .map(Optional::ofNullable);
  }

  private Future<SessionTokens> startSession(UUID accountId, String userAgent) {
    Instant now = clock.instant();
    Instant expiresAt = now.plus(refreshTtl);
    UUID sessionId = UUID.randomUUID();
    String refreshToken = OpaqueToken.generate();
    AuthSession authSession = new AuthSession(sessionId, accountId, now, expiresAt, truncate(userAgent));
    RefreshToken stored = new RefreshToken(OpaqueToken.hash(refreshToken), sessionId, accountId, now, expiresAt);
    return database.inTransaction(session -> session.persist(authSession)
            .thenCompose(done -> session.flush())
            .thenCompose(done -> session.persist(stored)))
        .compose(done -> tokens(accountId, sessionId, refreshToken, expiresAt));
  }

  /** The outcome of presenting a refresh token; a rejection may still have changed state (family revoked). */
  private sealed interface Rotation {
    record Rotated(UUID accountId, UUID sessionId) implements Rotation {}

    record Rejected(String reason) implements Rotation {}
  }

  private CompletionStage<Rotation> rotate(Stage.Session session, RefreshToken token, String next, Instant now) {
    if (token == null) {
      return CompletableFuture.completedFuture(new Rotation.Rejected("The refresh token is not known"));
    }
    return session.find(AuthSession.class, token.sessionId()).thenCompose(family -> {
      if (token.used()) {
        // RFC 9700 §4.14.2: a used refresh token presented again means it leaked; end the whole family.
        family.revoke(now, "refresh token reuse");
        return CompletableFuture.completedFuture(new Rotation.Rejected(
            "The refresh token was already used; the session has been ended, sign in again"));
      }
      if (token.expired(now) || !family.live(now)) {
        return CompletableFuture.completedFuture(new Rotation.Rejected("The session has ended; sign in again"));
      }
      token.markUsed(now);
      family.extend(now, now.plus(refreshTtl));
      RefreshToken rotated = new RefreshToken(OpaqueToken.hash(next), family.id(), family.accountId(), now,
          now.plus(refreshTtl));
      return session.persist(rotated).thenApply(done -> new Rotation.Rotated(family.accountId(), family.id()));
    });
  }

  private Future<SessionTokens> tokens(UUID accountId, UUID sessionId, String refreshToken, Instant refreshExpiresAt) {
    return workers.crypto(() -> accessTokens.issue(accountId, sessionId))
        .map(accessToken -> new SessionTokens(accessToken, "Bearer", accessTokens.lifetimeSeconds(), refreshToken,
            refreshExpiresAt, sessionId));
  }

  private static ProblemException throttled(Duration wait) {
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    return new ProblemException(ProblemType.TOO_MANY_REQUESTS,
        "Too many failed sign-ins; try again in " + seconds + " seconds", Map.of("Retry-After", Long.toString(seconds)));
  }

  private static String truncate(String userAgent) {
    if (userAgent == null) {
      return null;
    }
    return userAgent.length() <= MAX_USER_AGENT ? userAgent : userAgent.substring(0, MAX_USER_AGENT);
  }
}
