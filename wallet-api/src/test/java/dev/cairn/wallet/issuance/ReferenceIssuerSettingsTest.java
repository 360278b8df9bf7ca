package dev.cairn.wallet.issuance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.wallet.config.ConfigException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code ./cairn issuer}'s settings: defaults that run on a laptop, and refusals that name the variable. */
class ReferenceIssuerSettingsTest {

  @Test
  void withNothingSetTheIssuerIsLocalhostOnPort8443WithACertificateInCairnHome() {
    ReferenceIssuerSettings settings = ReferenceIssuerSettings.fromEnvironment(Map.of("CAIRN_HOME", "/srv/cairn"));
    assertEquals("127.0.0.1", settings.host());
    assertEquals(8443, settings.port());
    assertEquals(URI.create("https://localhost:8443"), settings.identifier());
    assertEquals(Path.of("/srv/cairn/issuer/tls-cert.pem"), settings.tls().certificatePem());
    assertTrue(settings.tls().generated());
    assertEquals(Optional.empty(), settings.adminToken());
  }

  @Test
  void theIdentifierFollowsThePortUnlessItIsSetAndLosesATrailingSlash() {
    assertEquals(URI.create("https://localhost:9443"),
        ReferenceIssuerSettings.fromEnvironment(Map.of("CAIRN_ISSUER_PORT", "9443")).identifier());
    assertEquals(URI.create("https://issuer.example/academy"), ReferenceIssuerSettings.fromEnvironment(
        Map.of("CAIRN_ISSUER_URL", "https://issuer.example/academy/")).identifier());
  }

  @Test
  void anIdentifierThatIsNotHttpsIsRefusedByName() {
    ConfigException refused = assertThrows(ConfigException.class,
        () -> ReferenceIssuerSettings.fromEnvironment(Map.of("CAIRN_ISSUER_URL", "http://localhost:8443")));
    assertTrue(refused.getMessage().startsWith("CAIRN_ISSUER_URL"), refused.getMessage());
  }

  @Test
  void aCertificateWithoutItsKeyIsRefused() {
    ConfigException refused = assertThrows(ConfigException.class,
        () -> ReferenceIssuerSettings.fromEnvironment(Map.of("CAIRN_ISSUER_TLS_CERT", "/tmp/cert.pem")));
    assertTrue(refused.getMessage().contains("CAIRN_ISSUER_TLS_KEY"), refused.getMessage());
  }
}
