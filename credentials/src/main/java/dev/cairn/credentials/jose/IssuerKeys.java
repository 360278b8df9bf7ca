package dev.cairn.credentials.jose;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import dev.cairn.credentials.ReasonCode;
import dev.cairn.credentials.VerificationException;
import dev.cairn.did.DidResolutionException;
import dev.cairn.did.DidResolver;
import dev.cairn.did.VerificationRelationship;
import dev.cairn.did.fetch.FetchedBody;
import dev.cairn.did.fetch.HardenedFetch;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Finds the key that must have signed a credential, and proves it is the issuer's:
 * <ul>
 *   <li>{@code kid} a DID URL: resolved through did-resolver as an {@code assertionMethod} (for holders,
 *       {@code authentication}) of a DID that must be the signer ({@code iss});</li>
 *   <li>{@code iss} an https URL: its JWT VC Issuer Metadata at {@code /.well-known/jwt-vc-issuer}
 *       (SD-JWT VC §5), whose {@code issuer} must equal {@code iss}, with keys by value ({@code jwks}) or by
 *       reference ({@code jwks_uri}), fetched through the hardened client and cached for an hour;</li>
 *   <li>{@code x5c}: refused for now, with that reason.</li>
 * </ul>
 */
public final class IssuerKeys {
  private static final Duration METADATA_TTL = Duration.ofHours(1);
  private static final Set<String> JSON = Set.of("application/json", "application/jwk-set+json");

  private record Cached(JWKSet keys, Instant expiresAt) {}

  private final DidResolver resolver;
  private final HardenedFetch fetch;
  private final Clock clock;
  private final Cache<String, Cached> metadata = Caffeine.newBuilder().maximumSize(1_000).build();

  public IssuerKeys(DidResolver resolver, HardenedFetch fetch, Clock clock) {
    this.resolver = resolver;
    this.fetch = fetch;
    this.clock = clock;
  }

  public Future<JWK> keyFor(JWSHeader header, String issuer) {
    return keyFor(header, issuer, VerificationRelationship.ASSERTION_METHOD);
  }

  /** As {@link #keyFor(JWSHeader, String)}, for a DID signer acting in {@code relationship} (holders: authentication). */
  public Future<JWK> keyFor(JWSHeader header, String issuer, VerificationRelationship relationship) {
    if (header.getX509CertChain() != null && !header.getX509CertChain().isEmpty()) {
      return fail(ReasonCode.X5C_NOT_SUPPORTED, "x5c certificate chains are not supported yet; use a DID or issuer metadata");
    }
    if (issuer == null) {
      return fail(ReasonCode.ISSUER_KEY_UNRESOLVED, "the credential names no issuer");
    }
    String kid = header.getKeyID();
    if (issuer.startsWith("did:")) {
      return didKey(kid, issuer, relationship);
    }
    if (issuer.startsWith("https://")) {
      return fromMetadata(kid, issuer);
    }
    return fail(ReasonCode.ISSUER_KEY_UNRESOLVED, "the issuer '" + issuer + "' is neither a DID nor an https URL");
  }

  /** A holder key named by a DID URL ({@code cnf.kid}), as an authentication method of its DID. */
  public Future<JWK> holderKey(String didUrl) {
    return resolver.verificationMethod(didUrl, VerificationRelationship.AUTHENTICATION)
        .<JWK>map(method -> method.key().jwk())
        .recover(failure -> failure instanceof DidResolutionException e
            ? fail(ReasonCode.KEY_BINDING_INVALID, "holder key " + didUrl + ": " + e.reason())
            : Future.failedFuture(failure));
  }

  /**
   * The key of verification method {@code kid} (a DID URL, or a fragment relative to {@code issuer}), which must
   * be a method of the DID {@code issuer} under {@code relationship}.
   */
  public Future<JWK> didKey(String kid, String issuer, VerificationRelationship relationship) {
    if (!issuer.startsWith("did:")) {
      return fail(ReasonCode.ISSUER_KEY_UNRESOLVED, "the issuer '" + issuer + "' is not a DID; only DID verification methods are resolved");
    }
    if (kid == null) {
      return fail(ReasonCode.ISSUER_KEY_UNRESOLVED, "a DID signer's JWT must name its key with kid (a DID URL)");
    }
    String methodUrl = kid.startsWith("#") ? issuer + kid : kid;
    // A verification method of the issuer is the issuer's DID followed by a fragment, nothing else.
    if (!methodUrl.startsWith(issuer + "#")) {
      return fail(ReasonCode.ISSUER_KEY_NOT_ISSUERS, "the key " + methodUrl + " does not belong to the issuer " + issuer);
    }
    return resolver.verificationMethod(methodUrl, relationship)
        .<JWK>map(method -> method.key().jwk())
        .recover(failure -> failure instanceof DidResolutionException e
            ? fail(ReasonCode.ISSUER_KEY_UNRESOLVED, "issuer key " + methodUrl + ": " + e.reason())
            : Future.failedFuture(failure));
  }

  private Future<JWK> fromMetadata(String kid, String issuer) {
    Cached cached = metadata.getIfPresent(issuer);
    Future<JWKSet> keys = cached != null && clock.instant().isBefore(cached.expiresAt())
        ? Future.succeededFuture(cached.keys())
        : fetchMetadata(issuer).onSuccess(set -> metadata.put(issuer, new Cached(set, clock.instant().plus(METADATA_TTL))));
    return keys.compose(set -> {
      JWK key = kid != null ? set.getKeyByKeyId(kid) : set.getKeys().size() == 1 ? set.getKeys().get(0) : null;
      return key == null
          ? fail(ReasonCode.ISSUER_KEY_UNRESOLVED, "the issuer's metadata has no key " + (kid == null ? "(and no kid was given)" : kid))
          : Future.succeededFuture(key);
    });
  }

  /** SD-JWT VC §5.1: the well-known path is inserted between the host and the issuer's path. */
  private Future<JWKSet> fetchMetadata(String issuer) {
    URI issuerUri = URI.create(issuer);
    String path = issuerUri.getRawPath() == null ? "" : issuerUri.getRawPath().replaceAll("/$", "");
    URI wellKnown = URI.create("https://" + issuerUri.getRawAuthority() + "/.well-known/jwt-vc-issuer" + path);
    return fetch.get(wellKnown, JSON).compose(body -> {
      JsonObject document = json(body);
      if (!issuer.equals(document.getString("issuer"))) {
        return fail(ReasonCode.ISSUER_KEY_NOT_ISSUERS, "the metadata at " + wellKnown + " names another issuer");
      }
      if (document.getValue("jwks") instanceof JsonObject jwks) {
        return Future.succeededFuture(parse(jwks));
      }
      if (document.getValue("jwks_uri") instanceof String jwksUri) {
        return fetch.get(URI.create(jwksUri), JSON).map(keys -> parse(json(keys)));
      }
      return fail(ReasonCode.ISSUER_KEY_UNRESOLVED, "the issuer metadata has neither jwks nor jwks_uri");
    }).recover(failure -> failure instanceof VerificationException ? Future.failedFuture(failure)
        : fail(ReasonCode.ISSUER_KEY_UNRESOLVED, "issuer metadata: " + failure.getMessage()));
  }

  private static JsonObject json(FetchedBody body) {
    return body.jsonObject().orElseThrow(() -> new VerificationException(ReasonCode.ISSUER_KEY_UNRESOLVED,
        "the issuer metadata is not a JSON object"));
  }

  private static JWKSet parse(JsonObject jwks) {
    try {
      JWKSet set = JWKSet.parse(jwks.getMap());
      if (set.getKeys().stream().anyMatch(JWK::isPrivate)) {
        throw new VerificationException(ReasonCode.ISSUER_KEY_UNRESOLVED, "the issuer publishes a private key");
      }
      return set;
    } catch (ParseException e) {
      throw new VerificationException(ReasonCode.ISSUER_KEY_UNRESOLVED, "the issuer's jwks is not a JWK set");
    }
  }

  private static <T> Future<T> fail(ReasonCode reason, String detail) {
    return Future.failedFuture(new VerificationException(reason, detail));
  }
}
