package dev.cairn.wallet.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.Optional;

/**
 * The server's ES256 key for the access tokens it issues. Given by the operator (CAIRN_SIGNING_KEY_FILE, a JWK
 * or PEM file; every instance of a deployment needs the same one) or generated at first start into
 * {@code $CAIRN_HOME/keys/signing-key.jwk}, readable by its owner only. Never logged, never returned.
 */
public final class SigningKey {
  private SigningKey() {}

  /** Blocking file I/O: call it during start-up on a worker thread. */
  public static ECKey loadOrCreate(Optional<Path> configured, Path home) {
    if (configured.isPresent()) {
      return read(configured.get());
    }
    Path generated = home.resolve("keys").resolve("signing-key.jwk");
    if (Files.exists(generated)) {
      return read(generated);
    }
    return create(generated);
  }

  private static ECKey read(Path file) {
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8).trim();
      JWK jwk = text.startsWith("{") ? JWK.parse(text) : JWK.parseFromPEMEncodedObjects(text);
      if (!(jwk instanceof ECKey ec) || !Curve.P_256.equals(ec.getCurve()) || !ec.isPrivate()) {
        throw new IllegalStateException("the signing key in " + file + " must be a private EC P-256 key");
      }
      return withKeyId(ec);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the signing key file " + file, e);
    } catch (ParseException | JOSEException e) {
      throw new IllegalStateException("the signing key file " + file + " holds no readable JWK or PEM key");
    }
  }

  private static ECKey create(Path file) {
    try {
      ECKey key = withKeyId(new ECKeyGenerator(Curve.P_256).generate());
      Files.createDirectories(file.getParent());
      Files.writeString(file, key.toJSONString(), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE);
      restrictToOwner(file);
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the signing key to " + file, e);
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot generate a P-256 key", e);
    }
  }

  private static ECKey withKeyId(ECKey key) throws JOSEException {
    return new ECKey.Builder(key).keyIDFromThumbprint().build();
  }

  private static void restrictToOwner(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException notPosix) {
      // Non-POSIX file systems keep their default permissions; the README says where the key lives.
    }
  }
}
