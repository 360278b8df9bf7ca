package dev.cairn.did.testing;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.PemKeyCertOptions;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTPS server on 127.0.0.1 for tests, with a certificate for "localhost" made in the test. Each path
 * answers with the handler registered for it; requests are counted per path.
 */
public final class TestHttpsServer implements AutoCloseable {
  public final SelfSignedCertificate certificate = SelfSignedCertificate.forDnsName("localhost");
  private final Map<String, Handler<HttpServerRequest>> routes = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
  private final HttpServer server;

  public TestHttpsServer(Vertx vertx) {
    this.server = vertx.createHttpServer(new HttpServerOptions().setSsl(true).setHost("127.0.0.1").setPort(0)
            .setKeyCertOptions(new PemKeyCertOptions()
                .setCertValue(Buffer.buffer(certificate.certificatePem()))
                .setKeyValue(Buffer.buffer(certificate.privateKeyPem()))))
        .requestHandler(request -> {
          hits.computeIfAbsent(request.path(), p -> new AtomicInteger()).incrementAndGet();
          routes.getOrDefault(request.path(), r -> r.response().setStatusCode(404).end()).handle(request);
        });
    try {
      server.listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public int port() {
    return server.actualPort();
  }

  public void on(String path, Handler<HttpServerRequest> handler) {
    routes.put(path, handler);
  }

  /** Serves {@code json} at {@code path} with the given Cache-Control (or none). */
  public void serveJson(String path, String json, String cacheControl) {
    on(path, request -> {
      var response = request.response().putHeader("Content-Type", "application/did+json");
      if (cacheControl != null) {
        response.putHeader("Cache-Control", cacheControl);
      }
      response.end(json);
    });
  }

  /** Serves {@code body} at {@code path} with the given Content-Type. */
  public void serve(String path, String contentType, String body) {
    on(path, request -> request.response().putHeader("Content-Type", contentType).end(body));
  }

  public int hits(String path) {
    AtomicInteger count = hits.get(path);
    return count == null ? 0 : count.get();
  }

  @Override
  public void close() {
    server.close();
  }
}
