package dev.cairn.wallet.http;

import java.net.URI;
import java.util.Optional;

/**
 * The origin wallets and browsers reach this Cairn at, for the URLs it hands out (request and response URIs,
 * QR codes, share links). Configured with {@code CAIRN_PUBLIC_URL}; otherwise known only once the listener has
 * its port, which is when {@link #listening} is called.
 */
public final class PublicOrigin {
  private final Optional<URI> configured;
  private final String host;
  private volatile URI origin;

  public PublicOrigin(Optional<URI> configured, String listenHost) {
    this.configured = configured;
    this.host = "0.0.0.0".equals(listenHost) || "::".equals(listenHost) ? "localhost" : listenHost;
    this.origin = configured.orElse(null);
  }

  /** Called once the listener is bound. */
  public void listening(int port) {
    if (configured.isEmpty()) {
      origin = URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port);
    }
  }

  /** {@code path} (starting with /) under this origin. */
  public URI resolve(String path) {
    URI current = origin;
    if (current == null) {
      throw new IllegalStateException("the public origin is not known before the server listens");
    }
    return URI.create(current + path);
  }
}
