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

  /** Nimbus's rejection messages, reduced to what a caller may be told. */
  static String describe(BadJOSEException e) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    if (message.contains("Expired JWT")) {
      return "the access token has expired";
    }
    if (message.contains("before use time")) {
      return "the access token is not valid yet";
    }
    if (message.contains("audience")) {
      return "the access token is not meant for this API (aud)";
    }
    if (message.contains("iss")) {
      return "the access token comes from an issuer this API does not accept";
    }
    if (message.contains("Unsecured") || message.contains("plain")) {
      return "unsigned access tokens (alg none) are not accepted";
    }
    if (message.contains("type") || message.contains("typ")) {
      return "the access token has the wrong type (typ)";
    }
    if (message.contains("missing required claims")) {
      return "the access token lacks a required claim";
    }
    return "the access token signature or algorithm is not accepted";
  }
}
