package dev.cairn.wallet.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {
  private final PasswordHasher hasher = new PasswordHasher();

  /** RFC 9106 §5.3: the Argon2id test vector, through the same Bouncy Castle generator the hasher uses. */
  @Test
  void bouncyCastleArgon2idReproducesTheRfc9106TestVector() {
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
        .withVersion(Argon2Parameters.ARGON2_VERSION_13)
        .withMemoryAsKB(32).withIterations(3).withParallelism(4)
        .withSalt(filled(16, 0x02)).withSecret(filled(8, 0x03)).withAdditional(filled(12, 0x04))
        .build());
    byte[] tag = new byte[32];
    generator.generateBytes(filled(32, 0x01), tag);
    assertArrayEquals(HexFormat.of().parseHex(
        "0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659"), tag);
  }

  /** The reference implementation's encoded Argon2id hash of "password" (phc-winner-argon2, src/test.c). */
  @Test
  void verifiesAHashEncodedByTheReferenceImplementation() {
    String reference = "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";
    assertTrue(hasher.verify("password", reference));
    assertFalse(hasher.verify("passwore", reference));
  }

  @Test
  void hashesCarryTheDocumentedParametersAndAFreshSalt() {
    String first = hasher.hash("correct horse battery staple");
    String second = hasher.hash("correct horse battery staple");
    assertTrue(first.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), first);
    assertNotEquals(first, second, "a fresh salt each time");
    assertTrue(hasher.verify("correct horse battery staple", first));
    assertFalse(hasher.verify("correct horse battery stapl", first));
  }

  @Test
  void composedAndDecomposedAccentsAreTheSamePassword() {
    String stored = hasher.hash("caf\u00e9 au lait please");
    assertTrue(hasher.verify("cafe\u0301 au lait please", stored));
  }

  @Test
  void refusesSomethingThatIsNotAnArgon2idHash() {
    assertThrows(IllegalArgumentException.class, () -> hasher.verify("pw", "$2b$12$abcdefghijklmnopqrstuv"));
  }

  private static byte[] filled(int length, int value) {
    byte[] bytes = new byte[length];
    Arrays.fill(bytes, (byte) value);
    return bytes;
  }
}
