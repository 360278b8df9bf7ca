package dev.cairn.wallet.openid4vp;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.PlainObject;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.cairn.credentials.VerificationException;
import dev.cairn.credentials.jose.JwsSignatures;
import dev.cairn.did.DidResolutionException;
import dev.cairn.did.DidResolver;
import dev.cairn.did.VerificationRelationship;
import dev.cairn.wallet.server.Workers;
import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.text.ParseException;

/**
 * Request Objects (RFC 9101, OpenID4VP 1.0 §5): the verifier signs one, the wallet reads one. How the wallet
 * checks it depends on the Client Identifier Prefix (§5.9.3): a {@code decentralized_identifier:} request must be
 * signed with a key of that DID's document, which {@code kid} names; a {@code redirect_uri:} request cannot be
 * signed at all and is accepted unsigned.
 */
public final class RequestObjects {
  private static final int MAX_BYTES = 64 * 1024;

  private RequestObjects() {}

  /** The verifier's side: {@code claims} signed with {@code signer} as the verification method {@code kid}. */
  public static String sign(JsonObject claims, JWSSigner signer, JWSAlgorithm algorithm, String kid) {
    return sign(claims, signer, algorithm, kid, OpenId4VpNames.REQUEST_OBJECT_TYP);
  }

  /** {@code claims} as a JWS of type {@code typ}, signed by the verifier's key (request objects, webhook notices). */
  public static String sign(JsonObject claims, JWSSigner signer, JWSAlgorithm algorithm, String kid, String typ) {
    JWSHeader header = new JWSHeader.Builder(algorithm).type(new JOSEObjectType(typ)).keyID(kid).build();
    JWSObject jws = new JWSObject(header, new Payload(claims.encode()));
    try {
      jws.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("the verifier's key cannot sign " + algorithm, e);
    }
    return jws.serialize();
  }

  /** A {@code redirect_uri:} request: an unsecured JWT ({@code alg: none}), since nothing can be signed (§5.9.3). */
  public static String unsigned(JsonObject claims) {
    PlainHeader header = new PlainHeader.Builder().type(new JOSEObjectType(OpenId4VpNames.REQUEST_OBJECT_TYP)).build();
    return new PlainObject(header, new Payload(claims.encode())).serialize();
  }

  /**
   * The wallet's side: the claims of a Request Object whose {@code client_id} is {@code expectedClientId} (the one
   * in the URL: they MUST be identical, §5.10.1), checked as its prefix requires; the signature is checked on the
   * crypto workers. Fails with {@link InvalidAuthorizationRequest}.
   */
  public static Future<JsonObject> verify(String requestObject, String expectedClientId, DidResolver resolver,
                                          Workers workers) {
    if (requestObject.length() > MAX_BYTES) {
      return fail("invalid_request", "the Request Object is larger than " + MAX_BYTES + " bytes");
    }
    Object parsed;
    try {
      parsed = JWTParser.parse(requestObject.trim());
    } catch (ParseException e) {
      return fail("invalid_request", "the Request Object is not a JWT: " + e.getMessage());
    }
    JsonObject claims;
    JOSEObjectType typ;
    if (parsed instanceof SignedJWT signed) {
      typ = signed.getHeader().getType();
      claims = payload(signed.getPayload());
    } else if (parsed instanceof PlainJWT plain) {
      typ = plain.getHeader().getType();
      claims = payload(plain.getPayload());
    } else {
      return fail("invalid_request", "an encrypted Request Object is not supported");
    }
    if (claims == null) {
      return fail("invalid_request", "the Request Object's payload is not a JSON object");
    }
    // §5: the wallet MUST NOT process a Request Object whose typ is absent or other than oauth-authz-req+jwt.
    if (typ == null || !OpenId4VpNames.REQUEST_OBJECT_TYP.equals(typ.getType())) {
      return fail("invalid_request", "the Request Object's typ must be " + OpenId4VpNames.REQUEST_OBJECT_TYP);
    }
    if (!expectedClientId.equals(claims.getValue(OpenId4VpNames.CLIENT_ID))) {
      return fail("invalid_request", "the Request Object's client_id differs from the one in the request URL");
    }
    ClientIdentifier clientId;
    try {
      clientId = ClientIdentifier.parse(expectedClientId);
    } catch (InvalidAuthorizationRequest e) {
      return Future.failedFuture(e);
    }
    return switch (clientId.prefix()) {
      case REDIRECT_URI -> parsed instanceof PlainJWT
          ? Future.succeededFuture(claims)
          : fail("invalid_request", "a redirect_uri client cannot sign its requests (§5.9.3), yet this one is signed");
      case DECENTRALIZED_IDENTIFIER -> parsed instanceof SignedJWT signed
          ? didKey(signed, clientId.identifier(), resolver)
              .compose(key -> workers.crypto(() -> checkedClaims(signed, key)))
          : fail("invalid_request", "a decentralized_identifier request must be signed with a key of its DID (§5.9.3)");
    };
  }

  /** Checks a JWS with {@code key} as Cairn checks any JWS (allowed algorithms, key type). */
  private static JsonObject checkedClaims(JWSObject jws, JWK key) {
    try {
      JwsSignatures.checkHeader(jws.getHeader());
      JwsSignatures.verify(jws, key);
    } catch (VerificationException e) {
      throw new InvalidAuthorizationRequest("invalid_request", "the Request Object's signature: " + e.getMessage());
    }
    return payload(jws.getPayload());
  }

  /**
   * §5.9.3: the key is in the DID Document's verificationMethod, identified by {@code kid}. The spec names no
   * verification relationship; Cairn takes a method listed for authentication or, failing that, assertionMethod.
   */
  private static Future<JWK> didKey(SignedJWT jws, String did, DidResolver resolver) {
    String kid = jws.getHeader().getKeyID();
    if (kid == null) {
      return fail("invalid_request", "a decentralized_identifier request must name its key with kid");
    }
    String methodUrl = kid.startsWith("#") ? did + kid : kid;
    if (!methodUrl.startsWith(did + "#")) {
      return fail("invalid_client", "the request is signed with " + methodUrl + ", which is not a key of " + did);
    }
    return resolver.verificationMethod(methodUrl, VerificationRelationship.AUTHENTICATION)
        .recover(notForAuthentication -> resolver.verificationMethod(methodUrl, VerificationRelationship.ASSERTION_METHOD))
        .<JWK>map(method -> method.key().jwk())
        .recover(failure -> failure instanceof DidResolutionException e
            ? fail("invalid_client", "the verifier's key " + methodUrl + " could not be resolved: " + e.reason())
            : Future.failedFuture(failure));
  }

  private static JsonObject payload(Payload payload) {
    try {
      return new JsonObject(payload.toString());
    } catch (DecodeException | ClassCastException e) {
      return null;
    }
  }

  private static <T> Future<T> fail(String error, String detail) {
    return Future.failedFuture(new InvalidAuthorizationRequest(error, detail));
  }
}
