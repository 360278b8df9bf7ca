package dev.cairn.wallet.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import dev.cairn.wallet.testing.CairnUnderTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyFileTest {

  @Test
  void accessTokensAreSignedWithTheKeyFromCairnSigningKeyFile(@TempDir Path dir) throws Exception {
    ECKey operatorKey = new ECKeyGenerator(Curve.P_256).generate();
    Path file = Files.writeString(dir.resolve("signing.jwk"), operatorKey.toJSONString());
    try (CairnUnderTest cairn = CairnUnderTest.start(Map.of("CAIRN_SIGNING_KEY_FILE", file.toString()))) {
      String token = cairn.api().signUp("keyed@example.org").getString("accessToken");
      SignedJWT jwt = SignedJWT.parse(token);
      assertTrue(jwt.verify(new ECDSAVerifier(operatorKey.toPublicJWK())), "signed by the operator's key");
      assertEquals(operatorKey.computeThumbprint().toString(), jwt.getHeader().getKeyID());
      assertFalse(Files.exists(cairn.home().resolve("keys/signing-key.jwk")), "no key generated beside it");
    }
  }

  @Test
  void aFileThatHoldsNoPrivateP256KeyStopsTheStart(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("public.jwk"),
        new ECKeyGenerator(Curve.P_256).generate().toPublicJWK().toJSONString());
    IllegalStateException failure = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
        () -> CairnUnderTest.start(Map.of("CAIRN_SIGNING_KEY_FILE", file.toString())));
    assertTrue(String.valueOf(failure.getCause()).contains("private EC P-256 key"), failure.toString());
  }
}
