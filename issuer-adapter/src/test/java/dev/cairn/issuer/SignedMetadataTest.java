package dev.cairn.issuer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.SignedJWT;
import dev.cairn.did.fetch.FetchedBody;
import dev.cairn.did.fetch.HardenedFetch;
import dev.cairn.did.testing.Await;
import dev.cairn.issuer.client.IssuanceException;
import dev.cairn.issuer.client.IssuanceFailure;
import dev.cairn.issuer.client.ResolvedOffer;
import dev.cairn.issuer.oid4vci.OpenId4Vci;
import dev.cairn.issuer.testing.Holders;
import dev.cairn.issuer.testing.IssuanceWorld;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.PemKeyCertOptions;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * §12.2.3 Signed Metadata, both ends: the reference issuer serves it to a Wallet that asks (§12.2.2 Accept), and
 * the wallet client uses it only when its signature is by an assertion key of the identifier's did:web. The refusals
 * run against a stand-in issuer on a second loopback HTTPS server, whose signed metadata each test writes.
 */
class SignedMetadataTest {
  private static final IssuanceWorld WORLD = new IssuanceWorld();
  private static final ECKey ISSUER_KEY = Holders.p256();
  private static final AtomicReference<Function<String, Optional<String>>> SIGNED = new AtomicReference<>();
  private static final String REFERENCE_METADATA = referenceDocument(OpenId4Vci.ISSUER_METADATA_PATH);
  private static final String REFERENCE_AS_METADATA = referenceDocument(OpenId4Vci.AS_METADATA_PATH);
  private static final HttpServer STAND_IN = standIn();

  @AfterAll
  static void close() {
    WORLD.close();
  }

  @Test
  void theReferenceIssuerSignsItsMetadataForAWalletThatAcceptsApplicationJwt() throws Exception {
    HardenedFetch wallet = new HardenedFetch(WORLD.vertx, WORLD.clientPolicy());
    URI url = URI.create(WORLD.origin() + OpenId4Vci.ISSUER_METADATA_PATH);
    FetchedBody signed = Await.result(wallet.get(url, Set.of("application/jwt")));
    assertEquals("application/jwt", signed.mediaType());
    SignedJWT jwt = SignedJWT.parse(signed.body().toString());
    assertEquals("openidvci-issuer-metadata+jwt", jwt.getHeader().getType().getType());
    assertEquals(WORLD.issuer.did() + "#key-p256", jwt.getHeader().getKeyID());
    JsonObject claims = new JsonObject(jwt.getPayload().toString());
    assertEquals(WORLD.origin(), claims.getString("sub"));
    assertEquals(WORLD.issuer.did(), claims.getString("iss"));
    assertEquals(WORLD.clock.instant().getEpochSecond(), claims.getLong("iat"), 1);
    assertTrue(claims.containsKey("credential_configurations_supported"), "every parameter a top-level claim");
    assertEquals("application/json", Await.result(wallet.get(url, Set.of("application/json"))).mediaType(),
        "unsigned JSON stays the default");
    // And the wallet client, which asks for both, takes the signed one and resolves an offer with it.
    JsonObject created = WORLD.offer(IssuanceWorld.offerRequest("MicroCredential_dc+sd-jwt"));
    ResolvedOffer offer = Await.result(WORLD.client.resolve(created.getString("offer_by_value")));
    assertEquals(Optional.of("Cairn Reference Academy"), offer.issuer().display().get(0).name());
  }

  @Test
  void aWellSignedMetadataIsUsedInsteadOfTheUnsignedDocument() {
    SIGNED.set(origin -> Optional.of(sign(ISSUER_KEY, keyId(origin), "openidvci-issuer-metadata+jwt",
        claims(origin).put("display", display("Signed Academy")))));
    ResolvedOffer offer = Await.result(WORLD.client.resolve(offer()));
    assertEquals(Optional.of("Signed Academy"), offer.issuer().display().get(0).name());
  }

  @Test
  void tamperedClaimsAreRefused() {
    SIGNED.set(origin -> {
      String[] parts = sign(ISSUER_KEY, keyId(origin), "openidvci-issuer-metadata+jwt", claims(origin)).split("\\.");
      String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(claims(origin)
          .put("credential_endpoint", "https://attacker.example/credential").encode().getBytes(StandardCharsets.UTF_8));
      return Optional.of(parts[0] + "." + forged + "." + parts[2]);
    });
    assertRefused("signature");
  }

  @Test
  void metadataSignedByAnotherKeyUnderTheIssuersKidIsRefused() {
    SIGNED.set(origin -> Optional.of(sign(Holders.p256(), keyId(origin), "openidvci-issuer-metadata+jwt", claims(origin))));
    assertRefused("signature");
  }

  @Test
  void aKeyOfAnotherDidIsNotTrustedForTheIssuer() {
    ECKey other = Holders.p256();
    String otherDid = Holders.didJwk(other.toPublicJWK());
    SIGNED.set(origin -> Optional.of(sign(other, otherDid + "#0", "openidvci-issuer-metadata+jwt", claims(origin))));
    assertRefused("does not belong to the issuer");
  }

  @Test
  void anotherTypOrSubIsRefused() {
    SIGNED.set(origin -> Optional.of(sign(ISSUER_KEY, keyId(origin), "JWT", claims(origin))));
    assertRefused("typ");
    SIGNED.set(origin -> Optional.of(sign(ISSUER_KEY, keyId(origin), "openidvci-issuer-metadata+jwt",
        claims(origin).put("sub", "https://elsewhere.example"))));
    assertRefused("sub");
  }

  private static void assertRefused(String detailPart) {
    IssuanceException refused = assertInstanceOf(IssuanceException.class, Await.failure(WORLD.client.resolve(offer())));
    IssuanceFailure.MetadataInvalid invalid = assertInstanceOf(IssuanceFailure.MetadataInvalid.class, refused.failure());
    assertTrue(invalid.detail().startsWith("signed metadata (§12.2.3) refused"), invalid.detail());
    assertTrue(invalid.detail().contains(detailPart), invalid.detail());
  }

  private static String origin() {
    return "https://localhost:" + STAND_IN.actualPort();
  }

  private static String did(String origin) {
    return "did:web:localhost%3A" + URI.create(origin).getPort();
  }

  private static String keyId(String origin) {
    return did(origin) + "#metadata";
  }

  private static String offer() {
    JsonObject offer = new JsonObject().put("credential_issuer", origin())
        .put("credential_configuration_ids", new JsonArray().add("MicroCredential_dc+sd-jwt"))
        .put("grants", new JsonObject().put(OpenId4Vci.PRE_AUTHORIZED_CODE_GRANT,
            new JsonObject().put(OpenId4Vci.PRE_AUTHORIZED_CODE, "code")));
    return "openid-credential-offer://?credential_offer=" + URLEncoder.encode(offer.encode(), StandardCharsets.UTF_8);
  }

  /** The reference issuer's own metadata, moved to the stand-in's origin. */
  private static JsonObject claims(String origin) {
    return new JsonObject(REFERENCE_METADATA.replace(WORLD.origin(), origin)).put("sub", origin)
        .put("iat", WORLD.clock.instant().getEpochSecond());
  }

  private static String referenceDocument(String path) {
    return Await.result(new HardenedFetch(WORLD.vertx, WORLD.clientPolicy())
        .get(URI.create(WORLD.origin() + path), Set.of("application/json"))).body().toString();
  }

  private static JsonArray display(String name) {
    return new JsonArray().add(new JsonObject().put("name", name).put("locale", "en-GB"));
  }

  private static String sign(ECKey key, String kid, String typ, JsonObject claims) {
    try {
      JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType(typ)).keyID(kid)
          .build(), new Payload(claims.encode()));
      jws.sign(new ECDSASigner(key));
      return jws.serialize();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A stand-in issuer: its did:web document with {@link #ISSUER_KEY} as an assertion method, its metadata — signed
   * as the test says when the Wallet accepts application/jwt, else unsigned with another display name — and the
   * reference issuer's Authorization Server metadata moved to its origin.
   */
  private static HttpServer standIn() {
    return Await.result(WORLD.vertx.createHttpServer(new HttpServerOptions().setSsl(true).setHost("127.0.0.1").setPort(0)
            .setKeyCertOptions(new PemKeyCertOptions().setCertValue(Buffer.buffer(WORLD.certificate.certificatePem()))
                .setKeyValue(Buffer.buffer(WORLD.certificate.privateKeyPem()))))
        .requestHandler(request -> {
          String origin = "https://localhost:" + request.localAddress().port();
          switch (request.path()) {
            case "/.well-known/did.json" -> request.response().putHeader("Content-Type", "application/did+json")
                .end(new JsonObject().put("@context", new JsonArray().add("https://www.w3.org/ns/did/v1"))
                    .put("id", did(origin))
                    .put("verificationMethod", new JsonArray().add(new JsonObject().put("id", keyId(origin))
                        .put("type", "JsonWebKey").put("controller", did(origin))
                        .put("publicKeyJwk", new JsonObject(ISSUER_KEY.toPublicJWK().toJSONObject()))))
                    .put("assertionMethod", new JsonArray().add(keyId(origin))).encode());
            case "/.well-known/openid-credential-issuer" -> {
              Optional<String> signed = String.valueOf(request.getHeader("Accept")).contains("application/jwt")
                  ? SIGNED.get().apply(origin) : Optional.empty();
              if (signed.isPresent()) {
                request.response().putHeader("Content-Type", "application/jwt").end(signed.get());
              } else {
                request.response().putHeader("Content-Type", "application/json")
                    .end(claims(origin).put("display", display("Unsigned Academy")).encode());
              }
            }
            case "/.well-known/oauth-authorization-server" -> request.response()
                .putHeader("Content-Type", "application/json").end(REFERENCE_AS_METADATA.replace(WORLD.origin(), origin));
            default -> request.response().setStatusCode(404).end();
          }
        })
        .listen());
  }
}
