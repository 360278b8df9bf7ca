package dev.cairn.issuer.reference;

import java.time.Duration;

/**
 * How the reference issuer runs the Authorization Code Flow (§5; RFC 6749 §4.1, RFC 7636, RFC 9126), apart from
 * {@link ReferenceIssuerConfig} so the pre-authorized settings stay as they were.
 *
 * @param pushedRequests     whether the PAR endpoint exists, and whether plain Authorization Requests are refused
 *                           (RFC 9126 §5 {@code require_pushed_authorization_requests})
 * @param requestUriLifetime RFC 9126 §2.2: a pushed request's {@code request_uri} "SHOULD be short lived"
 * @param consentLifetime    how long the learner may take on the confirmation page
 * @param codeLifetime       RFC 6749 §4.1.2: "A maximum authorization code lifetime of 10 minutes is RECOMMENDED"
 */
public record AuthorizationSettings(PushedRequests pushedRequests, Duration requestUriLifetime,
                                    Duration consentLifetime, Duration codeLifetime) {

  /** RFC 9126: no PAR endpoint, one that is offered, or one that is required. */
  public enum PushedRequests { NOT_OFFERED, OFFERED, REQUIRED }

  /** PAR offered, not required; a request_uri lives 60 s, a code 60 s, the confirmation page 10 minutes. */
  public static AuthorizationSettings defaults() {
    return new AuthorizationSettings(PushedRequests.OFFERED, Duration.ofSeconds(60), Duration.ofMinutes(10),
        Duration.ofSeconds(60));
  }

  public AuthorizationSettings with(PushedRequests pushed) {
    return new AuthorizationSettings(pushed, requestUriLifetime, consentLifetime, codeLifetime);
  }

  boolean requirePushedAuthorizationRequests() {
    return pushedRequests == PushedRequests.REQUIRED;
  }
}
