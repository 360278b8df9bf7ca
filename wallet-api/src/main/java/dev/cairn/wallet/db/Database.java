package dev.cairn.wallet.db;

import dev.cairn.wallet.config.CairnConfig.DatabaseTimeouts;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.hibernate.SessionFactory;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.cfg.Configuration;
import org.hibernate.engine.jdbc.spi.SqlExceptionHelper;
import org.hibernate.engine.jdbc.spi.SqlStatementLogger;
import org.hibernate.reactive.pool.ReactiveConnectionPool;
import org.hibernate.reactive.pool.impl.ExternalSqlClientPool;
import org.hibernate.reactive.provider.ReactiveServiceRegistryBuilder;
import org.hibernate.reactive.stage.Stage;
import org.hibernate.reactive.vertx.VertxInstance;
import org.hibernate.reactive.vertx.impl.ProvidedVertxInstance;

/**
 * Cairn's one connection pool, shared by Hibernate Reactive (entity CRUD) and plain SQL (hot paths and
 * statements an ORM expresses badly, such as upserts). Both run on the server's own Vert.x instance, so no
 * database call ever blocks a thread. See docs/persistence.md for which to use when.
 */
public final class Database {
  private final Vertx vertx;
  private final Pool pool;
  private final SessionFactory sessionFactory;
  private final Stage.SessionFactory sessions;

  private Database(Vertx vertx, Pool pool, SessionFactory sessionFactory) {
    this.vertx = vertx;
    this.pool = pool;
    this.sessionFactory = sessionFactory;
    this.sessions = sessionFactory.unwrap(Stage.SessionFactory.class);
  }

  /** Blocking (Hibernate's boot reads the entity model): call it from a worker thread. */
  public static Database open(Vertx vertx, ConnectionSettings settings, int poolSize, DatabaseTimeouts timeouts,
                              List<Class<?>> entities) {
    Pool pool = PgBuilder.pool()
        .with(new PoolOptions().setMaxSize(poolSize).setName("cairn-db").setShared(false)
            .setMaxWaitQueueSize(poolSize * 64).setIdleTimeout(300)
            .setConnectionTimeout((int) timeouts.acquire().toMillis()).setConnectionTimeoutUnit(TimeUnit.MILLISECONDS))
        .connectingTo(settings.connectOptions().setConnectTimeout((int) timeouts.connect().toMillis()))
        .using(vertx)
        .build();
    Configuration configuration = new Configuration();
    entities.forEach(configuration::addAnnotatedClass);
    configuration.setProperty("hibernate.physical_naming_strategy",
        "org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy");
    configuration.setProperty("hibernate.hbm2ddl.auto", "none");
    configuration.setProperty("hibernate.boot.allow_jdbc_metadata_access", "false");
    StandardServiceRegistry registry = new ReactiveServiceRegistryBuilder()
        .applySettings(configuration.getProperties())
        .addService(VertxInstance.class, new ProvidedVertxInstance(vertx))
        .addService(ReactiveConnectionPool.class,
            new ExternalSqlClientPool(pool, new SqlStatementLogger(), new SqlExceptionHelper(true)))
        .build();
    return new Database(vertx, pool, configuration.buildSessionFactory(registry));
  }

  /** The plain Vert.x SQL pool, for statements that bypass Hibernate. */
  public Pool pool() {
    return pool;
  }

  /** Runs {@code work} in one Hibernate Reactive session and transaction; a failed stage rolls it back. */
  public <T> Future<T> inTransaction(Function<Stage.Session, CompletionStage<T>> work) {
    return unwrapped(sessions.withTransaction((session, tx) -> work.apply(session)));
  }

  /** Runs {@code work} in one Hibernate Reactive session without a transaction of its own (reads). */
  public <T> Future<T> inSession(Function<Stage.Session, CompletionStage<T>> work) {
    return unwrapped(sessions.withSession(work));
  }

  /** Back on the caller's Vert.x context, failing with the cause itself rather than a CompletionException. */
  private <T> Future<T> unwrapped(CompletionStage<T> stage) {
    return Future.fromCompletionStage(stage, vertx.getOrCreateContext()).recover(failure -> Future.failedFuture(
        failure instanceof CompletionException wrapped && wrapped.getCause() != null ? wrapped.getCause() : failure));
  }

  public Future<Void> close() {
    sessionFactory.close();
    return pool.close();
  }
}
