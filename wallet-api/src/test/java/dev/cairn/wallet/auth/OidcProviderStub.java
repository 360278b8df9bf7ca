package dev.cairn.wallet.auth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small real OpenID Connect provider for tests: an HTTP server on loopback serving a discovery document and a
 * JWKS, and signing RS256 access tokens with keys it can rotate.
 */
final class OidcProviderStub implements AutoCloseable {
  final AtomicInteger jwksFetches = new AtomicInteger();
  private final HttpServer server;
  private volatile RSAKey current;

  OidcProviderStub() throws Exception {
    this.current = newKey("key-1");
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/.well-known/openid-configuration", exchange -> respond(exchange,
        "{\"issuer\":\"" + issuer() + "\",\"jwks_uri\":\"" + issuer() + "/jwks\",\"id_token_signing_alg_values_supported\":[\"RS256\"]}"));
    server.createContext("/jwks", exchange -> {
      jwksFetches.incrementAndGet();
      respond(exchange, new JWKSet(current.toPublicJWK()).toString());
    });
    server.start();
  }

  String issuer() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The provider starts signing with a new key and publishes only that one. */
  void rotate(String keyId) throws Exception {
    current = newKey(keyId);
  }

  String token(String subject, String audience, Instant now) throws Exception {
    return sign(current, new JWTClaimsSet.Builder().issuer(issuer()).subject(subject).audience(audience)
        .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300))).build());
  }

  String tokenWith(JWTClaimsSet claims) throws Exception {
    return sign(current, claims);
  }

  /** Signed by a key the provider never published. */
  String tokenFromUnpublishedKey(String subject, String audience, Instant now) throws Exception {
    return sign(newKey("rogue"), new JWTClaimsSet.Builder().issuer(issuer()).subject(subject).audience(audience)
        .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300))).build());
  }

  private static String sign(RSAKey key, JWTClaimsSet claims) throws Exception {
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }

  private static RSAKey newKey(String keyId) throws Exception {
    return new RSAKeyGenerator(2048).keyID(keyId).generate();
  }

  private static void respond(HttpExchange exchange, String json) {
    try (exchange) {
      byte[] body = json.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
