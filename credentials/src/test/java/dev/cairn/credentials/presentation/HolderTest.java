package dev.cairn.credentials.presentation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import dev.cairn.credentials.Issuers;
import dev.cairn.did.PublicKeyMaterial.KeyType;
import dev.cairn.did.internal.PublicKeys;
import io.vertx.core.json.JsonObject;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.junit.jupiter.api.Test;

/** The learner's key as presenter: its DIDs, its algorithm, and what is refused. */
class HolderTest {

  @Test
  void aP256KeyPresentsUnderItsDidJwkWithMethod0AndSignsEs256() throws Exception {
    ECKey key = Issuers.newHolderKey();
    Holder holder = Holder.fromPrivateJwk(key.toJSONString());

    assertEquals("did:jwk:" + Base64URL.encode(key.toPublicJWK().toJSONString()), holder.did());
    assertEquals(holder.did() + "#0", holder.verificationMethod());
    assertEquals(JWSAlgorithm.ES256, holder.algorithm());
    assertFalse(holder.publicKey().isPrivate());
  }

  @Test
  void anEd25519KeySignsEdDsa() {
    assertEquals(JWSAlgorithm.EdDSA, Fixtures.ed25519Holder().algorithm());
  }

  @Test
  void theDidKeyFormIsTheOneTheWalletRecordsForTheKey() {
    ECKey key = Issuers.newHolderKey();
    byte[] compressed = CustomNamedCurves.getByName("secp256r1").getCurve()
        .createPoint(key.getX().decodeToBigInteger(), key.getY().decodeToBigInteger()).getEncoded(true);
    String multibase = PublicKeys.toMultibase(KeyType.P256, compressed);

    Holder asDidKey = Holder.fromPrivateJwk(key).asDidKey();
    assertEquals("did:key:" + multibase, asDidKey.did());
    assertEquals("did:key:" + multibase + "#" + multibase, asDidKey.verificationMethod());

    OctetKeyPair ed25519 = (OctetKeyPair) Fixtures.ed25519Holder().privateKey();
    assertEquals("did:key:" + PublicKeys.toMultibase(KeyType.ED25519, ed25519.getX().decode()),
        Holder.fromPrivateJwk(ed25519).asDidKey().did());
  }

  @Test
  void theKeyIsRecognisedUnderItsDidKeyAndUnderAnySpellingOfItsDidJwk() {
    Holder holder = Fixtures.p256Holder();
    JsonObject reordered = new JsonObject(holder.publicKey().toJSONObject());
    String otherSpelling = "did:jwk:" + Base64URL.encode(new JsonObject().put("y", reordered.getString("y"))
        .put("x", reordered.getString("x")).put("crv", "P-256").put("kty", "EC").encode());

    assertEquals(otherSpelling, holder.identifiedAs(otherSpelling).orElseThrow().did());
    assertEquals(otherSpelling + "#0", holder.identifiedAs(otherSpelling).orElseThrow().verificationMethod());
    assertTrue(holder.identifiedAs(holder.asDidKey().did()).isPresent());
    assertTrue(holder.identifiedAs(Fixtures.p256Holder().did()).isEmpty(), "another key's did:jwk");
    assertTrue(holder.identifiedAs("did:web:learner.example").isEmpty());
  }

  @Test
  void aPublicKeyOrAnotherCurveIsNoHolderKey() throws Exception {
    ECKey p384 = new ECKeyGenerator(Curve.P_384).generate();

    assertEquals(PresentationException.Reason.UNSUPPORTED_HOLDER_KEY,
        assertThrows(PresentationException.class, () -> Holder.fromPrivateJwk(p384)).reason());
    assertEquals(PresentationException.Reason.UNSUPPORTED_HOLDER_KEY, assertThrows(PresentationException.class,
        () -> Holder.fromPrivateJwk(Issuers.newHolderKey().toPublicJWK())).reason());
    assertEquals(PresentationException.Reason.UNSUPPORTED_HOLDER_KEY,
        assertThrows(PresentationException.class, () -> Holder.fromPrivateJwk("{\"kty\": \"nonsense\"}")).reason());
  }

  @Test
  void thePrivateKeyNeverShowsInTheHoldersText() {
    ECKey key = Issuers.newHolderKey();
    Holder holder = Holder.fromPrivateJwk(key);

    assertFalse(holder.toString().contains(key.getD().toString()), holder.toString());
    assertEquals("Holder[" + holder.did() + "]", holder.toString());
  }
}
