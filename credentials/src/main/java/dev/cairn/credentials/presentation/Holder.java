package dev.cairn.credentials.presentation;

import com.apicatalog.multibase.Multibase;
import com.apicatalog.multicodec.codec.KeyCodec;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import dev.cairn.credentials.jose.Ed25519Jws;
import dev.cairn.credentials.presentation.PresentationException.Reason;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * The learner as presenter: a private holder key, the DID the presentation is made under, and the verification
 * method (a DID URL naming the key) given as the JWS {@code kid} of a VP-JWT and the {@code verificationMethod} of an
 * ldp_vp proof. A P-256 key signs ES256 and ecdsa-rdfc-2019; an Ed25519 key signs EdDSA and eddsa-rdfc-2022.
 *
 * <p>A key has two DIDs that need no registry: did:jwk (the public JWK, method {@code #0}) and did:key (the multicodec
 * key in base58btc, method {@code #<multibase>}; P-256 compressed). {@link #fromPrivateJwk} takes did:jwk;
 * {@link #identifiedAs} answers the same key under the DID a credential names as its subject, since a verifier
 * compares the presentation's holder with that subject as strings.
 *
 * <p>{@link #toString()} never shows the private key.
 */
public record Holder(JWK privateKey, String did, String verificationMethod) {
  private static final String DID_JWK = "did:jwk:";
  private static final String DID_KEY = "did:key:";

  public Holder {
    Objects.requireNonNull(privateKey, "privateKey");
    Objects.requireNonNull(did, "did");
    Objects.requireNonNull(verificationMethod, "verificationMethod");
    requireSupported(privateKey);
    if (!verificationMethod.startsWith(did + "#")) {
      throw new IllegalArgumentException("the verification method " + verificationMethod + " is not a method of " + did);
    }
  }

  /** The holder under its did:jwk, whose one verification method is {@code #0} (did:jwk spec, "Read"). */
  public static Holder fromPrivateJwk(JWK privateKey) {
    requireSupported(privateKey);
    String did = DID_JWK + Base64URL.encode(privateKey.toPublicJWK().toJSONString());
    return new Holder(privateKey, did, did + "#0");
  }

  /** As {@link #fromPrivateJwk(JWK)}, from the JWK's JSON text. */
  public static Holder fromPrivateJwk(String json) {
    try {
      return fromPrivateJwk(JWK.parse(json));
    } catch (ParseException e) {
      throw new PresentationException(Reason.UNSUPPORTED_HOLDER_KEY, "the holder key is not a JWK");
    }
  }

  /** The same key under its did:key, whose verification method is the DID followed by {@code #} and the key. */
  public Holder asDidKey() {
    String multibase = multibase(publicKey());
    return new Holder(privateKey, DID_KEY + multibase, DID_KEY + multibase + "#" + multibase);
  }

  /**
   * This holder under {@code did} when that DID is one of its key's: a did:jwk of the same key (compared by RFC 7638
   * thumbprint, so member order and extra members do not matter), or its did:key.
   */
  public Optional<Holder> identifiedAs(String did) {
    if (did.equals(this.did)) {
      return Optional.of(this);
    }
    if (did.startsWith(DID_JWK) && holds(didJwkKey(did.substring(DID_JWK.length())))) {
      return Optional.of(new Holder(privateKey, did, did + "#0"));
    }
    Holder asDidKey = asDidKey();
    return asDidKey.did().equals(did) ? Optional.of(asDidKey) : Optional.empty();
  }

  /**
   * This holder under the DID a credential names as its subject, so that the presentation's holder and the
   * credential's subject are the same string; a subject that is not one of this key's DIDs is someone else.
   */
  Holder asSubject(String subject) {
    return identifiedAs(subject).orElseThrow(() -> new PresentationException(Reason.BOUND_TO_ANOTHER_HOLDER,
        "the credential is about " + subject + ", which is not a DID of the holder's key"));
  }

  public JWK publicKey() {
    return privateKey.toPublicJWK();
  }

  /** Whether {@code key} is this holder's public key (RFC 7638 thumbprints compared). */
  public boolean holds(JWK key) {
    if (key == null) {
      return false;
    }
    try {
      return key.computeThumbprint().equals(privateKey.computeThumbprint());
    } catch (JOSEException e) {
      return false;
    }
  }

  /** ES256 for P-256, EdDSA for Ed25519 (RFC 8037 §3.1). */
  public JWSAlgorithm algorithm() {
    return privateKey instanceof ECKey ? JWSAlgorithm.ES256 : JWSAlgorithm.EdDSA;
  }

  JWSSigner signer() {
    try {
      return privateKey instanceof ECKey ec ? new ECDSASigner(ec) : Ed25519Jws.signer((OctetKeyPair) privateKey);
    } catch (JOSEException e) {
      throw new PresentationException(Reason.UNSUPPORTED_HOLDER_KEY, "the holder key cannot sign: " + e.getMessage());
    }
  }

  @Override
  public String toString() {
    return "Holder[" + did + "]";
  }

  private static void requireSupported(JWK key) {
    boolean supported = key != null && key.isPrivate()
        && ((key instanceof ECKey ec && Curve.P_256.equals(ec.getCurve()))
            || (key instanceof OctetKeyPair okp && Curve.Ed25519.equals(okp.getCurve())));
    if (!supported) {
      throw new PresentationException(Reason.UNSUPPORTED_HOLDER_KEY,
          "a holder key is a private P-256 (ES256) or Ed25519 (EdDSA) JWK, not " + describe(key));
    }
  }

  private static String describe(JWK key) {
    if (key == null) {
      return "nothing";
    }
    String curve = key instanceof ECKey ec ? " " + ec.getCurve() : key instanceof OctetKeyPair okp ? " " + okp.getCurve() : "";
    return (key.isPrivate() ? "a private " : "a public ") + key.getKeyType() + curve + " key";
  }

  private static JWK didJwkKey(String methodSpecificId) {
    try {
      return JWK.parse(new String(new Base64URL(methodSpecificId).decode(), StandardCharsets.UTF_8));
    } catch (ParseException | IllegalArgumentException e) {
      return null;
    }
  }

  /** The did:key method-specific id: base58btc multibase of the multicodec public key (P-256 compressed, SEC 1 §2.3.3). */
  private static String multibase(JWK publicKey) {
    if (publicKey instanceof OctetKeyPair okp) {
      return Multibase.BASE_58_BTC.encode(KeyCodec.ED25519_PUBLIC_KEY.encode(okp.getX().decode()));
    }
    ECKey ec = (ECKey) publicKey;
    byte[] x = fixed(ec.getX().decode());
    byte[] y = fixed(ec.getY().decode());
    byte[] compressed = new byte[33];
    compressed[0] = (byte) ((y[31] & 1) == 0 ? 0x02 : 0x03);
    System.arraycopy(x, 0, compressed, 1, 32);
    return Multibase.BASE_58_BTC.encode(KeyCodec.P256_PUBLIC_KEY.encode(compressed));
  }

  /** A P-256 coordinate as exactly 32 bytes (RFC 7518 §6.2.1.2 requires it; a lenient encoder may drop zeros). */
  private static byte[] fixed(byte[] coordinate) {
    if (coordinate.length == 32) {
      return coordinate;
    }
    byte[] out = new byte[32];
    int length = Math.min(coordinate.length, 32);
    System.arraycopy(coordinate, coordinate.length - length, out, 32 - length, length);
    return out;
  }
}
