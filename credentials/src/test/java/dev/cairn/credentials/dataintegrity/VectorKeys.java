package dev.cairn.credentials.dataintegrity;

import com.apicatalog.multibase.Multibase;
import com.apicatalog.multicodec.Multicodec;
import com.apicatalog.multicodec.codec.KeyCodec;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.math.ec.ECPoint;

/** The spec vectors' key pairs (Multikey {@code publicKeyMultibase} + {@code secretKeyMultibase}) as private JWKs. */
final class VectorKeys {
  private VectorKeys() {}

  static JWK privateKey(JsonObject pair) {
    String secret = pair.containsKey("secretKeyMultibase") ? pair.getString("secretKeyMultibase") : pair.getString("privateKeyMultibase");
    byte[] publicBytes = Multibase.BASE_58_BTC.decode(pair.getString("publicKeyMultibase"));
    byte[] secretBytes = Multibase.BASE_58_BTC.decode(secret);
    if (KeyCodec.ED25519_PUBLIC_KEY.isEncoded(publicBytes)) {
      return new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(KeyCodec.ED25519_PUBLIC_KEY.decode(publicBytes)))
          .d(Base64URL.encode(KeyCodec.ED25519_PRIVATE_KEY.decode(secretBytes))).build();
    }
    if (KeyCodec.P256_PUBLIC_KEY.isEncoded(publicBytes)) {
      return ec(Curve.P_256, "P-256", KeyCodec.P256_PUBLIC_KEY, publicBytes, KeyCodec.P256_PRIVATE_KEY.decode(secretBytes));
    }
    if (KeyCodec.P384_PUBLIC_KEY.isEncoded(publicBytes)) {
      return ec(Curve.P_384, "P-384", KeyCodec.P384_PUBLIC_KEY, publicBytes, KeyCodec.P384_PRIVATE_KEY.decode(secretBytes));
    }
    throw new IllegalArgumentException("unknown key type in " + pair);
  }

  private static ECKey ec(Curve curve, String name, Multicodec codec, byte[] publicBytes, byte[] secret) {
    ECPoint point = ECNamedCurveTable.getByName(name).getCurve().decodePoint(codec.decode(publicBytes)).normalize();
    int size = (point.getCurve().getFieldSize() + 7) / 8;
    return new ECKey.Builder(curve, Base64URL.encode(fixed(point.getAffineXCoord().toBigInteger(), size)),
        Base64URL.encode(fixed(point.getAffineYCoord().toBigInteger(), size)))
        .d(Base64URL.encode(fixed(new BigInteger(1, secret), size))).build();
  }

  private static byte[] fixed(BigInteger value, int size) {
    byte[] bytes = value.toByteArray();
    if (bytes.length == size) {
      return bytes;
    }
    byte[] out = new byte[size];
    int start = Math.max(0, bytes.length - size);
    System.arraycopy(bytes, start, out, size - (bytes.length - start), bytes.length - start);
    return out;
  }
}
