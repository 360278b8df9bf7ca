package dev.cairn.issuer.client;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jwt.SignedJWT;
import dev.cairn.credentials.VerificationException;
import dev.cairn.credentials.jose.IssuerKeys;
import dev.cairn.credentials.jose.JwsSignatures;
import dev.cairn.did.DidResolutionException;
import dev.cairn.did.VerificationRelationship;
import dev.cairn.did.web.DidWebUrl;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * §12.2.3 Signed Metadata: Credential Issuer Metadata served as {@code application/jwt}, a JWS with {@code typ}
 * {@code openidvci-issuer-metadata+jwt}, an asymmetric {@code alg}, {@code sub} the Credential Issuer Identifier,
 * {@code iat}, optional {@code iss} and {@code exp}, and every metadata parameter as a top-level claim. "the Wallet
 * MUST establish trust in the signer of the metadata. Otherwise, the Wallet MUST reject the signed metadata": Cairn
 * trusts a key that the identifier's own origin publishes — an assertion method, named by {@code kid}, of the
 * did:web DID of the identifier, whose document comes over the same vetted TLS as the metadata. Any failure is
 * {@code metadata-invalid}; nothing of the metadata is used.
 */
final class SignedMetadata {
  static final String TYPE = "openidvci-issuer-metadata+jwt";
  static final String MEDIA_TYPE = "application/jwt";
  private static final JOSEObjectType JOSE_TYPE = new JOSEObjectType(TYPE);
  /** How far ahead an {@code iat}, or how far past an {@code exp}, may be: clocks differ. */
  private static final Duration SKEW = Duration.ofSeconds(60);

  private final IssuerKeys keys;
  private final Clock clock;

  SignedMetadata(IssuerKeys keys, Clock clock) {
    this.keys = keys;
    this.clock = clock;
  }

  /** The metadata claims of {@code compact}, once its header, claims and signature are checked. */
  Future<JsonObject> verify(String compact, String credentialIssuer) {
    SignedJWT jwt;
    JsonObject claims;
    String did;
    try {
      jwt = SignedJWT.parse(compact.trim());
      checkHeader(jwt);
      claims = new JsonObject(jwt.getPayload().toString());
      did = DidWebUrl.didOf(URI.create(credentialIssuer));
      checkClaims(claims, credentialIssuer, did);
    } catch (ParseException | DecodeException e) {
      return Future.failedFuture(invalid("it is not a signed JWT with a JSON payload"));
    } catch (DidResolutionException e) {
      return Future.failedFuture(invalid("the identifier " + credentialIssuer + " has no did:web to hold its key: "
          + e.getMessage()));
    } catch (IssuanceException e) {
      return Future.failedFuture(e);
    }
    SignedJWT signed = jwt;
    return keys.didKey(jwt.getHeader().getKeyID(), did, VerificationRelationship.ASSERTION_METHOD)
        .compose(key -> onWorker(() -> {
          JwsSignatures.verify(signed, key);
          return claims;
        }))
        .recover(failure -> Future.failedFuture(failure instanceof VerificationException refused
            ? invalid(refused.getMessage() + " (" + refused.reason().code() + ")")
            : failure));
  }

  private static void checkHeader(SignedJWT jwt) {
    if (!JOSE_TYPE.equals(jwt.getHeader().getType())) {
      throw invalid("its typ is " + jwt.getHeader().getType() + ", not " + TYPE);
    }
    try {
      JwsSignatures.checkHeader(jwt.getHeader()); // "MUST NOT be none or ... a symmetric algorithm"
    } catch (VerificationException e) {
      throw invalid(e.getMessage());
    }
  }

  private void checkClaims(JsonObject claims, String credentialIssuer, String did) {
    if (!credentialIssuer.equals(claims.getValue("sub"))) {
      throw invalid("its sub is '" + claims.getValue("sub") + "', not the Credential Issuer Identifier");
    }
    Object iss = claims.getValue("iss");
    if (iss != null && !credentialIssuer.equals(iss) && !did.equals(iss)) {
      throw invalid("its iss '" + iss + "' is neither the identifier nor its did:web");
    }
    Instant now = clock.instant();
    if (!(claims.getValue("iat") instanceof Number iat) || Instant.ofEpochSecond(iat.longValue()).isAfter(now.plus(SKEW))) {
      throw invalid("iat is required and may not be in the future");
    }
    if (claims.getValue("exp") != null && (!(claims.getValue("exp") instanceof Number exp)
        || !Instant.ofEpochSecond(exp.longValue()).isAfter(now.minus(SKEW)))) {
      throw invalid("it has expired (exp)");
    }
  }

  /** One signature check, off the event loop: on the calling context's worker pool. */
  private static <T> Future<T> onWorker(java.util.concurrent.Callable<T> work) {
    Context context = Vertx.currentContext();
    return context == null ? Future.future(promise -> promise.complete(call(work))) : context.executeBlocking(work, false);
  }

  private static <T> T call(java.util.concurrent.Callable<T> work) {
    try {
      return work.call();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static IssuanceException invalid(String detail) {
    return new IssuanceException(new IssuanceFailure.MetadataInvalid("signed metadata (§12.2.3) refused: " + detail));
  }
}
