package dev.cairn.wallet.issuance;

import dev.cairn.wallet.config.ConfigException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The settings of {@code ./cairn issuer}, read once from the environment at start-up (README.md, "Configuration").
 *
 * @param host        address the issuer's HTTPS listener binds
 * @param port        its port
 * @param identifier  the Credential Issuer Identifier (§12.2.1): the https origin wallets reach it at, which is also
 *                    its did:web
 * @param name        the issuer's display name, in its metadata and in every credential's issuer profile
 * @param tls         certificate and private key (PEM); generated, self-signed for the identifier's host, when unset
 * @param adminToken  when present, {@code POST /issuer/offers} needs it as a bearer token
 */
record ReferenceIssuerSettings(String host, int port, URI identifier, String name, Tls tls, Optional<String> adminToken) {

  /** Where the listener's certificate and key are; {@code generated}: made at first start, reused after. */
  record Tls(Path certificatePem, Path privateKeyPem, boolean generated) {}

  static ReferenceIssuerSettings fromEnvironment(Map<String, String> env) {
    Path home = value(env, "CAIRN_HOME").map(Path::of)
        .orElseGet(() -> Path.of(System.getProperty("user.home"), ".cairn"));
    int port = port(value(env, "CAIRN_ISSUER_PORT").orElse("8443"));
    URI identifier = identifier(value(env, "CAIRN_ISSUER_URL").orElse("https://localhost:" + port));
    Optional<String> certificate = value(env, "CAIRN_ISSUER_TLS_CERT");
    Optional<String> key = value(env, "CAIRN_ISSUER_TLS_KEY");
    if (certificate.isPresent() != key.isPresent()) {
      throw new ConfigException("CAIRN_ISSUER_TLS_CERT and CAIRN_ISSUER_TLS_KEY are set together, or neither");
    }
    Tls tls = certificate.isPresent()
        ? new Tls(Path.of(certificate.get()), Path.of(key.get()), false)
        : new Tls(home.resolve("issuer").resolve("tls-cert.pem"), home.resolve("issuer").resolve("tls-key.pem"), true);
    return new ReferenceIssuerSettings(value(env, "CAIRN_ISSUER_HOST").orElse("127.0.0.1"), port, identifier,
        value(env, "CAIRN_ISSUER_NAME").orElse("Cairn Reference Academy"), tls, value(env, "CAIRN_ISSUER_ADMIN_TOKEN"));
  }

  private static Optional<String> value(Map<String, String> env, String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  private static int port(String raw) {
    try {
      int port = Integer.parseInt(raw);
      if (port < 1 || port > 65535) {
        throw new ConfigException("CAIRN_ISSUER_PORT must be between 1 and 65535, was " + port);
      }
      return port;
    } catch (NumberFormatException e) {
      throw new ConfigException("CAIRN_ISSUER_PORT must be a whole number, was '" + raw + "'");
    }
  }

  /** §12.2.1: https, a host, an optional port and path, no query or fragment. */
  private static URI identifier(String raw) {
    try {
      URI uri = new URI(raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw);
      if (!"https".equals(uri.getScheme()) || uri.getHost() == null || uri.getRawQuery() != null
          || uri.getRawFragment() != null) {
        throw new ConfigException("CAIRN_ISSUER_URL must be an https URL without query or fragment, was " + raw);
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new ConfigException("CAIRN_ISSUER_URL is not a URL: " + raw);
    }
  }
}
