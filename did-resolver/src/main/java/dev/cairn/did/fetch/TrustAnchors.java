package dev.cairn.did.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The certificates outbound TLS trusts: the JDK's own trust store, plus the certificates of an optional PEM file
 * (a private CA, or a test's self-signed certificate). There is no way to trust everything.
 */
final class TrustAnchors {
  private TrustAnchors() {}

  static X509TrustManager load(Optional<Path> extraPem) {
    X509TrustManager system = fromKeyStore(null);
    if (extraPem.isEmpty()) {
      return system;
    }
    X509TrustManager extra = fromKeyStore(keyStoreOf(extraPem.get()));
    return new Either(system, extra);
  }

  private static KeyStore keyStoreOf(Path pem) {
    try (InputStream in = Files.newInputStream(pem)) {
      Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
      if (certificates.isEmpty()) {
        throw new IllegalArgumentException(pem + " holds no certificate");
      }
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int i = 0;
      for (Certificate certificate : certificates) {
        store.setCertificateEntry("extra-" + i++, certificate);
      }
      return store;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read trust anchors from " + pem, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(pem + " is not a PEM file of X.509 certificates", e);
    }
  }

  private static X509TrustManager fromKeyStore(KeyStore store) {
    try {
      TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(store);
      for (TrustManager manager : factory.getTrustManagers()) {
        if (manager instanceof X509TrustManager x509) {
          return x509;
        }
      }
      throw new IllegalStateException("no X.509 trust manager");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot initialise TLS trust", e);
    }
  }

  /** Trusts a server chain when either trust manager does. */
  private record Either(X509TrustManager first, X509TrustManager second) implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      throw new CertificateException("outbound fetches do not authenticate clients");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      try {
        first.checkServerTrusted(chain, authType);
      } catch (CertificateException notSystemTrusted) {
        second.checkServerTrusted(chain, authType);
      }
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      List<X509Certificate> all = new ArrayList<>(List.of(first.getAcceptedIssuers()));
      all.addAll(List.of(second.getAcceptedIssuers()));
      return all.toArray(X509Certificate[]::new);
    }
  }
}
