package dev.cairn.wallet.server;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * The bounded worker pools that keep CPU work off the event loop. Password hashing has its own pool because
 * each Argon2id call holds 19 MiB and tens of milliseconds; a burst of logins must not queue token checks.
 */
public final class Workers {
  private final WorkerExecutor crypto;
  private final WorkerExecutor passwords;

  public Workers(Vertx vertx) {
    int cores = Runtime.getRuntime().availableProcessors();
    this.crypto = vertx.createSharedWorkerExecutor("cairn-crypto", Math.max(2, cores), 10, TimeUnit.SECONDS);
    this.passwords = vertx.createSharedWorkerExecutor("cairn-passwords", Math.max(1, cores), 30, TimeUnit.SECONDS);
  }

  /** Signatures and other short CPU-bound work. */
  public <T> Future<T> crypto(Callable<T> work) {
    return crypto.executeBlocking(work, false);
  }

  /** The crypto pool itself, for libraries that run their own work on it (credential verification). */
  public WorkerExecutor cryptoExecutor() {
    return crypto;
  }

  /** Argon2id hashing and verification. */
  public <T> Future<T> passwords(Callable<T> work) {
    return passwords.executeBlocking(work, false);
  }

  public Future<Void> close() {
    return Future.join(crypto.close(), passwords.close()).mapEmpty();
  }
}
