package dev.cairn.did.internal;

import com.apicatalog.multibase.Multibase;
import com.apicatalog.multicodec.Multicodec;
import com.apicatalog.multicodec.codec.KeyCodec;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.bc.BouncyCastleProviderSingleton;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import dev.cairn.did.DidError;
import dev.cairn.did.DidResolutionException;
import dev.cairn.did.PublicKeyMaterial;
import dev.cairn.did.PublicKeyMaterial.KeyType;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.math.ec.ECPoint;

/**
 * Decodes the public-key encodings found in DID documents into checked keys: JWKs ({@code publicKeyJwk}),
 * multicodec-prefixed multibase ({@code publicKeyMultibase} of Multikey and Ed25519VerificationKey2020) and raw
 * base58 ({@code publicKeyBase58} of Ed25519VerificationKey2018). Compressed EC points are decompressed and must
 * lie on their curve; wrong lengths, unknown codecs and private keys are refused with invalidPublicKey.
 */
public final class PublicKeys {
  private static final byte[] ED25519_SPKI_PREFIX = hex("302a300506032b6570032100");
  private static final byte[] X25519_SPKI_PREFIX = hex("302a300506032b656e032100");
  private static final List<Multicodec> KEY_CODECS = List.of(KeyCodec.ED25519_PUBLIC_KEY, KeyCodec.X25519_PUBLIC_KEY,
      KeyCodec.P256_PUBLIC_KEY, KeyCodec.P384_PUBLIC_KEY, KeyCodec.SECP256K1_PUBLIC_KEY);

  private PublicKeys() {}

  /** A {@code publicKeyMultibase} value: base58btc ('z') of a multicodec key header and the key bytes. */
  public static PublicKeyMaterial fromMultibase(String multibase) {
    if (multibase == null || multibase.isEmpty() || multibase.charAt(0) != 'z') {
      throw invalid("publicKeyMultibase must be base58btc ('z' prefix)");
    }
    byte[] bytes;
    try {
      bytes = Multibase.BASE_58_BTC.decode(multibase);
    } catch (IllegalArgumentException e) {
      throw invalid("publicKeyMultibase is not valid base58btc");
    }
    for (Multicodec codec : KEY_CODECS) {
      if (codec.isEncoded(bytes)) {
        return fromCodec(codec, codec.decode(bytes));
      }
    }
    throw invalid("publicKeyMultibase carries a key type Cairn does not support (unknown multicodec)");
  }

  /** The multibase form of a key: 'z' + base58btc(multicodec header + key bytes). */
  public static String toMultibase(KeyType type, byte[] keyBytes) {
    Multicodec codec = switch (type) {
      case ED25519 -> KeyCodec.ED25519_PUBLIC_KEY;
      case X25519 -> KeyCodec.X25519_PUBLIC_KEY;
      case P256 -> KeyCodec.P256_PUBLIC_KEY;
      case P384 -> KeyCodec.P384_PUBLIC_KEY;
      case SECP256K1 -> KeyCodec.SECP256K1_PUBLIC_KEY;
      case RSA -> throw new IllegalArgumentException("RSA keys have no multikey form in Cairn");
    };
    return Multibase.BASE_58_BTC.encode(codec.encode(keyBytes));
  }

  /** A {@code publicKeyBase58} value (Ed25519VerificationKey2018): the raw 32-byte Ed25519 key. */
  public static PublicKeyMaterial fromBase58Ed25519(String base58) {
    byte[] bytes;
    try {
      bytes = Multibase.BASE_58_BTC.decode("z" + base58);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw invalid("publicKeyBase58 is not valid base58");
    }
    return ed25519(bytes);
  }

  /** A {@code publicKeyJwk} value. A JWK holding private members is refused: it must never be published. */
  public static PublicKeyMaterial fromJwk(Map<String, Object> json) {
    JWK jwk;
    try {
      jwk = JWK.parse(json);
    } catch (ParseException | IllegalArgumentException e) {
      throw invalid("publicKeyJwk is not a valid JWK (or its point is not on its curve)");
    }
    return fromJwk(jwk);
  }

  public static PublicKeyMaterial fromJwk(JWK jwk) {
    if (jwk.isPrivate()) {
      throw invalid("the JWK contains private key members");
    }
    try {
      if (jwk instanceof ECKey ec) {
        KeyType type = ecType(ec.getCurve());
        return new PublicKeyMaterial(type, ec.toECPublicKey(BouncyCastleProviderSingleton.getInstance()), ec.toPublicJWK());
      }
      if (jwk instanceof OctetKeyPair okp) {
        byte[] x = okp.getX().decode();
        if (Curve.Ed25519.equals(okp.getCurve())) {
          return ed25519(x);
        }
        if (Curve.X25519.equals(okp.getCurve())) {
          return x25519(x);
        }
        throw invalid("OKP curve " + okp.getCurve() + " is not supported");
      }
      if (jwk instanceof RSAKey rsa) {
        if (rsa.size() < 2048) {
          throw invalid("RSA keys shorter than 2048 bits are refused");
        }
        return new PublicKeyMaterial(KeyType.RSA, rsa.toRSAPublicKey(), rsa.toPublicJWK());
      }
    } catch (JOSEException e) {
      throw invalid("the JWK does not make a usable public key");
    }
    throw invalid("key type " + jwk.getKeyType() + " is not supported");
  }

  public static PublicKeyMaterial ed25519(byte[] key) {
    if (key.length != 32) {
      throw invalid("an Ed25519 public key is 32 bytes, not " + key.length);
    }
    try {
      new Ed25519PublicKeyParameters(key, 0); // rejects encodings that are not a curve point
      PublicKey publicKey = KeyFactory.getInstance("Ed25519", BouncyCastleProviderSingleton.getInstance())
          .generatePublic(new X509EncodedKeySpec(concat(ED25519_SPKI_PREFIX, key)));
      return new PublicKeyMaterial(KeyType.ED25519, publicKey,
          new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(key)).build());
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      throw invalid("the Ed25519 public key is not a point on the curve");
    }
  }

  public static PublicKeyMaterial x25519(byte[] key) {
    if (key.length != 32) {
      throw invalid("an X25519 public key is 32 bytes, not " + key.length);
    }
    try {
      PublicKey publicKey = KeyFactory.getInstance("X25519", BouncyCastleProviderSingleton.getInstance())
          .generatePublic(new X509EncodedKeySpec(concat(X25519_SPKI_PREFIX, key)));
      return new PublicKeyMaterial(KeyType.X25519, publicKey,
          new OctetKeyPair.Builder(Curve.X25519, Base64URL.encode(key)).build());
    } catch (GeneralSecurityException e) {
      throw invalid("the X25519 public key cannot be read");
    }
  }

  /** A SEC1 compressed (0x02/0x03 || X) or uncompressed (0x04 || X || Y) point, checked to be on {@code curve}. */
  public static PublicKeyMaterial ecPoint(Curve curve, byte[] encoded) {
    int fieldBytes = curve.equals(Curve.P_384) ? 48 : 32;
    boolean compressed = encoded.length == fieldBytes + 1 && (encoded[0] == 2 || encoded[0] == 3);
    boolean uncompressed = encoded.length == 2 * fieldBytes + 1 && encoded[0] == 4;
    if (!compressed && !uncompressed) {
      throw invalid("a " + curve + " public key is " + (fieldBytes + 1) + " bytes compressed, not " + encoded.length);
    }
    ECPoint point;
    try {
      X9ECParameters parameters = CustomNamedCurves.getByName(bcCurveName(curve));
      point = parameters.getCurve().decodePoint(encoded).normalize();
      if (!point.isValid()) {
        throw invalid("the " + curve + " public key is not a point on the curve");
      }
    } catch (IllegalArgumentException e) {
      throw invalid("the " + curve + " public key is not a point on the curve");
    }
    ECKey jwk = new ECKey.Builder(curve,
        Base64URL.encode(fixedLength(point.getAffineXCoord().toBigInteger(), fieldBytes)),
        Base64URL.encode(fixedLength(point.getAffineYCoord().toBigInteger(), fieldBytes))).build();
    return fromJwk(jwk);
  }

  /**
   * The X25519 key of an Ed25519 key, by the birational map u = (1 + y) / (1 - y) mod p (RFC 7748 §4.1), as the
   * did:key spec derives its keyAgreement method.
   */
  public static byte[] x25519FromEd25519(byte[] ed25519) {
    BigInteger p = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));
    byte[] littleEndian = ed25519.clone();
    littleEndian[31] &= 0x7f; // the top bit is the sign of x, not part of y
    BigInteger y = new BigInteger(1, reverse(littleEndian));
    BigInteger u = BigInteger.ONE.add(y).multiply(BigInteger.ONE.subtract(y).modInverse(p)).mod(p);
    return reverse(fixedLength(u, 32));
  }

  private static PublicKeyMaterial fromCodec(Multicodec codec, byte[] key) {
    if (codec.equals(KeyCodec.ED25519_PUBLIC_KEY)) {
      return ed25519(key);
    }
    if (codec.equals(KeyCodec.X25519_PUBLIC_KEY)) {
      return x25519(key);
    }
    if (codec.equals(KeyCodec.P256_PUBLIC_KEY)) {
      return ecPoint(Curve.P_256, key);
    }
    if (codec.equals(KeyCodec.P384_PUBLIC_KEY)) {
      return ecPoint(Curve.P_384, key);
    }
    return ecPoint(Curve.SECP256K1, key);
  }

  private static KeyType ecType(Curve curve) {
    if (Curve.P_256.equals(curve)) {
      return KeyType.P256;
    }
    if (Curve.P_384.equals(curve)) {
      return KeyType.P384;
    }
    if (Curve.SECP256K1.equals(curve)) {
      return KeyType.SECP256K1;
    }
    throw invalid("EC curve " + curve + " is not supported");
  }

  private static String bcCurveName(Curve curve) {
    if (Curve.P_256.equals(curve)) {
      return "secp256r1";
    }
    if (Curve.P_384.equals(curve)) {
      return "secp384r1";
    }
    return "secp256k1";
  }

  private static byte[] fixedLength(BigInteger value, int length) {
    byte[] raw = value.toByteArray();
    if (raw.length == length) {
      return raw;
    }
    byte[] out = new byte[length];
    int copy = Math.min(raw.length, length);
    System.arraycopy(raw, raw.length - copy, out, length - copy, copy);
    return out;
  }

  private static byte[] reverse(byte[] bytes) {
    byte[] out = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      out[i] = bytes[bytes.length - 1 - i];
    }
    return out;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static byte[] hex(String hex) {
    return java.util.HexFormat.of().parseHex(hex);
  }

  private static DidResolutionException invalid(String reason) {
    return new DidResolutionException(DidError.INVALID_PUBLIC_KEY, reason);
  }
}
