package dev.cairn.wallet.issuance;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A P-256 key and a self-signed certificate for one DNS name, for the demo issuer on a developer's machine: written
 * once as PEM and reused, so a Cairn that trusts the certificate ({@code CAIRN_HTTP_TRUST_PEM}) keeps trusting it
 * across restarts. Blocking file I/O, at start-up only.
 */
final class SelfSignedTls {
  private static final Duration VALIDITY = Duration.ofDays(365);

  private SelfSignedTls() {}

  /** Makes the pair unless both files exist. */
  static void ensure(Path certificatePem, Path privateKeyPem, String dnsName) {
    if (Files.exists(certificatePem) && Files.exists(privateKeyPem)) {
      return;
    }
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      KeyPair keys = generator.generateKeyPair();
      Instant now = Instant.now();
      X500Name subject = new X500Name("CN=" + dnsName);
      var certificate = new JcaX509v3CertificateBuilder(subject, new BigInteger(64, new SecureRandom()),
          Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(VALIDITY)), subject, keys.getPublic())
          .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName(GeneralName.dNSName, dnsName)))
          .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate()));
      Files.createDirectories(certificatePem.toAbsolutePath().getParent());
      Files.writeString(certificatePem, pem(certificate));
      Files.writeString(privateKeyPem, pem(new JcaPKCS8Generator(keys.getPrivate(), null).generate()));
      try {
        Files.setPosixFilePermissions(privateKeyPem, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException notPosix) {
        // Non-POSIX file systems keep their default permissions.
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the issuer's TLS files next to " + certificatePem, e);
    } catch (Exception e) {
      throw new IllegalStateException("cannot make a self-signed certificate: " + e.getMessage(), e);
    }
  }

  private static String pem(Object object) throws IOException {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      writer.writeObject(object);
    }
    return out.toString();
  }
}
