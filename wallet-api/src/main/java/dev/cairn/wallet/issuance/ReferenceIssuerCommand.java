package dev.cairn.wallet.issuance;

import dev.cairn.did.DidResolver;
import dev.cairn.did.fetch.FetchPolicy;
import dev.cairn.did.fetch.HardenedFetch;
import dev.cairn.issuer.reference.ReferenceIssuer;
import dev.cairn.issuer.reference.ReferenceIssuerConfig;
import dev.cairn.wallet.config.ConfigException;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ./cairn issuer}: the reference OpenID4VCI issuer (docs/issuance.md) on its own HTTPS listener, so issue →
 * hold → present runs on one machine. A demo: its state is in memory and dies with the process.
 */
public final class ReferenceIssuerCommand {
  static {
    System.setProperty("vertx.logger-delegate-factory-class-name", "io.vertx.core.logging.SLF4JLogDelegateFactory");
  }

  private static final Logger LOG = LoggerFactory.getLogger(ReferenceIssuerCommand.class);

  private ReferenceIssuerCommand() {}

  public static void main(String[] args) throws Exception {
    ReferenceIssuerSettings settings;
    try {
      settings = ReferenceIssuerSettings.fromEnvironment(System.getenv());
    } catch (ConfigException e) {
      LOG.error("configuration error: {}", e.getMessage());
      System.exit(2);
      return;
    }
    if (settings.tls().generated()) {
      SelfSignedTls.ensure(settings.tls().certificatePem(), settings.tls().privateKeyPem(), settings.identifier().getHost());
    }
    Vertx vertx = Vertx.vertx();
    Clock clock = Clock.systemUTC();
    ReferenceIssuerConfig defaults = ReferenceIssuerConfig.defaults(settings.identifier());
    ReferenceIssuerConfig config = new ReferenceIssuerConfig(defaults.issuer(), settings.name(),
        defaults.preAuthorizedCodeLifetime(), defaults.maxTxCodeAttempts(), defaults.accessTokenLifetime(),
        defaults.nonceLifetime(), defaults.proofMaxAge(), defaults.batchSize(), defaults.deferredInterval(),
        defaults.authorizationDetails(), settings.adminToken());
    // Holder keys in key proofs are did:jwk / did:key: resolved locally, the hardened fetch is never used for them.
    ReferenceIssuer issuer = ReferenceIssuer.create(vertx, config,
        DidResolver.create(new HardenedFetch(vertx, FetchPolicy.defaults()), clock), clock);
    vertx.createHttpServer(new HttpServerOptions().setSsl(true).setHost(settings.host()).setPort(settings.port())
            .setKeyCertOptions(new PemKeyCertOptions()
                .setCertPath(settings.tls().certificatePem().toString())
                .setKeyPath(settings.tls().privateKeyPem().toString())))
        .requestHandler(issuer.router())
        .listen()
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    LOG.info("reference issuer {} ({}) listening on {}:{}; TLS certificate {}", settings.identifier(), issuer.did(),
        settings.host(), settings.port(), settings.tls().certificatePem());
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        LOG.warn("the reference issuer did not stop cleanly: {}", e.toString());
      }
    }, "cairn-issuer-shutdown"));
  }
}
