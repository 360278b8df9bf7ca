package dev.cairn.issuer.testing;

import dev.cairn.credentials.CredentialVerifier;
import dev.cairn.credentials.jsonld.CanonicalizationLimits;
import dev.cairn.credentials.jsonld.PinnedContexts;
import dev.cairn.credentials.jsonld.RdfCanonicalizer;
import dev.cairn.did.DidResolver;
import dev.cairn.did.fetch.FetchPolicy;
import dev.cairn.did.fetch.HardenedFetch;
import dev.cairn.did.testing.Await;
import dev.cairn.did.testing.SelfSignedCertificate;
import dev.cairn.did.testing.TestClock;
import dev.cairn.issuer.client.IssuanceClient;
import dev.cairn.issuer.reference.ReferenceIssuer;
import dev.cairn.issuer.reference.ReferenceIssuerConfig;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * The whole story on loopback: a reference issuer on a real HTTPS server (certificate for "localhost" made here),
 * and a wallet client whose hardened fetch trusts that certificate and allows "localhost" only. One clock for
 * both, moved by the test.
 */
public final class IssuanceWorld implements AutoCloseable {
  public final TestClock clock = new TestClock();
  public final Vertx vertx = Vertx.vertx();
  public final SelfSignedCertificate certificate = SelfSignedCertificate.forDnsName("localhost");
  public final Path trustPem;
  public final HttpServer server;
  public final ReferenceIssuer issuer;
  public final HardenedFetch fetch;
  public final DidResolver resolver;
  public final IssuanceClient client;
  private final AtomicReference<io.vertx.core.Handler<io.vertx.core.http.HttpServerRequest>> interceptor =
      new AtomicReference<>();

  public IssuanceWorld() {
    this(UnaryOperator.identity(), UnaryOperator.identity());
  }

  public IssuanceWorld(UnaryOperator<ReferenceIssuerConfig> issuerConfig, UnaryOperator<FetchPolicy> fetchPolicy) {
    this(issuerConfig, fetchPolicy, dev.cairn.issuer.reference.AuthorizationSettings.defaults());
  }

  /** An issuer whose Authorization Code Flow runs with {@code authorization} (PAR not offered, required...). */
  public IssuanceWorld(dev.cairn.issuer.reference.AuthorizationSettings authorization) {
    this(UnaryOperator.identity(), UnaryOperator.identity(), authorization);
  }

  public IssuanceWorld(UnaryOperator<ReferenceIssuerConfig> issuerConfig, UnaryOperator<FetchPolicy> fetchPolicy,
                       dev.cairn.issuer.reference.AuthorizationSettings authorization) {
    try {
      trustPem = certificate.writeCertificate(Files.createTempDirectory("cairn-issuer-test"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    AtomicReference<Router> router = new AtomicReference<>();
    server = Await.result(vertx.createHttpServer(new HttpServerOptions().setSsl(true).setHost("127.0.0.1").setPort(0)
            .setKeyCertOptions(new PemKeyCertOptions()
                .setCertValue(Buffer.buffer(certificate.certificatePem()))
                .setKeyValue(Buffer.buffer(certificate.privateKeyPem()))))
        .requestHandler(request -> {
          if (interceptor.get() != null && request.method() == io.vertx.core.http.HttpMethod.POST
              && request.path().equals("/credential")) {
            interceptor.get().handle(request);
          } else {
            router.get().handle(request);
          }
        })
        .listen());
    fetch = new HardenedFetch(vertx, fetchPolicy.apply(clientPolicy()));
    resolver = DidResolver.create(fetch, clock);
    ReferenceIssuerConfig config = issuerConfig.apply(ReferenceIssuerConfig.defaults(URI.create(origin())));
    issuer = ReferenceIssuer.create(vertx, config, authorization, resolver, clock);
    router.set(issuer.router());
    client = new IssuanceClient(fetch, verifier(resolver, fetch), resolver, clock);
  }

  /**
   * The wallet's verifier, with a canonicalization deadline of seconds rather than the production 250 ms: a cold
   * JVM on a busy two-core CI machine is not what these tests are about.
   */
  private CredentialVerifier verifier(DidResolver resolver, HardenedFetch fetch) {
    return new CredentialVerifier(resolver, fetch, vertx.createSharedWorkerExecutor("test-crypto", 2), clock,
        new RdfCanonicalizer(PinnedContexts.bundled(), new CanonicalizationLimits(java.time.Duration.ofSeconds(5),
            CanonicalizationLimits.DEFAULT.maxQuads(), CanonicalizationLimits.DEFAULT.maxBlankNodes())));
  }

  /** A wallet client of its own, with {@code policy} (another trust anchor, no allow-list, a smaller cap...). */
  public IssuanceClient clientWith(FetchPolicy policy) {
    HardenedFetch own = new HardenedFetch(vertx, policy);
    DidResolver ownResolver = DidResolver.create(own, clock);
    return new IssuanceClient(own, verifier(ownResolver, own), ownResolver, clock);
  }

  /**
   * Turns the issuer into a man in the middle of its own Credential Endpoint: each Credential Request body is
   * rewritten by {@code rewrite} and sent to the real endpoint (the same issuer on a second loopback server), whose
   * answer goes back unchanged.
   */
  public void rewriteCredentialRequests(UnaryOperator<JsonObject> rewrite) {
    HttpServer upstream = Await.result(vertx.createHttpServer(new HttpServerOptions().setSsl(true).setHost("127.0.0.1")
            .setPort(0).setKeyCertOptions(new PemKeyCertOptions()
                .setCertValue(Buffer.buffer(certificate.certificatePem()))
                .setKeyValue(Buffer.buffer(certificate.privateKeyPem()))))
        .requestHandler(issuer.router()).listen());
    URI target = URI.create("https://localhost:" + upstream.actualPort() + "/credential");
    interceptor.set(request -> request.body().onSuccess(body -> {
      var outbound = dev.cairn.did.fetch.OutboundRequest.post(target, "application/json",
              Buffer.buffer(rewrite.apply(body.toJsonObject()).encode()), Set.of("application/json"))
          .acceptingStatuses(202, 400, 401).withHeader("Authorization", request.getHeader("Authorization"));
      fetch.send(outbound).onSuccess(answer -> request.response().setStatusCode(answer.status())
          .putHeader("Content-Type", "application/json").end(answer.body()));
    }));
  }

  /** The wallet's usual policy in tests: the loopback issuer is allowed by name, its certificate trusted. */
  public FetchPolicy clientPolicy() {
    // A generous deadline: the tests about deadlines set their own.
    return FetchPolicy.defaults().allowingPrivateHosts(Set.of("localhost")).trusting(trustPem)
        .withDeadline(java.time.Duration.ofSeconds(15));
  }

  public String origin() {
    return "https://localhost:" + server.actualPort();
  }

  /** An offer as the operator makes it: POST /issuer/offers through a plain client. */
  public JsonObject offer(JsonObject request) {
    HardenedFetch operator = new HardenedFetch(vertx, clientPolicy());
    var answer = Await.result(operator.send(dev.cairn.did.fetch.OutboundRequest.post(URI.create(origin() + "/issuer/offers"),
        "application/json", Buffer.buffer(request.encode()), Set.of("application/json")).acceptingStatuses(201)));
    return answer.jsonObject().orElseThrow();
  }

  public static JsonObject offerRequest(String... configurationIds) {
    JsonObject request = new JsonObject()
        .put("name", "Ada Lovelace")
        .put("email", "ada@example.org")
        .put("achievement", new JsonObject()
            .put("name", "Food Safety Level 2")
            .put("description", "Safe handling, storage and preparation of food in a commercial kitchen.")
            .put("criteria", "Passed the written assessment and the practical kitchen audit.")
            .put("skills", new io.vertx.core.json.JsonArray().add("Food hygiene").add("Allergen control"))
            .put("result", "Distinction"));
    if (configurationIds.length > 0) {
      request.put("credential_configuration_ids", new io.vertx.core.json.JsonArray(java.util.List.of((Object[]) configurationIds)));
    }
    return request;
  }

  @Override
  public void close() {
    Await.result(vertx.close());
  }
}
