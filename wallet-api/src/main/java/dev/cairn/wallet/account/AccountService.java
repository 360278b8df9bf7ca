package dev.cairn.wallet.account;

import dev.cairn.wallet.account.AccountApi.AccountView;
import dev.cairn.wallet.account.AccountApi.Credentials;
import dev.cairn.wallet.auth.PasswordHasher;
import dev.cairn.wallet.auth.Principal;
import dev.cairn.wallet.db.Database;
import dev.cairn.wallet.holder.HolderKeys;
import dev.cairn.wallet.http.ProblemException;
import dev.cairn.wallet.http.ProblemType;
import dev.cairn.wallet.server.Workers;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.UUID;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** Creates built-in accounts (with their holder keys) and shows a learner their own. */
public final class AccountService {
  private final Database database;
  private final PasswordHasher hasher;
  private final Workers workers;
  private final Clock clock;
  private final HolderKeys holderKeys;

  public AccountService(Database database, PasswordHasher hasher, HolderKeys holderKeys, Workers workers,
                        Clock clock) {
    this.database = database;
    this.holderKeys = holderKeys;
    this.hasher = hasher;
    this.workers = workers;
    this.clock = clock;
  }

  /** The account and its two holder keys, in one transaction; the email's unique index settles races. */
  public Future<AccountView> register(Credentials credentials) {
    String email = AccountRules.validEmail(credentials.email());
    String password = AccountRules.validPassword(credentials.password());
    UUID accountId = UUID.randomUUID();
    Instant now = clock.instant();
    return Future.all(workers.passwords(() -> hasher.hash(password)), holderKeys.generate(accountId))
        .compose(prepared -> database.pool().withTransaction(connection -> insertAccount(connection, accountId, email,
                prepared.resultAt(0), "learner", null, now)
            .compose(inserted -> holderKeys.insert(connection, prepared.resultAt(1)))))
        .map(done -> new AccountView(accountId, email, "password", "learner", null, now.truncatedTo(ChronoUnit.MICROS)));
  }

  /**
   * An employer organisation's account: same sign-in, role {@code employer}, no holder keys (it holds no
   * credentials; it asks for them).
   */
  public Future<AccountView> registerEmployer(AccountApi.EmployerRegistration registration) {
    String email = AccountRules.validEmail(registration.email());
    String password = AccountRules.validPassword(registration.password());
    String organisation = AccountRules.validOrganisation(registration.organisation());
    UUID accountId = UUID.randomUUID();
    Instant now = clock.instant();
    return workers.passwords(() -> hasher.hash(password))
        .compose(hash -> insertAccount(database.pool(), accountId, email, hash, "employer", organisation, now))
        .map(done -> new AccountView(accountId, email, "password", "employer", organisation,
            now.truncatedTo(ChronoUnit.MICROS)));
  }

  /** A built-in account; the email's unique index settles two registrations of one email racing. */
  private static Future<Void> insertAccount(SqlClient client, UUID accountId, String email, String passwordHash,
                                            String role, String organisation, Instant now) {
    return client.preparedQuery("INSERT INTO account (id, email, password_hash, created_at, role, organisation) "
            + "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (email) DO NOTHING")
        .execute(Tuple.of(accountId, email, passwordHash, now.atOffset(ZoneOffset.UTC), role, organisation))
        .compose(inserted -> inserted.rowCount() == 0 ? Future.failedFuture(accountExists()) : Future.succeededFuture());
  }

  public Future<AccountView> me(Principal principal) {
    return database.inSession(session -> session.find(Account.class, principal.accountId()))
        .compose(account -> account == null
            ? Future.failedFuture(new ProblemException(ProblemType.NOT_FOUND, "The account no longer exists"))
            : Future.succeededFuture(view(account)));
  }

  private static AccountView view(Account account) {
    return new AccountView(account.id(), account.email().orElse(null),
        account.email().isPresent() ? "password" : "external", account.role(), account.organisation().orElse(null),
        account.createdAt());
  }

  private static ProblemException accountExists() {
    return new ProblemException(ProblemType.ACCOUNT_EXISTS, "An account with this email already exists; sign in instead");
  }

}
