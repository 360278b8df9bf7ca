package dev.cairn.wallet.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CairnConfigTest {

  @Test
  void defaultsAreTheDocumentedSafeOnes() {
    CairnConfig config = CairnConfig.fromEnvironment(Map.of("CAIRN_HOME", "/srv/cairn"));
    assertEquals(8080, config.http().port());
    assertEquals(1024 * 1024, config.http().maxBodyBytes());
    assertEquals(64, config.http().maxJsonDepth());
    assertEquals(Duration.ofMinutes(15), config.tokens().accessTokenTtl());
    assertEquals(Path.of("/srv/cairn/pgdata"), config.pgDataDirectory());
    assertTrue(config.database().isEmpty(), "embedded PostgreSQL unless CAIRN_DB_URL is set");
    assertTrue(config.oidc().isEmpty());
    assertEquals(new CairnConfig.DatabaseTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5)),
        config.databaseTimeouts());
  }

  @Test
  void aMalformedValueNamesTheVariable() {
    ConfigException port = assertThrows(ConfigException.class,
        () -> CairnConfig.fromEnvironment(Map.of("CAIRN_HTTP_PORT", "eighty")));
    assertTrue(port.getMessage().contains("CAIRN_HTTP_PORT"), port.getMessage());
    ConfigException range = assertThrows(ConfigException.class,
        () -> CairnConfig.fromEnvironment(Map.of("CAIRN_HTTP_MAX_BODY_BYTES", "12")));
    assertTrue(range.getMessage().contains("between"), range.getMessage());
    ConfigException flag = assertThrows(ConfigException.class,
        () -> CairnConfig.fromEnvironment(Map.of("CAIRN_HTTP_TRUST_FORWARDED", "maybe")));
    assertTrue(flag.getMessage().contains("CAIRN_HTTP_TRUST_FORWARDED"));
  }

  @Test
  void anOidcIssuerNeedsAnAudience() {
    ConfigException missing = assertThrows(ConfigException.class,
        () -> CairnConfig.fromEnvironment(Map.of("CAIRN_OIDC_ISSUER", "https://id.example")));
    assertTrue(missing.getMessage().contains("CAIRN_OIDC_AUDIENCE"));
  }
}
