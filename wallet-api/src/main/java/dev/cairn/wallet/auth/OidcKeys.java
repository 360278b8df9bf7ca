package dev.cairn.wallet.auth;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import dev.cairn.did.fetch.FetchedBody;
import dev.cairn.did.fetch.HardenedFetch;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * The signing keys of the external OpenID Connect provider: found through its discovery document (OpenID
 * Connect Discovery 1.0 §4) and its {@code jwks_uri}, cached for an hour, and fetched again early when a token
 * names a key id the cache lacks (key rotation), at most once per 30 seconds so that tokens with made-up key
 * ids cannot make Cairn hammer the provider. Concurrent refreshes share one fetch.
 */
public final class OidcKeys {
  static final Duration MAX_AGE = Duration.ofHours(1);
  static final Duration MIN_REFRESH_INTERVAL = Duration.ofSeconds(30);

  private final String issuer;
  private static final Set<String> JSON = Set.of("application/json", "application/jwk-set+json");

  private final HardenedFetch fetcher;
  private final Clock clock;
  private JWKSet keys;
  private Instant fetchedAt = Instant.MIN;
  private Future<JWKSet> inFlight;

  public OidcKeys(String issuer, HardenedFetch fetcher, Clock clock) {
    this.issuer = issuer;
    this.fetcher = fetcher;
    this.clock = clock;
  }

  /** The key with this id (or the only key, when the token names none); empty when the provider has no such key. */
  public synchronized Future<Optional<JWK>> key(String keyId) {
    Instant now = clock.instant();
    boolean stale = keys == null || now.isAfter(fetchedAt.plus(MAX_AGE));
    Optional<JWK> cached = keys == null ? Optional.empty() : find(keys, keyId);
    if (!stale && (cached.isPresent() || now.isBefore(fetchedAt.plus(MIN_REFRESH_INTERVAL)))) {
      return Future.succeededFuture(cached);
    }
    return refresh().map(fresh -> find(fresh, keyId));
  }

  private synchronized Future<JWKSet> refresh() {
    if (inFlight == null) {
      inFlight = fetchKeys().onComplete(done -> {
        synchronized (this) {
          inFlight = null;
          if (done.succeeded()) {
            keys = done.result();
            fetchedAt = clock.instant();
          }
        }
      });
    }
    return inFlight;
  }

  private Future<JWKSet> fetchKeys() {
    URI discovery = URI.create(issuer.replaceAll("/+$", "") + "/.well-known/openid-configuration");
    return fetcher.get(discovery, JSON).map(OidcKeys::json).compose(document -> {
      // Discovery §4.3: the issuer in the document must be exactly the one configured.
      if (!issuer.equals(document.getString("issuer"))) {
        return Future.failedFuture(new IllegalStateException("discovery document names another issuer"));
      }
      String jwksUri = document.getString("jwks_uri");
      if (jwksUri == null) {
        return Future.failedFuture(new IllegalStateException("discovery document has no jwks_uri"));
      }
      return fetcher.get(URI.create(jwksUri), JSON).map(OidcKeys::json);
    }).map(OidcKeys::parse);
  }

  private static JsonObject json(FetchedBody body) {
    return body.jsonObject()
        .orElseThrow(() -> new IllegalStateException("the identity provider answered something that is not a JSON object"));
  }

  private static JWKSet parse(JsonObject json) {
    try {
      return JWKSet.parse(json.encode());
    } catch (ParseException e) {
      throw new IllegalStateException("the provider's JWKS is not a valid JWK set");
    }
  }

  private static Optional<JWK> find(JWKSet set, String keyId) {
    if (keyId == null) {
      return set.getKeys().size() == 1 ? Optional.of(set.getKeys().get(0)) : Optional.empty();
    }
    return Optional.ofNullable(set.getKeyByKeyId(keyId));
  }
}
