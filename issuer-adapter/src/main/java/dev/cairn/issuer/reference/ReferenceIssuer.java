package dev.cairn.issuer.reference;

import dev.cairn.credentials.CryptoPool;
import dev.cairn.credentials.jsonld.CanonicalizationLimits;
import dev.cairn.credentials.jsonld.PinnedContexts;
import dev.cairn.credentials.jsonld.RdfCanonicalizer;
import dev.cairn.did.DidResolver;
import dev.cairn.did.web.DidWebUrl;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.time.Duration;

/**
 * A demo OpenID4VCI 1.0 Credential Issuer (and its own Authorization Server) for Open Badges 3.0
 * micro-credentials, so that issue → hold → present runs on one machine. It is one instance with its state in
 * memory: offers, codes, tokens, nonces, deferred transactions and its signing keys die with it. Not for production.
 *
 * <p>Mount {@link #router()} at the root of an HTTPS server whose origin is the issuer identifier's: it serves the
 * well-known documents at the host's root and the endpoints under the identifier's path.
 */
public final class ReferenceIssuer {
  /**
   * The issuer canonicalizes only documents it built itself, so the deadline guards nothing hostile; the verifier's
   * 250 ms default is too tight for an ecdsa-sd-2023 base proof on a cold JVM (seen as a 500 in the first tests).
   */
  private static final CanonicalizationLimits SIGNING_LIMITS = new CanonicalizationLimits(Duration.ofSeconds(5),
      CanonicalizationLimits.DEFAULT.maxQuads(), CanonicalizationLimits.DEFAULT.maxBlankNodes());
  private final ReferenceIssuerConfig config;
  private final IssuerSigningKeys keys;
  private final Notifications notifications = new Notifications();
  private final ReferenceIssuerRoutes routes;

  private final AuthorizationRoutes authorization;

  private ReferenceIssuer(Vertx vertx, ReferenceIssuerConfig config, AuthorizationSettings settings,
                          DidResolver resolver, Clock clock) {
    this.config = config;
    this.keys = IssuerSigningKeys.generate(DidWebUrl.didOf(config.issuer()));
    IssuerEndpoints endpoints = new IssuerEndpoints(config);
    CryptoPool crypto = new CryptoPool(vertx.createSharedWorkerExecutor("cairn-reference-issuer", 2));
    RdfCanonicalizer canonicalizer = new RdfCanonicalizer(PinnedContexts.bundled(), SIGNING_LIMITS);
    PreAuthorizedGrants grants = new PreAuthorizedGrants(config, clock);
    AccessTokens tokens = new AccessTokens(config, clock);
    IssuerStates issuerStates = new IssuerStates(config, clock);
    AuthorizationCodes codes = new AuthorizationCodes(settings, tokens, clock);
    this.authorization = new AuthorizationRoutes(config, settings, endpoints, issuerStates,
        new PushedAuthorizationRequests(settings, clock), new Consents(settings, clock), codes);
    CNonces nonces = new CNonces(config, clock);
    StatusLists statusLists = new StatusLists(endpoints, keys, crypto, clock);
    IssuedCredentials issued = new IssuedCredentials(statusLists, clock);
    OperatorAuthorization operator = new OperatorAuthorization(config.adminToken());
    CredentialService credentials = new CredentialService(config, new KeyProofVerifier(config, resolver, crypto, clock),
        nonces, new CredentialMinter(config, keys, canonicalizer, clock), new DeferredTransactions(config, clock),
        notifications, crypto, issued);
    this.routes = new ReferenceIssuerRoutes(vertx, config, settings, endpoints, keys,
        new CredentialOffers(config, endpoints, grants, issuerStates, clock), new TokenService(config, grants, codes, tokens),
        tokens, nonces, credentials, notifications, operator, new OperatorRoutes(endpoints, operator, issued),
        new StatusListRoutes(endpoints, statusLists), new OfferQrCodes(crypto),
        new SignedIssuerMetadata(config, keys, crypto, clock));
  }

  /** A new issuer with fresh keys; {@code resolver} resolves holders' did:jwk and did:key proof keys. */
  public static ReferenceIssuer create(Vertx vertx, ReferenceIssuerConfig config, DidResolver resolver, Clock clock) {
    return new ReferenceIssuer(vertx, config, AuthorizationSettings.defaults(), resolver, clock);
  }

  /** The same, with how the Authorization Code Flow runs (PAR required, lifetimes). */
  public static ReferenceIssuer create(Vertx vertx, ReferenceIssuerConfig config, AuthorizationSettings settings,
                                       DidResolver resolver, Clock clock) {
    return new ReferenceIssuer(vertx, config, settings, resolver, clock);
  }

  /** A new router with every endpoint; mount it at the server's root. */
  public Router router() {
    Router router = routes.router();
    authorization.mount(router);
    return router;
  }

  /** The issuer's did:web DID, which every credential it signs names as issuer. */
  public String did() {
    return keys.did();
  }

  public ReferenceIssuerConfig config() {
    return config;
  }

  /** What Wallets reported at the Notification Endpoint. */
  public Notifications notifications() {
    return notifications;
  }
}
