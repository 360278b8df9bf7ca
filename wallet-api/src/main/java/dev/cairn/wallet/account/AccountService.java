package dev.cairn.wallet.account;

import dev.cairn.wallet.account.AccountApi.AccountView;
import dev.cairn.wallet.account.AccountApi.Credentials;
import dev.cairn.wallet.auth.PasswordHasher;
import dev.cairn.wallet.auth.Principal;
import dev.cairn.wallet.db.Database;
import dev.cairn.wallet.http.ProblemException;
import dev.cairn.wallet.http.ProblemType;
import dev.cairn.wallet.server.Workers;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.hibernate.exception.ConstraintViolationException;

/** Creates built-in accounts and shows a learner their own. */
public final class AccountService {
  private final Database database;
  private final PasswordHasher hasher;
  private final Workers workers;
  private final Clock clock;

  public AccountService(Database database, PasswordHasher hasher, Workers workers, Clock clock) {
    this.database = database;
    this.hasher = hasher;
    this.workers = workers;
    this.clock = clock;
  }

  public Future<AccountView> register(Credentials credentials) {
    String email = AccountRules.validEmail(credentials.email());
    String password = AccountRules.validPassword(credentials.password());
    return workers.passwords(() -> hasher.hash(password))
        .compose(hash -> {
          Account account = new Account(UUID.randomUUID(), email, hash, clock.instant());
          return database.inTransaction(session -> session
              .createSelectionQuery("select count(*) from Account where email = :email", Long.class)
              .setParameter("email", email)
              .getSingleResult()
              .thenCompose(existing -> existing > 0
                  ? CompletableFuture.failedFuture(accountExists())
                  : session.persist(account).thenApply(done -> account)));
        })
        .recover(failure -> Future.failedFuture(causedByUniqueEmail(failure) ? accountExists() : failure))
        .map(AccountService::view);
  }

  public Future<AccountView> me(Principal principal) {
    return database.inSession(session -> session.find(Account.class, principal.accountId()))
        .compose(account -> account == null
            ? Future.failedFuture(new ProblemException(ProblemType.NOT_FOUND, "The account no longer exists"))
            : Future.succeededFuture(view(account)));
  }

  private static AccountView view(Account account) {
    return new AccountView(account.id(), account.email().orElse(null),
        account.email().isPresent() ? "password" : "external", account.createdAt());
  }

  private static ProblemException accountExists() {
    return new ProblemException(ProblemType.ACCOUNT_EXISTS, "An account with this email already exists; sign in instead");
  }

  /** Two registrations of one email raced past the check; the unique index decided. */
  private static boolean causedByUniqueEmail(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ConstraintViolationException) {
        return true;
      }
    }
    return false;
  }
}
