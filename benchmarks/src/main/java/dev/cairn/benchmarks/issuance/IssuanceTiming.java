package dev.cairn.benchmarks.issuance;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * How long a full pre-authorized issuance takes, per format: from the offer link in the learner's hands to the
 * credential stored in the wallet — {@code POST /v1/offers} (offer, issuer and AS metadata) then
 * {@code POST /v1/offers/{id}/accept} (token, nonce, key proof signed with the holder key, credential, verification
 * with the issuer's did:web key, store, {@code credential_accepted}). The issuer making the offer
 * ({@code POST /issuer/offers}) is the operator's step and is not timed. One request at a time, so each figure is a
 * latency, not a throughput; a running Cairn and {@code ./cairn issuer} on the same machine (README.md, "Benchmarks").
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.cairn.benchmarks.issuance.IssuanceTiming \
 *      --wallet http://localhost:8080 --issuer https://localhost:8443 --trust $CAIRN_HOME/issuer/tls-cert.pem \
 *      --runs 100 --warmup 10
 * </pre>
 */
public final class IssuanceTiming {
  private static final List<String> CONFIGURATIONS = List.of("MicroCredential_dc+sd-jwt", "MicroCredential_jwt_vc_json",
      "MicroCredential_ldp_vc_eddsa-rdfc-2022", "MicroCredential_ldp_vc_ecdsa-sd-2023");
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final URI wallet;
  private final URI issuer;
  private final HttpClient walletClient = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private final HttpClient issuerClient;
  private String learner;

  private IssuanceTiming(URI wallet, URI issuer, Path trust) throws Exception {
    this.wallet = wallet;
    this.issuer = issuer;
    this.issuerClient = HttpClient.newBuilder().connectTimeout(TIMEOUT).sslContext(trusting(trust)).build();
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = options(args);
    IssuanceTiming timing = new IssuanceTiming(URI.create(options.getOrDefault("wallet", "http://localhost:8080")),
        URI.create(options.getOrDefault("issuer", "https://localhost:8443")), Path.of(options.get("trust")));
    int runs = Integer.parseInt(options.getOrDefault("runs", "100"));
    int warmup = Integer.parseInt(options.getOrDefault("warmup", "10"));
    timing.signUp();
    System.out.printf(Locale.ROOT, "%-40s %5s %8s %8s %8s %8s %8s%n", "configuration", "runs", "mean ms", "p50 ms",
        "p90 ms", "p99 ms", "max ms");
    for (String configuration : CONFIGURATIONS) {
      for (int i = 0; i < warmup; i++) {
        timing.issueOnce(configuration);
      }
      List<Long> nanos = new ArrayList<>();
      for (int i = 0; i < runs; i++) {
        nanos.add(timing.issueOnce(configuration));
      }
      Collections.sort(nanos);
      System.out.printf(Locale.ROOT, "%-40s %5d %8.1f %8.1f %8.1f %8.1f %8.1f%n", configuration, runs,
          nanos.stream().mapToLong(Long::longValue).average().orElse(0) / 1e6, percentile(nanos, 50) / 1e6,
          percentile(nanos, 90) / 1e6, percentile(nanos, 99) / 1e6, nanos.get(nanos.size() - 1) / 1e6);
    }
  }

  private void signUp() throws Exception {
    JsonObject account = new JsonObject().put("email", "timing-" + UUID.randomUUID() + "@example.org")
        .put("password", "a long enough password");
    expect(201, send(walletClient, post(wallet.resolve("/v1/accounts"), null, account)), "POST /v1/accounts");
    learner = new JsonObject(expect(201, send(walletClient, post(wallet.resolve("/v1/sessions"), null, account)),
        "POST /v1/sessions")).getString("accessToken");
  }

  /** One issuance: the offer is made (untimed), then scanned and accepted (timed). Nanoseconds. */
  private long issueOnce(String configuration) throws Exception {
    JsonObject offer = new JsonObject(expect(201, send(issuerClient, post(issuer.resolve("/issuer/offers"), null,
        new JsonObject().put("name", "Ada Lovelace").put("email", "ada@example.org")
            .put("achievement", new JsonObject().put("name", "Food Safety Level 2")
                .put("description", "Safe handling, storage and preparation of food.")
                .put("criteria", "Passed the written assessment and the kitchen audit.")
                .put("skills", new io.vertx.core.json.JsonArray().add("Food hygiene")).put("result", "Distinction"))
            .put("credential_configuration_ids", new io.vertx.core.json.JsonArray().add(configuration)))),
        "POST /issuer/offers"));
    long start = System.nanoTime();
    String offerId = new JsonObject(expect(201, send(walletClient, post(wallet.resolve("/v1/offers"), learner,
        new JsonObject().put("offer", offer.getString("offer_by_value")))), "POST /v1/offers")).getString("id");
    String accepted = expect(200, send(walletClient, post(wallet.resolve("/v1/offers/" + offerId + "/accept"), learner,
        new JsonObject().put("tx_code", offer.getString("tx_code")))), "POST /v1/offers/{id}/accept");
    long elapsed = System.nanoTime() - start;
    if (new JsonObject(accepted).getJsonArray("credentials").size() != 1) {
      throw new IllegalStateException(configuration + " stored no credential: " + accepted);
    }
    return elapsed;
  }

  private static HttpRequest post(URI uri, String token, JsonObject body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.encode()));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return request.build();
  }

  private static HttpResponse<String> send(HttpClient client, HttpRequest request) throws IOException, InterruptedException {
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static String expect(int status, HttpResponse<String> response, String call) {
    if (response.statusCode() != status) {
      throw new IllegalStateException(call + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }

  private static long percentile(List<Long> sorted, int percent) {
    int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }

  /** Trusts the issuer's (self-signed) certificate only: the demo issuer's TLS is made by {@code ./cairn issuer}. */
  private static SSLContext trusting(Path pem) throws Exception {
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    try (InputStream in = Files.newInputStream(pem)) {
      int i = 0;
      for (var certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        store.setCertificateEntry("issuer-" + i++, certificate);
      }
    }
    TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(store);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context;
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new java.util.HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("options are --name value pairs: " + args[i]);
      }
      options.put(args[i].substring(2), args[i + 1]);
    }
    if (!options.containsKey("trust")) {
      throw new IllegalArgumentException("--trust <the issuer's certificate PEM> is required");
    }
    return options;
  }
}
