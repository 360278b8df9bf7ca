package dev.cairn.wallet.holder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import dev.cairn.did.DidResolver;
import dev.cairn.did.VerificationRelationship;
import dev.cairn.did.fetch.FetchPolicy;
import dev.cairn.did.fetch.HardenedFetch;
import dev.cairn.wallet.testing.Api.Response;
import dev.cairn.wallet.testing.CairnUnderTest;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HolderKeysTest {
  @RegisterExtension
  static final CairnUnderTest cairn = CairnUnderTest.perClass();

  @Test
  void everyNewLearnerHasAP256AndAnEd25519KeyWithConsistentDidForms() throws Exception {
    String token = cairn.api().signUp("keys@example.org").getString("accessToken");
    Response listed = cairn.api().get("/v1/holder-keys", token);
    assertEquals(200, listed.status());
    JsonArray keys = listed.json().getJsonArray("keys");
    assertEquals(2, keys.size());
    JsonObject p256 = keys.getJsonObject(0);
    JsonObject ed25519 = keys.getJsonObject(1);
    assertEquals("ES256", p256.getString("algorithm"));
    assertEquals("EdDSA", ed25519.getString("algorithm"));
    assertTrue(JWK.parse(p256.getJsonObject("publicJwk").encode()) instanceof ECKey);
    assertTrue(JWK.parse(ed25519.getJsonObject("publicJwk").encode()) instanceof OctetKeyPair);

    Vertx vertx = Vertx.vertx();
    try {
      DidResolver resolver = DidResolver.create(new HardenedFetch(vertx, FetchPolicy.defaults()), Clock.systemUTC());
      for (JsonObject key : new JsonObject[] {p256, ed25519}) {
        assertFalse(key.getJsonObject("publicJwk").containsKey("d"), "no private part");
        JWK published = JWK.parse(key.getJsonObject("publicJwk").encode());
        // did:jwk is the public JWK itself; did:key resolves to the same public key.
        JWK inDidJwk = JWK.parse(new String(Base64URL.from(key.getString("didJwk").substring("did:jwk:".length()))
            .decode(), StandardCharsets.UTF_8));
        assertEquals(published.computeThumbprint(), inDidJwk.computeThumbprint());
        var method = CairnUnderTest.await(resolver.verificationMethod(key.getString("didKeyVerificationMethod"),
            VerificationRelationship.AUTHENTICATION));
        assertEquals(published.computeThumbprint(), method.key().jwk().computeThumbprint());
      }
    } finally {
      vertx.close();
    }
  }

  @Test
  void privateKeysAreStoredSealedUnderTheKekAndOpenOnlyForTheirOwnRow() throws Exception {
    cairn.api().signUp("sealed@example.org");
    assertEquals(0, cairn.queryLong("SELECT count(*) FROM holder_key WHERE encrypted_private_key::text LIKE '%\"d\"%'"));
    KeyEncryptionKey kek = KeyEncryptionKey.read(cairn.home().resolve("keys/kek"));
    assertEquals(1, cairn.queryLong("SELECT count(DISTINCT kek_id) FROM holder_key WHERE kek_id = '" + kek.id() + "'"));

    byte[] secret = "private JWK".getBytes(StandardCharsets.UTF_8);
    UUID account = UUID.randomUUID();
    UUID keyId = UUID.randomUUID();
    byte[] sealed = kek.seal(secret, HolderKeys.associatedData(account, keyId));
    assertArrayEquals(secret, kek.open(sealed, HolderKeys.associatedData(account, keyId)));
    assertThrows(KeyEncryptionKey.SealedDataException.class,
        () -> kek.open(sealed, HolderKeys.associatedData(UUID.randomUUID(), keyId)), "another account's row");
    sealed[sealed.length - 1] ^= 1;
    assertThrows(KeyEncryptionKey.SealedDataException.class,
        () -> kek.open(sealed, HolderKeys.associatedData(account, keyId)), "tampered ciphertext");
  }

  @Test
  void anOperatorKekFileIsUsedAndRotationResealsEveryKeyAtStartUp() throws Exception {
    Path dir = Files.createTempDirectory("kek");
    byte[] oldRaw = new byte[32];
    byte[] newRaw = new byte[32];
    new java.security.SecureRandom().nextBytes(oldRaw);
    new java.security.SecureRandom().nextBytes(newRaw);
    Path oldFile = Files.writeString(dir.resolve("old"), Base64.getEncoder().encodeToString(oldRaw));
    Path newFile = Files.write(dir.resolve("new"), newRaw);
    String oldId = KeyEncryptionKey.of(oldRaw).id();
    String newId = KeyEncryptionKey.of(newRaw).id();
    assertNotEquals(oldId, newId);

    CairnUnderTest first = CairnUnderTest.start(Map.of("CAIRN_KEK_FILE", oldFile.toString()));
    first.api().signUp("rotate@example.org");
    assertEquals(2, first.queryLong("SELECT count(*) FROM holder_key WHERE kek_id = '" + oldId + "'"));
    first.close();
    {
      try (CairnUnderTest second = CairnUnderTest.restart(first, Map.of("CAIRN_KEK_FILE", newFile.toString(),
          "CAIRN_KEK_PREVIOUS_FILES", oldFile.toString()))) {
        assertEquals(0, second.queryLong("SELECT count(*) FROM holder_key WHERE kek_id = '" + oldId + "'"));
        assertEquals(2, second.queryLong("SELECT count(*) FROM holder_key WHERE kek_id = '" + newId + "'"));
        KeyEncryptionKey current = KeyEncryptionKey.of(newRaw);
        for (Map<String, Object> row : second.rows(
            "SELECT id, account_id, jwk_thumbprint, encrypted_private_key FROM holder_key")) {
          byte[] opened = current.open((byte[]) row.get("encrypted_private_key"), HolderKeys.associatedData(
              (UUID) row.get("account_id"), (UUID) row.get("id")));
          JWK key = JWK.parse(new String(opened, StandardCharsets.UTF_8));
          assertTrue(key.isPrivate());
          assertEquals(row.get("jwk_thumbprint"), key.toPublicJWK().computeThumbprint().toString());
        }
      }
    }
  }
}
