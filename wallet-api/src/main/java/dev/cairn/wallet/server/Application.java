package dev.cairn.wallet.server;

import dev.cairn.wallet.account.AccountRoutes;
import dev.cairn.wallet.account.AccountService;
import dev.cairn.wallet.account.SessionService;
import dev.cairn.wallet.auth.AccessTokens;
import dev.cairn.wallet.auth.BearerAuthHandler;
import dev.cairn.wallet.auth.CairnTokenAuthenticator;
import dev.cairn.wallet.auth.ExternalIdentities;
import dev.cairn.wallet.auth.LoginThrottle;
import dev.cairn.wallet.auth.OidcKeys;
import dev.cairn.wallet.auth.OidcTokenAuthenticator;
import dev.cairn.wallet.auth.PasswordHasher;
import dev.cairn.wallet.config.CairnConfig;
import dev.cairn.wallet.http.AccessLog;
import dev.cairn.wallet.http.ApiJson;
import dev.cairn.wallet.http.Drain;
import dev.cairn.wallet.http.FailureHandler;
import dev.cairn.wallet.did.DidResolutionRoutes;
import dev.cairn.wallet.http.JsonBody;
import dev.cairn.wallet.http.RateLimiter;
import dev.cairn.wallet.http.RequestId;
import dev.cairn.wallet.http.PublicOrigin;
import dev.cairn.wallet.http.RouteTable;
import dev.cairn.credentials.presentation.PresentationBuilder;
import dev.cairn.wallet.presentation.PresentationExchangeRoutes;
import dev.cairn.wallet.presentation.PresentationExchanges;
import dev.cairn.wallet.share.ShareLinkRoutes;
import dev.cairn.wallet.share.ShareLinks;
import dev.cairn.wallet.verifier.PresentationRequestRoutes;
import dev.cairn.wallet.verifier.PresentationRequests;
import dev.cairn.wallet.verifier.PresentationResponses;
import dev.cairn.wallet.verifier.VerifierKeys;
import dev.cairn.wallet.ops.OperationsRoutes;
import dev.cairn.credentials.CredentialVerifier;
import dev.cairn.credentials.jsonld.CanonicalizationLimits;
import dev.cairn.credentials.jsonld.PinnedContexts;
import dev.cairn.credentials.jsonld.RdfCanonicalizer;
import dev.cairn.wallet.activity.ActivityLog;
import dev.cairn.wallet.activity.ActivityRoutes;
import dev.cairn.wallet.credential.CredentialRoutes;
import dev.cairn.wallet.credential.CredentialService;
import dev.cairn.wallet.idempotency.IdempotentRequests;
import dev.cairn.wallet.paging.Cursors;
import dev.cairn.wallet.employer.ApiKeys;
import dev.cairn.wallet.employer.VerifierRoutes;
import dev.cairn.wallet.employer.pages.EmployerPages;
import dev.cairn.wallet.archive.ArchiveRoutes;
import dev.cairn.wallet.archive.ArchiveService;
import dev.cairn.wallet.jobs.ExpiryCleanupJob;
import dev.cairn.wallet.jobs.JobLease;
import dev.cairn.issuer.client.IssuanceClient;
import dev.cairn.wallet.issuance.CredentialDeletedJob;
import dev.cairn.wallet.issuance.DeferredCollectionJob;
import dev.cairn.wallet.issuance.OfferAuthorizations;
import dev.cairn.wallet.issuance.OfferRoutes;
import dev.cairn.wallet.issuance.WalletOffers;
import dev.cairn.wallet.jobs.StatusRecheckJob;
import dev.cairn.wallet.jobs.WebhookDeliveryJob;
import dev.cairn.wallet.verifier.Webhooks;
import java.time.Duration;
import java.util.UUID;
import dev.cairn.wallet.stack.StackRoutes;
import dev.cairn.wallet.stack.StackService;
import dev.cairn.wallet.stack.StackSuggestions;
import dev.cairn.wallet.holder.HolderKeyRoutes;
import dev.cairn.wallet.holder.HolderKeys;
import dev.cairn.did.DidResolver;
import dev.cairn.did.fetch.HardenedFetch;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.vertx.ext.web.AllowForwardHeaders;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;

/**
 * Wires services to routes. The request chain every route shares, in order: request id → access log → drain
 * (refuse new work while shutting down) → the route's own stages (see {@link RouteTable}) → failure handler.
 */
final class Application {
  private static final Logger LOG = LoggerFactory.getLogger(Application.class);
  private final Router router;
  private final RouteTable routes;
  private final Drain drain = new Drain();
  private final HardenedFetch fetcher;
  private final HolderKeys holderKeys;
  private final StatusRecheckJob statusJob;
  private final WebhookDeliveryJob webhookJob;
  private final DeferredCollectionJob deferredJob;
  private final CredentialDeletedJob deletedJob;
  private final ExpiryCleanupJob cleanupJob;
  private final Duration jobTick;
  private final PublicOrigin origin;
  private final EmployerPages employerPages;

  Application(Vertx vertx, CairnConfig config, Infrastructure infrastructure, Workers workers,
              PrometheusMeterRegistry metrics, Clock clock) {
    var pool = infrastructure.database().pool();
    ApiJson json = new ApiJson(config.http().maxJsonDepth());
    JsonBody bodies = new JsonBody(json, config.http().maxJsonDepth());
    PasswordHasher hasher = new PasswordHasher();
    AccessTokens accessTokens = new AccessTokens(infrastructure.signingKey(), config.tokens(), clock);
    this.holderKeys = new HolderKeys(pool, infrastructure.keyRing(), workers, clock);
    this.fetcher = new HardenedFetch(vertx, config.outboundFetch());
    DidResolver resolver = DidResolver.create(fetcher, clock);
    Optional<OidcTokenAuthenticator> oidc = config.oidc().map(provider -> new OidcTokenAuthenticator(provider,
        new OidcKeys(provider.issuer(), fetcher, clock), new ExternalIdentities(pool, holderKeys, clock), workers, clock));
    ApiKeys apiKeys = new ApiKeys(pool, clock);
    BearerAuthHandler authentication = new BearerAuthHandler(accessTokens.issuer(),
        new CairnTokenAuthenticator(accessTokens, workers, pool, clock), oidc, Optional.of(apiKeys));

    metrics.gauge("cairn.http.requests.in.flight", drain, Drain::inFlight);
    this.router = Router.router(vertx);
    if (config.http().trustForwardedHeaders()) {
      router.allowForward(AllowForwardHeaders.ALL);
    }
    router.route().handler(new RequestId()).handler(new AccessLog()).handler(drain);
    this.routes = new RouteTable(router, authentication, json, config.http().maxBodyBytes());

    AccountService accounts = new AccountService(infrastructure.database(), hasher, holderKeys, workers, clock);
    SessionService sessions = new SessionService(infrastructure.database(), hasher, accessTokens,
        new LoginThrottle(pool, config.loginThrottling(), clock), workers, clock, config.tokens().refreshTokenTtl());
    new AccountRoutes(accounts, sessions, bodies).register(routes);
    new HolderKeyRoutes(holderKeys).register(routes);
    Cursors cursors = new Cursors(infrastructure.keyRing().current().derive("page-cursors"));
    ActivityLog activity = new ActivityLog(clock);
    RdfCanonicalizer canonicalizer = new RdfCanonicalizer(PinnedContexts.bundled(), new CanonicalizationLimits(
        config.wallet().canonicalizationDeadline(), CanonicalizationLimits.DEFAULT.maxQuads(),
        CanonicalizationLimits.DEFAULT.maxBlankNodes()));
    CredentialVerifier verifier = new CredentialVerifier(resolver, fetcher, workers.cryptoExecutor(), clock, canonicalizer);
    CredentialService credentials = new CredentialService(pool, verifier, holderKeys, activity, workers, clock);
    IdempotentRequests idempotency = new IdempotentRequests(pool, clock);
    new CredentialRoutes(credentials, cursors, idempotency, bodies, config.wallet().credentialMaxBytes(), clock)
        .register(routes);
    this.statusJob = new StatusRecheckJob(vertx, credentials,
        new JobLease(pool, "status-recheck", UUID.randomUUID().toString(), Duration.ofMinutes(5), clock),
        config.wallet().statusRecheckInterval(), config.wallet().statusRecheckConcurrency(), clock, metrics);
    this.cleanupJob = new ExpiryCleanupJob(vertx, pool,
        new JobLease(pool, "expiry-cleanup", UUID.randomUUID().toString(), Duration.ofMinutes(5), clock),
        config.retention(), config.loginThrottling().window(), clock, metrics);
    this.jobTick = config.wallet().jobTick();
    new ActivityRoutes(pool, cursors).register(routes);
    new VerifierRoutes(apiKeys, verifier, workers, bodies, config.wallet().credentialMaxBytes()).register(routes);
    this.origin = new PublicOrigin(config.http().publicUrl(), config.http().host());
    VerifierKeys verifierKeys = new VerifierKeys(pool, infrastructure.keyRing(), workers, clock);
    Webhooks webhooks = new Webhooks(pool, verifierKeys, fetcher, clock);
    this.webhookJob = new WebhookDeliveryJob(vertx, webhooks,
        new JobLease(pool, "webhook-delivery", UUID.randomUUID().toString(), Duration.ofMinutes(5), clock), metrics);
    new PresentationRequestRoutes(
        new PresentationRequests(pool, verifierKeys, infrastructure.keyRing(), origin, workers, clock),
        new PresentationResponses(pool, verifier, infrastructure.keyRing(), webhooks, workers, clock), bodies, workers)
        .register(routes);
    PresentationBuilder presentations = new PresentationBuilder(clock, canonicalizer);
    new PresentationExchangeRoutes(new PresentationExchanges(pool, fetcher, resolver, holderKeys, presentations,
        activity, workers, clock), idempotency, bodies).register(routes);
    new ShareLinkRoutes(new ShareLinks(pool, verifier, presentations, activity, origin, workers, clock), bodies)
        .register(routes);
    IssuanceClient issuance = new IssuanceClient(fetcher, verifier, resolver, clock);
    WalletOffers walletOffers = new WalletOffers(pool, issuance, credentials, holderKeys, infrastructure.keyRing(),
        activity, workers, config.issuance().offerLifetime(), clock);
    new OfferRoutes(walletOffers, new OfferAuthorizations(pool, walletOffers, issuance, infrastructure.keyRing(),
        config.issuance(), clock), bodies).register(routes);
    this.deferredJob = new DeferredCollectionJob(vertx, pool, issuance, credentials, infrastructure.keyRing(), activity,
        new JobLease(pool, "deferred-collection", UUID.randomUUID().toString(), Duration.ofMinutes(5), clock), clock,
        metrics);
    this.deletedJob = new CredentialDeletedJob(vertx, pool, issuance, infrastructure.keyRing(),
        new JobLease(pool, "credential-deleted", UUID.randomUUID().toString(), Duration.ofMinutes(5), clock), clock,
        metrics);
    StackService stacks = new StackService(pool, clock);
    new StackRoutes(stacks, new StackSuggestions(pool), bodies).register(routes);
    new ArchiveRoutes(new ArchiveService(pool, credentials, stacks, activity, workers, clock,
        config.wallet().archiveMaxBytes(), config.wallet().credentialMaxBytes()), bodies,
        config.wallet().archiveMaxBytes()).register(routes);
    new DidResolutionRoutes(resolver,
        new RateLimiter(config.resolverRequestsPerMinute(), clock)).register(routes);
    new OperationsRoutes(pool, infrastructure.schemaVersion(), drain, metrics, openApiDocument()).register(routes);
    // Before the API's failure handler, so that failures under /employer/ become pages (docs/employer-pages.md).
    this.employerPages = new EmployerPages(vertx, sessions,
        infrastructure.keyRing().current().derive("employer-pages-csrf"), config.http().host());
    employerPages.register(router);

    FailureHandler failures = new FailureHandler();
    router.route().failureHandler(failures);
    for (int status : new int[] {400, 404, 405, 413, 415, 500}) {
      router.errorHandler(status, failures);
    }
  }

  /** Start-up work that needs the database: holder keys still sealed under a rotated-out KEK are re-sealed. */
  Future<Void> beforeListening() {
    return holderKeys.resealUnderCurrentKey()
        .onSuccess(count -> {
          if (count > 0) {
            LOG.info("re-sealed {} holder keys under the current key-encryption key", count);
          }
        })
        .mapEmpty();
  }

  /** Background work, once the server takes requests. */
  void startJobs() {
    statusJob.start(jobTick);
    webhookJob.start(jobTick);
    deferredJob.start(jobTick);
    deletedJob.start(jobTick);
    cleanupJob.start(jobTick);
  }

  void stopJobs() {
    statusJob.stop();
    webhookJob.stop();
    deferredJob.stop();
    deletedJob.stop();
    cleanupJob.stop();
  }

  Router router() {
    return router;
  }

  RouteTable routes() {
    return routes;
  }

  /** Called once the listener has its port: URLs handed out name it when no public URL is configured. */
  void listening(int port) {
    origin.listening(port);
    employerPages.listening(port);
  }

  Drain drain() {
    return drain;
  }

  HardenedFetch fetcher() {
    return fetcher;
  }

  static String openApiDocument() {
    try (InputStream in = Application.class.getResourceAsStream("/openapi.yaml")) {
      if (in == null) {
        throw new IllegalStateException("openapi.yaml is missing from the build");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
