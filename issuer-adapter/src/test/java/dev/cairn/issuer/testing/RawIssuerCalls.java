package dev.cairn.issuer.testing;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.cairn.did.fetch.FetchedBody;
import dev.cairn.did.fetch.HardenedFetch;
import dev.cairn.did.fetch.OutboundRequest;
import dev.cairn.did.testing.Await;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Set;

/** The reference issuer's endpoints called by hand, for the requests the well-behaved client never makes. */
public final class RawIssuerCalls {
  private static final Set<String> JSON = Set.of("application/json");
  private final IssuanceWorld world;
  private final HardenedFetch fetch;

  public RawIssuerCalls(IssuanceWorld world) {
    this.world = world;
    this.fetch = new HardenedFetch(world.vertx, world.clientPolicy());
  }

  public FetchedBody token(String preAuthorizedCode, String txCode) {
    String form = "grant_type=" + encode("urn:ietf:params:oauth:grant-type:pre-authorized_code")
        + "&pre-authorized_code=" + encode(preAuthorizedCode) + (txCode == null ? "" : "&tx_code=" + encode(txCode));
    return Await.result(fetch.send(OutboundRequest.post(uri("/token"), "application/x-www-form-urlencoded",
        Buffer.buffer(form), JSON).acceptingStatuses(400, 401)));
  }

  /** A form POST (Token Request, pushed Authorization Request) of {@code parameters}, in order. */
  public FetchedBody form(String path, java.util.Map<String, String> parameters) {
    String form = parameters.entrySet().stream().map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
        .collect(java.util.stream.Collectors.joining("&"));
    return Await.result(fetch.send(OutboundRequest.post(uri(path), "application/x-www-form-urlencoded",
        Buffer.buffer(form), JSON).acceptingStatuses(201, 400, 401)));
  }

  /** A token for a fresh offer of {@code configurationIds}. */
  public String accessToken(String... configurationIds) {
    JsonObject created = world.offer(IssuanceWorld.offerRequest(configurationIds));
    String code = created.getJsonObject("credential_offer").getJsonObject("grants")
        .getJsonObject("urn:ietf:params:oauth:grant-type:pre-authorized_code").getString("pre-authorized_code");
    return token(code, created.getString("tx_code")).jsonObject().orElseThrow().getString("access_token");
  }

  public FetchedBody nonce() {
    return Await.result(fetch.send(OutboundRequest.post(uri("/nonce"), "application/json", Buffer.buffer(), JSON)));
  }

  public String freshNonce() {
    return nonce().jsonObject().orElseThrow().getString("c_nonce");
  }

  public FetchedBody post(String path, String accessToken, JsonObject body) {
    return Await.result(fetch.send(OutboundRequest.post(uri(path), "application/json", Buffer.buffer(body.encode()), JSON)
        .acceptingStatuses(202, 204, 400, 401).withHeader("Authorization", "Bearer " + accessToken)));
  }

  public FetchedBody credential(String accessToken, String configurationId, String... proofs) {
    return post("/credential", accessToken, new JsonObject().put("credential_configuration_id", configurationId)
        .put("proofs", new JsonObject().put("jwt", new JsonArray(java.util.List.of((Object[]) proofs)))));
  }

  /** A key proof signed by {@code signer}, whose header names {@code named} (usually the same key). */
  public String proof(ECKey signer, JWK named, String typ, String audience, Instant iat, String nonce) {
    try {
      JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType(typ)).jwk(named).build();
      JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().audience(audience).issueTime(Date.from(iat));
      if (nonce != null) {
        claims.claim("nonce", nonce);
      }
      SignedJWT jwt = new SignedJWT(header, claims.build());
      jwt.sign(new ECDSASigner(signer));
      return jwt.serialize();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public String goodProof(ECKey key, String nonce) {
    return proof(key, key.toPublicJWK(), "openid4vci-proof+jwt", world.origin(), world.clock.instant(), nonce);
  }

  public static String error(FetchedBody answer) {
    return answer.jsonObject().orElseThrow().getString("error");
  }

  private URI uri(String path) {
    return URI.create(world.origin() + path);
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
