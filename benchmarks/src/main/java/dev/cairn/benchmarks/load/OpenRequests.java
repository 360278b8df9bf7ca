package dev.cairn.benchmarks.load;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import dev.cairn.credentials.sdjwt.HashAlgorithm;
import dev.cairn.credentials.sdjwt.KeyBinding;
import dev.cairn.credentials.sdjwt.SdJwtBuilder;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The presentation scenario's set-up: an employer's open OpenID4VP requests, each already answered by a learner's
 * wallet in advance — an SD-JWT VC (ES256 issuer) bound to a learner's P-256 key, disclosing the learner's name,
 * with an ES256 KB-JWT for that request's nonce and client_id — so the measured requests are the wallet's POSTs to
 * the response URI alone. Every presentation answers a different request: a request takes one answer.
 */
final class OpenRequests {
  /** One request's answer: where it goes and the form body. */
  record Answer(URI responseUri, String form) {}

  /** "A micro-credential of this kind, with the learner's name" — the wallet discloses two of its disclosures. */
  static final JsonObject QUERY = new JsonObject().put("credentials", new JsonArray().add(new JsonObject()
      .put("id", "course").put("format", "dc+sd-jwt")
      .put("meta", new JsonObject().put("vct_values", new JsonArray().add(MicroCredentials.VCT)))
      .put("claims", new JsonArray()
          .add(new JsonObject().put("path", new JsonArray().add("achievement").add("name")))
          .add(new JsonObject().put("path", new JsonArray().add("given_name")))
          .add(new JsonObject().put("path", new JsonArray().add("family_name"))))));
  private static final int HOLDERS = 64;

  private final WalletClient client;
  private final MicroCredentials issuer;
  private static final java.security.Provider BOUNCY_CASTLE = new BouncyCastleProvider();

  private final List<ECDSASigner> holders = new ArrayList<>();
  private final List<String> credentials = new ArrayList<>();

  OpenRequests(WalletClient client, MicroCredentials issuer) {
    this.client = client;
    this.issuer = issuer;
    for (int i = 0; i < HOLDERS; i++) {
      try {
        ECKey holder = new ECKeyGenerator(Curve.P_256).generate();
        ECDSASigner signer = new ECDSASigner(holder);
        signer.getJCAContext().setProvider(BOUNCY_CASTLE);
        holders.add(signer);
        credentials.add(issuer.issueBoundTo(i, new JsonObject(holder.toPublicJWK().toJSONObject())));
      } catch (JOSEException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** Makes {@code count} requests as {@code employer} and answers each, with {@code threads} in parallel. */
  List<Answer> prepare(String employer, int count, int threads) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Answer>> answers = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int index = i;
        answers.add(pool.submit(() -> answer(employer, index)));
      }
      List<Answer> ready = new ArrayList<>(count);
      for (Future<Answer> answer : answers) {
        ready.add(answer.get());
      }
      return ready;
    } finally {
      pool.shutdown();
    }
  }

  /** The measured call: the wallet's direct_post to the response URI (OpenID4VP 1.0 §8.2). */
  HttpRequest post(Answer answer) {
    return HttpRequest.newBuilder(answer.responseUri()).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(BodyPublishers.ofString(answer.form(), StandardCharsets.US_ASCII)).build();
  }

  private Answer answer(String employer, int index) throws IOException, InterruptedException, JOSEException {
    JsonObject request = new JsonObject(WalletClient.expect(201, client.send(client.createRequest(employer,
        new JsonObject().put("dcql_query", QUERY).put("purpose", "Load test").put("response_mode", "direct_post")
            .put("expires_in", 3600))), "POST /v1/verifier/requests").text());
    String requestObject = WalletClient.expect(200, client.send(client.get(URI.create(request.getString("request_uri")))),
        "GET request_uri").text();
    JsonObject claims = new JsonObject(new String(Base64URL.from(requestObject.split("\\.")[1]).decode(),
        StandardCharsets.UTF_8));
    String disclosed = SdJwtBuilder.present(credentials.get(index % HOLDERS), java.util.Set.of("given_name", "family_name"));
    String presentation = disclosed + KeyBinding.create(disclosed, HashAlgorithm.SHA_256, holders.get(index % HOLDERS),
        JWSAlgorithm.ES256,
        claims.getString("nonce"), claims.getString("client_id"), Instant.now());
    String vpToken = new JsonObject().put("course", new JsonArray().add(presentation)).encode();
    String form = "vp_token=" + URLEncoder.encode(vpToken, StandardCharsets.UTF_8)
        + "&state=" + URLEncoder.encode(claims.getString("state"), StandardCharsets.UTF_8);
    return new Answer(URI.create(claims.getString("response_uri")), form);
  }

  static int defaultCount(Duration warmup, Duration duration) {
    // Enough for 1,600 answers/s (twice the target) over warm-up and measurement.
    return (int) Math.min(200_000, warmup.plus(duration).toSeconds() * 1_600);
  }
}
