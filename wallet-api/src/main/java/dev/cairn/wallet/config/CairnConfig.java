package dev.cairn.wallet.config;

import dev.cairn.did.fetch.FetchPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every setting Cairn reads, parsed once at start-up from environment variables.
 * Nothing else in the code base reads the environment; README.md lists each variable.
 */
public record CairnConfig(
    Http http,
    Path home,
    Optional<ExternalDatabase> database,
    int databasePoolSize,
    DatabaseTimeouts databaseTimeouts,
    Tokens tokens,
    Optional<Path> signingKeyFile,
    Optional<Oidc> oidc,
    LoginThrottling loginThrottling,
    Duration shutdownDrain,
    FetchPolicy outboundFetch,
    int resolverRequestsPerMinute,
    Wallet wallet,
    Issuance issuance,
    Retention retention) {

  /**
   * The HTTP listener and the limits on what it accepts.
   *
   * @param publicUrl the origin wallets and browsers reach this Cairn at (request and response URIs, QR codes,
   *     share links); unset: {@code http://<host>:<actual port>}, for development
   */
  public record Http(String host, int port, long maxBodyBytes, int maxJsonDepth, boolean trustForwardedHeaders,
                     Optional<java.net.URI> publicUrl) {}

  /** An operator-provided PostgreSQL; without one Cairn starts an embedded PostgreSQL under {@code home}. */
  public record ExternalDatabase(String url, String user, String password) {}

  /**
   * How long a request may wait for PostgreSQL before it is answered 503 (docs/resilience.md).
   *
   * @param connect a new connection: TCP connect and start-up
   * @param acquire a connection from the pool when all are busy or being reconnected
   */
  public record DatabaseTimeouts(Duration connect, Duration acquire) {}

  /** Access and refresh tokens issued by Cairn itself. */
  public record Tokens(String issuer, String audience, Duration accessTokenTtl, Duration refreshTokenTtl) {}

  /** An external OpenID Connect provider whose access tokens Cairn accepts. */
  public record Oidc(String issuer, String audience) {}

  /**
   * The learner's wallet: where holder keys' key-encryption key comes from, and the limits on credentials.
   *
   * @param kekFile               the AES-256 key-encryption key (unset: generated into {@code $CAIRN_HOME/keys/kek})
   * @param previousKekFiles      keys rotated out: rows still encrypted under one are re-encrypted at start-up
   * @param credentialMaxBytes    the largest credential accepted on import
   * @param archiveMaxBytes       the largest wallet archive accepted by {@code POST /v1/imports}
   * @param canonicalizationDeadline how long one JSON-LD canonicalization may run
   * @param statusRecheckInterval how often stored credentials' status lists are checked again
   * @param statusRecheckConcurrency verifications the status job runs at once
   * @param jobTick               how often each instance asks whether background work is due
   */
  public record Wallet(Optional<Path> kekFile, List<Path> previousKekFiles, int credentialMaxBytes,
                       int archiveMaxBytes, Duration canonicalizationDeadline, Duration statusRecheckInterval,
                       int statusRecheckConcurrency, Duration jobTick) {}

  /**
   * Receiving credentials (docs/issuance.md).
   *
   * @param clientId      the {@code client_id} Cairn's wallet uses at issuers' Authorization Servers (a public client)
   * @param redirectUris  the only redirect URIs the app may ask for in the Authorization Code Flow, matched exactly
   * @param offerLifetime how long a scanned offer may be accepted; OpenID4VCI offers carry no expiry of their own
   */
  public record Issuance(String clientId, List<String> redirectUris, Duration offerLifetime) {}

  /**
   * How long the expiry clean-up job keeps what has ended before deleting it (docs/background-jobs.md).
   *
   * @param presentationRequests an employer's presentation request (and its verified claims, webhook rows) after
   *     its expiry
   * @param presentationExchanges a learner's scanned presentation request after its expiry (the activity log keeps
   *     what was shared)
   * @param shareLinks            a share link after its expiry or revocation
   * @param sessions              a sign-in session after its expiry
   * @param webhookDeliveries     a webhook notice after it was delivered or given up
   * @param credentialOffers      a credential offer the learner never accepted, after it was scanned
   */
  public record Retention(Duration presentationRequests, Duration presentationExchanges, Duration shareLinks,
                          Duration sessions, Duration webhookDeliveries, Duration credentialOffers) {}

  /** When repeated login failures start to be answered with 429. */
  public record LoginThrottling(int maxFailuresPerAccount, int maxFailuresPerAddress, Duration window) {}

  public static CairnConfig fromEnvironment(Map<String, String> env) {
    EnvReader in = new EnvReader(env);
    Path home = in.optional("CAIRN_HOME").map(Path::of)
        .orElseGet(() -> Path.of(System.getProperty("user.home"), ".cairn"));
    Optional<ExternalDatabase> database = in.optional("CAIRN_DB_URL").map(url -> new ExternalDatabase(
        url, in.optional("CAIRN_DB_USER").orElse("cairn"), in.optional("CAIRN_DB_PASSWORD").orElse("")));
    Optional<Oidc> oidc = in.optional("CAIRN_OIDC_ISSUER").map(issuer -> new Oidc(
        issuer, in.required("CAIRN_OIDC_AUDIENCE", "it is required when CAIRN_OIDC_ISSUER is set")));
    return new CairnConfig(
        new Http(
            in.optional("CAIRN_HTTP_HOST").orElse("0.0.0.0"),
            in.integer("CAIRN_HTTP_PORT", 8080, 0, 65535),
            in.integer("CAIRN_HTTP_MAX_BODY_BYTES", 1024 * 1024, 1024, 64 * 1024 * 1024),
            in.integer("CAIRN_HTTP_MAX_JSON_DEPTH", 64, 2, 1000),
            in.bool("CAIRN_HTTP_TRUST_FORWARDED", false),
            in.optional("CAIRN_PUBLIC_URL").map(CairnConfig::origin)),
        home,
        database,
        in.integer("CAIRN_DB_POOL_SIZE", 16, 1, 500),
        new DatabaseTimeouts(
            Duration.ofMillis(in.integer("CAIRN_DB_CONNECT_TIMEOUT_MS", 5000, 100, 120_000)),
            Duration.ofMillis(in.integer("CAIRN_DB_ACQUIRE_TIMEOUT_MS", 5000, 100, 120_000))),
        new Tokens(
            in.optional("CAIRN_TOKEN_ISSUER").orElse("urn:cairn:wallet"),
            in.optional("CAIRN_TOKEN_AUDIENCE").orElse("cairn-wallet-api"),
            Duration.ofSeconds(in.integer("CAIRN_ACCESS_TOKEN_TTL_SECONDS", 15 * 60, 30, 24 * 3600)),
            Duration.ofSeconds(in.integer("CAIRN_REFRESH_TOKEN_TTL_SECONDS", 30 * 24 * 3600, 60, 365 * 24 * 3600))),
        in.optional("CAIRN_SIGNING_KEY_FILE").map(Path::of),
        oidc,
        new LoginThrottling(
            in.integer("CAIRN_LOGIN_MAX_FAILURES_PER_ACCOUNT", 5, 1, 1000),
            in.integer("CAIRN_LOGIN_MAX_FAILURES_PER_ADDRESS", 20, 1, 100000),
            Duration.ofSeconds(in.integer("CAIRN_LOGIN_THROTTLE_WINDOW_SECONDS", 15 * 60, 1, 24 * 3600))),
        Duration.ofSeconds(in.integer("CAIRN_SHUTDOWN_DRAIN_SECONDS", 20, 0, 600)),
        new FetchPolicy(
            Duration.ofMillis(in.integer("CAIRN_HTTP_FETCH_TIMEOUT_MS", 5000, 100, 120_000)),
            in.integer("CAIRN_HTTP_FETCH_MAX_BYTES", 256 * 1024, 1024, 64 * 1024 * 1024),
            in.integer("CAIRN_HTTP_FETCH_MAX_CONCURRENT", 32, 1, 1024),
            in.list("CAIRN_HTTP_ALLOW_PRIVATE_HOSTS"),
            in.optional("CAIRN_HTTP_TRUST_PEM").map(Path::of)),
        in.integer("CAIRN_RESOLVER_REQUESTS_PER_MINUTE", 60, 1, 1_000_000),
        new Wallet(
            in.optional("CAIRN_KEK_FILE").map(Path::of),
            in.paths("CAIRN_KEK_PREVIOUS_FILES"),
            in.integer("CAIRN_CREDENTIAL_MAX_BYTES", 256 * 1024, 1024, 16 * 1024 * 1024),
            in.integer("CAIRN_ARCHIVE_MAX_BYTES", 32 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
            Duration.ofMillis(in.integer("CAIRN_CANONICALIZATION_DEADLINE_MS", 250, 10, 60_000)),
            Duration.ofSeconds(in.integer("CAIRN_STATUS_RECHECK_SECONDS", 6 * 3600, 0, 30 * 24 * 3600)),
            in.integer("CAIRN_STATUS_RECHECK_CONCURRENCY", 4, 1, 256),
            Duration.ofMillis(in.integer("CAIRN_JOB_TICK_MS", 60_000, 50, 3_600_000))),
        new Issuance(
            in.optional("CAIRN_ISSUANCE_CLIENT_ID").orElse("cairn-wallet"),
            redirectUris(in.optional("CAIRN_ISSUANCE_REDIRECT_URIS").orElse("dev.cairn.wallet:/oid4vci/callback")),
            Duration.ofSeconds(in.integer("CAIRN_OFFER_LIFETIME_SECONDS", 24 * 3600, 60, 30 * 24 * 3600))),
        new Retention(
            Duration.ofDays(in.integer("CAIRN_RETENTION_PRESENTATION_REQUEST_DAYS", 90, 0, 3650)),
            Duration.ofDays(in.integer("CAIRN_RETENTION_PRESENTATION_EXCHANGE_DAYS", 30, 0, 3650)),
            Duration.ofDays(in.integer("CAIRN_RETENTION_SHARE_LINK_DAYS", 30, 0, 3650)),
            Duration.ofDays(in.integer("CAIRN_RETENTION_SESSION_DAYS", 7, 0, 3650)),
            Duration.ofDays(in.integer("CAIRN_RETENTION_WEBHOOK_DAYS", 7, 0, 3650)),
            Duration.ofDays(in.integer("CAIRN_RETENTION_CREDENTIAL_OFFER_DAYS", 7, 0, 3650))));
  }

  /** RFC 6749 §3.1.2: absolute URIs without a fragment; RFC 9700 §4.1.3: compared by exact string match. */
  private static List<String> redirectUris(String raw) {
    List<String> uris = java.util.Arrays.stream(raw.split(",")).map(String::trim).filter(item -> !item.isEmpty()).toList();
    for (String uri : uris) {
      try {
        java.net.URI parsed = new java.net.URI(uri);
        if (!parsed.isAbsolute() || parsed.getRawFragment() != null || "http".equalsIgnoreCase(parsed.getScheme())) {
          throw new ConfigException("CAIRN_ISSUANCE_REDIRECT_URIS: " + uri
              + " must be an absolute https or private-use scheme URI without a fragment");
        }
      } catch (java.net.URISyntaxException e) {
        throw new ConfigException("CAIRN_ISSUANCE_REDIRECT_URIS: " + uri + " is not a URI");
      }
    }
    if (uris.isEmpty()) {
      throw new ConfigException("CAIRN_ISSUANCE_REDIRECT_URIS must name at least one redirect URI");
    }
    return uris;
  }

  private static java.net.URI origin(String text) {
    try {
      java.net.URI uri = new java.net.URI(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
      if (uri.getHost() == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
          || (uri.getRawPath() != null && !uri.getRawPath().isEmpty()) || uri.getRawQuery() != null) {
        throw new ConfigException("CAIRN_PUBLIC_URL must be an origin such as https://wallet.example.org, not " + text);
      }
      return uri;
    } catch (java.net.URISyntaxException e) {
      throw new ConfigException("CAIRN_PUBLIC_URL is not a URL: " + text);
    }
  }

  public Path pgDataDirectory() {
    return home.resolve("pgdata");
  }
}
