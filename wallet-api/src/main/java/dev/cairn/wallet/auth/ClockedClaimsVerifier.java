package dev.cairn.wallet.auth;

import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import java.time.Clock;
import java.util.Date;
import java.util.Set;

/**
 * Nimbus's claims checks (issuer, audience, required claims, {@code exp}/{@code nbf} with 60 s of skew) reading
 * the time from Cairn's injected clock, so tests move time instead of sleeping.
 */
final class ClockedClaimsVerifier extends DefaultJWTClaimsVerifier<SecurityContext> {
  private final Clock clock;

  ClockedClaimsVerifier(String audience, JWTClaimsSet exactMatch, Set<String> required, Clock clock) {
    super(audience, exactMatch, required);
    this.clock = clock;
  }

  @Override
  protected Date currentTime() {
    return Date.from(clock.instant());
  }

  /** Nimbus's rejection messages (DefaultJWTClaimsVerifier, DefaultJWTProcessor), reduced to what a caller may be told. */
  static String describe(BadJOSEException e) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    if (message.startsWith("Expired JWT")) {
      return "the access token has expired";
    }
    if (message.startsWith("JWT before use time")) {
      return "the access token is not valid yet";
    }
    if (message.startsWith("JWT aud claim rejected") || message.startsWith("JWT missing required aud claim")) {
      return "the access token is not meant for this API (aud)";
    }
    if (message.startsWith("JWT iss claim")) {
      return "the access token comes from an issuer this API does not accept (iss)";
    }
    if (message.startsWith("JWT missing required claims")) {
      return "the access token lacks a required claim";
    }
    if (message.startsWith("Unsecured")) {
      return "unsigned access tokens (alg none) are not accepted";
    }
    if (message.contains("JOSE header typ")) {
      return "the access token has the wrong type (typ)";
    }
    return "the access token signature or algorithm is not accepted";
  }
}
