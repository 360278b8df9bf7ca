package dev.cairn.did.key;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.apicatalog.multibase.Multibase;
import com.apicatalog.multicodec.codec.KeyCodec;
import dev.cairn.did.Did;
import dev.cairn.did.DidError;
import dev.cairn.did.DidResolutionException;
import dev.cairn.did.PublicKeyFormat;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class DidKeyRejectionTest {
  private final DidKeyMethod method = new DidKeyMethod();

  @Test
  void aWrongLengthEd25519KeyIsRefused() {
    assertRefused("did:key:" + Multibase.BASE_58_BTC.encode(KeyCodec.ED25519_PUBLIC_KEY.encode(new byte[31])),
        DidError.INVALID_PUBLIC_KEY, "32 bytes");
  }

  @Test
  void anUnknownMulticodecIsRefused() {
    byte[] unknown = HexFormat.of().parseHex("ff01" + "11".repeat(32));
    assertRefused("did:key:" + Multibase.BASE_58_BTC.encode(unknown), DidError.INVALID_PUBLIC_KEY, "multicodec");
  }

  @Test
  void aCompressedP256PointNotOnTheCurveIsRefused() {
    byte[] point = new byte[33];
    point[0] = 2;
    point[32] = (byte) firstXWithoutPointOnP256();
    assertRefused("did:key:" + Multibase.BASE_58_BTC.encode(KeyCodec.P256_PUBLIC_KEY.encode(point)),
        DidError.INVALID_PUBLIC_KEY, "not a point on the curve");
  }

  @Test
  void aP384KeyOfP256LengthIsRefused() {
    byte[] point = new byte[33];
    point[0] = 2;
    assertRefused("did:key:" + Multibase.BASE_58_BTC.encode(KeyCodec.P384_PUBLIC_KEY.encode(point)),
        DidError.INVALID_PUBLIC_KEY, "49 bytes");
  }

  @Test
  void aNonBase58btcIdIsAnInvalidDid() {
    assertRefused("did:key:mAQID", DidError.INVALID_DID, "base58btc");
  }

  @Test
  void garbageAfterTheMultibasePrefixIsRefused() {
    assertRefused("did:key:z0OIl", DidError.INVALID_PUBLIC_KEY, "base58");
  }

  @Test
  void aSecp256k1KeyWithAnInvalidPrefixByteIsRefused() {
    byte[] point = new byte[33];
    Arrays.fill(point, (byte) 7);
    point[0] = 5;
    assertRefused("did:key:" + Multibase.BASE_58_BTC.encode(KeyCodec.SECP256K1_PUBLIC_KEY.encode(point)),
        DidError.INVALID_PUBLIC_KEY, "secp256k1");
  }

  /** The smallest x for which x^3 - 3x + b is not a square mod p: no point of P-256 has it. */
  private static int firstXWithoutPointOnP256() {
    var curve = org.bouncycastle.crypto.ec.CustomNamedCurves.getByName("secp256r1").getCurve();
    java.math.BigInteger p = curve.getField().getCharacteristic();
    java.math.BigInteger b = curve.getB().toBigInteger();
    for (int x = 1; ; x++) {
      java.math.BigInteger bx = java.math.BigInteger.valueOf(x);
      java.math.BigInteger rhs = bx.pow(3).subtract(bx.multiply(java.math.BigInteger.valueOf(3))).add(b).mod(p);
      if (rhs.modPow(p.subtract(java.math.BigInteger.ONE).shiftRight(1), p).equals(p.subtract(java.math.BigInteger.ONE))) {
        return x;
      }
    }
  }

  private void assertRefused(String did, DidError error, String reasonMentions) {
    DidResolutionException refused = assertThrows(DidResolutionException.class,
        () -> method.document(Did.parse(did), PublicKeyFormat.MULTIKEY));
    assertEquals(error, refused.error(), refused.reason());
    assertTrue(refused.reason().contains(reasonMentions), refused.reason());
  }
}
