package dev.cairn.wallet.testing;

import dev.cairn.did.testing.TestHttpsServer;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;

/**
 * A real HTTPS server on loopback playing someone else's system (a status list, a verifier, a webhook receiver), and
 * the Cairn configuration that lets Cairn reach it: localhost allowed, its self-signed certificate trusted.
 */
public final class LoopbackHttps implements AutoCloseable {
  private final Vertx vertx = Vertx.vertx();
  public final TestHttpsServer server = new TestHttpsServer(vertx);
  private final String trustPem;

  public LoopbackHttps() {
    try {
      this.trustPem = server.certificate.writeCertificate(Files.createTempDirectory("trust")).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Cairn's environment for reaching this server, plus {@code more}. */
  public Map<String, String> cairnEnvironment(Map<String, String> more) {
    Map<String, String> env = new HashMap<>(Map.of("CAIRN_HTTP_ALLOW_PRIVATE_HOSTS", "localhost,127.0.0.1",
        "CAIRN_HTTP_TRUST_PEM", trustPem));
    env.putAll(more);
    return env;
  }

  public String url(String path) {
    return "https://localhost:" + server.port() + path;
  }

  @Override
  public void close() {
    server.close();
    vertx.close();
  }
}
