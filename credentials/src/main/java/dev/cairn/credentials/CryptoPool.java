package dev.cairn.credentials;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.util.concurrent.Callable;

/**
 * Where signature checks and digests run: on the bounded worker pool when called from an event loop (which must
 * never do CPU-heavy work), and directly when the caller is already off the event loop — a worker, a background
 * job, a benchmark thread — where another hop would only add latency.
 */
public final class CryptoPool {
  private final WorkerExecutor workers;

  public CryptoPool(WorkerExecutor workers) {
    this.workers = workers;
  }

  public <T> Future<T> run(Callable<T> work) {
    if (Context.isOnEventLoopThread()) {
      return workers.executeBlocking(work, false);
    }
    try {
      return Future.succeededFuture(work.call());
    } catch (Exception e) {
      return Future.failedFuture(e);
    }
  }
}
