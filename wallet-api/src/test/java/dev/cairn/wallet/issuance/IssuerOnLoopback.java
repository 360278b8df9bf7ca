package dev.cairn.wallet.issuance;

import dev.cairn.did.DidResolver;
import dev.cairn.did.fetch.FetchPolicy;
import dev.cairn.did.fetch.HardenedFetch;
import dev.cairn.did.fetch.OutboundRequest;
import dev.cairn.did.testing.SelfSignedCertificate;
import dev.cairn.issuer.reference.AuthorizationSettings;
import dev.cairn.issuer.reference.ReferenceIssuer;
import dev.cairn.issuer.reference.ReferenceIssuerConfig;
import dev.cairn.wallet.testing.CairnUnderTest;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.PemTrustOptions;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.PemKeyCertOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The reference issuer on a real HTTPS server on loopback (a certificate for "localhost" made here), and the
 * settings a Cairn under test needs to reach it: "localhost" allowed as a private host, the certificate trusted.
 * The issuer is made once Cairn runs, on Cairn's test clock, so one {@code advance} moves both.
 */
final class IssuerOnLoopback implements AutoCloseable {
  private final Vertx vertx = Vertx.vertx();
  private final SelfSignedCertificate certificate = SelfSignedCertificate.forDnsName("localhost");
  private final Path trustPem;
  private final HttpServer server;
  private final AtomicReference<Handler<HttpServerRequest>> router = new AtomicReference<>();
  private final AtomicReference<Handler<HttpServerRequest>> plainRouter = new AtomicReference<>();
  private final AtomicReference<Handler<HttpServerRequest>> credentialEndpoint = new AtomicReference<>();
  private final Map<String, java.util.concurrent.atomic.AtomicInteger> requests = new java.util.concurrent.ConcurrentHashMap<>();
  private ReferenceIssuer issuer;

  IssuerOnLoopback() {
    try {
      trustPem = certificate.writeCertificate(Files.createTempDirectory("cairn-issuance-test"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server = CairnUnderTest.await(vertx.createHttpServer(new HttpServerOptions().setSsl(true).setHost("127.0.0.1")
            .setPort(0).setKeyCertOptions(new PemKeyCertOptions()
                .setCertValue(Buffer.buffer(certificate.certificatePem()))
                .setKeyValue(Buffer.buffer(certificate.privateKeyPem()))))
        .requestHandler(request -> {
          requests.computeIfAbsent(request.method() + " " + request.path(),
              key -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
          if (credentialEndpoint.get() != null && request.method() == HttpMethod.POST && request.path().equals("/credential")) {
            credentialEndpoint.get().handle(request);
          } else if (plainRouter.get() != null && (request.path().startsWith(PLAIN + "/") || request.path().endsWith(PLAIN))) {
            plainRouter.get().handle(request);
          } else {
            router.get().handle(request);
          }
        })
        .listen());
  }

  /** What Cairn is started with to reach this issuer. */
  Map<String, String> cairnEnvironment() {
    return Map.of("CAIRN_HTTP_ALLOW_PRIVATE_HOSTS", "localhost", "CAIRN_HTTP_TRUST_PEM", trustPem.toString(),
        "CAIRN_JOB_TICK_MS", "100");
  }

  void start(Clock clock) {
    HardenedFetch fetch = new HardenedFetch(vertx, FetchPolicy.defaults());
    issuer = ReferenceIssuer.create(vertx, ReferenceIssuerConfig.defaults(URI.create(origin())),
        DidResolver.create(fetch, clock), clock);
    router.set(issuer.router());
    // A second issuer on the same server, under a path, whose Authorization Server has no PAR endpoint.
    plainRouter.set(ReferenceIssuer.create(vertx, ReferenceIssuerConfig.defaults(URI.create(origin() + PLAIN)),
        AuthorizationSettings.defaults().with(AuthorizationSettings.PushedRequests.NOT_OFFERED),
        DidResolver.create(fetch, clock), clock).router());
  }

  /** The path of the issuer without PAR: its identifier is {@code origin() + PLAIN}. */
  static final String PLAIN = "/plain";

  /**
   * The learner's browser: opens {@code authorizationUrl}, reads the confirmation page, approves (or declines) with
   * its form over real HTTPS, and answers the redirect's Location — the callback the app hands to Cairn.
   */
  String approveInBrowser(String authorizationUrl, boolean approve) {
    HttpClient browser = vertx.createHttpClient(new HttpClientOptions().setSsl(true)
        .setTrustOptions(new PemTrustOptions().addCertPath(trustPem.toString())));
    String page = CairnUnderTest.await(browser.request(new RequestOptions().setMethod(HttpMethod.GET)
            .setAbsoluteURI(authorizationUrl)).compose(HttpClientRequest::send)
        .compose(response -> response.body().map(Buffer::toString)));
    Matcher consent = Pattern.compile("name=\"consent\" value=\"([^\"]+)\"").matcher(page);
    Matcher action = Pattern.compile("<form method=\"post\" action=\"([^\"]+)\"").matcher(page);
    if (!consent.find() || !action.find()) {
      throw new AssertionError("no confirmation form: " + page);
    }
    String form = "consent=" + consent.group(1) + "&decision=" + (approve ? "approve" : "deny");
    return CairnUnderTest.await(browser.request(new RequestOptions().setMethod(HttpMethod.POST)
            .setAbsoluteURI(origin() + action.group(1)).setFollowRedirects(false)
            .putHeader("Content-Type", "application/x-www-form-urlencoded"))
        .compose(request -> request.send(Buffer.buffer(form)))
        .map(response -> {
          if (response.statusCode() != 303) {
            throw new AssertionError("the confirmation answered " + response.statusCode());
          }
          return response.getHeader("Location");
        }));
  }

  /** How many requests the issuer received for {@code "POST /deferred_credential"} (method, space, path). */
  int requestsTo(String methodAndPath) {
    java.util.concurrent.atomic.AtomicInteger count = requests.get(methodAndPath);
    return count == null ? 0 : count.get();
  }

  ReferenceIssuer issuer() {
    return issuer;
  }

  String origin() {
    return "https://localhost:" + server.actualPort();
  }

  /** The issuer's Credential Endpoint answers with {@code handler} instead, until {@link #restoreCredentialEndpoint}. */
  void replaceCredentialEndpoint(Handler<HttpServerRequest> handler) {
    credentialEndpoint.set(handler);
  }

  void restoreCredentialEndpoint() {
    credentialEndpoint.set(null);
  }

  /** An offer as the operator makes it ({@code POST /issuer/offers}) for the given configurations. */
  JsonObject offer(boolean deferred, String... configurationIds) {
    return offer("", deferred, null, configurationIds);
  }

  /** An offer with the authorization_code grant, from the issuer at {@code path} ("" or {@link #PLAIN}). */
  JsonObject authorizationCodeOffer(String path, String... configurationIds) {
    return offer(path, false, "authorization_code", configurationIds);
  }

  private JsonObject offer(String path, boolean deferred, String grant, String... configurationIds) {
    JsonObject request = new JsonObject()
        .put("name", "Ada Lovelace")
        .put("email", "ada@example.org")
        .put("achievement", new JsonObject()
            .put("name", "Food Safety Level 2")
            .put("description", "Safe handling, storage and preparation of food in a commercial kitchen.")
            .put("criteria", "Passed the written assessment and the practical kitchen audit.")
            .put("skills", new JsonArray().add("Food hygiene").add("Allergen control"))
            .put("result", "Distinction"))
        .put("deferred", deferred);
    if (grant != null) {
      request.put("grant", grant);
    }
    if (configurationIds.length > 0) {
      request.put("credential_configuration_ids", new JsonArray(List.of((Object[]) configurationIds)));
    }
    HardenedFetch operator = new HardenedFetch(vertx, FetchPolicy.defaults().withDeadline(java.time.Duration.ofSeconds(30)).allowingPrivateHosts(Set.of("localhost"))
        .trusting(trustPem));
    return CairnUnderTest.await(operator.send(OutboundRequest.post(URI.create(origin() + path + "/issuer/offers"),
            "application/json", Buffer.buffer(request.encode()), Set.of("application/json")).acceptingStatuses(201)))
        .jsonObject().orElseThrow();
  }

  @Override
  public void close() {
    CairnUnderTest.await(vertx.close());
  }
}
