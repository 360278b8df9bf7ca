package dev.cairn.issuer.reference;

import dev.cairn.issuer.oid4vci.OAuthError;
import dev.cairn.issuer.oid4vci.OpenId4Vci;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pushed Authorization Requests (RFC 9126), in memory: a validated request is kept under an unguessable
 * {@code request_uri} for a short time, and the Authorization Endpoint takes it once (§4: "the authorization server
 * SHOULD treat it as one-time use"; here it MUST).
 */
final class PushedAuthorizationRequests {
  /** RFC 9126 §2.2: the {@code request_uri} and its {@code expires_in}, in seconds. */
  record Pushed(String requestUri, long expiresIn) {}

  private record Held(AuthorizationRequest request, Instant expiresAt) {}

  private final Map<String, Held> pushed = new ConcurrentHashMap<>();
  private final AuthorizationSettings settings;
  private final Clock clock;

  PushedAuthorizationRequests(AuthorizationSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  Pushed push(AuthorizationRequest request) {
    Instant now = clock.instant();
    pushed.values().removeIf(held -> !now.isBefore(held.expiresAt()));
    String requestUri = OpenId4Vci.REQUEST_URI_PREFIX + Secrets.token();
    pushed.put(requestUri, new Held(request, now.plus(settings.requestUriLifetime())));
    return new Pushed(requestUri, settings.requestUriLifetime().toSeconds());
  }

  /**
   * RFC 9126 §4: the pushed request behind {@code requestUri}, spent by this call; it must have been pushed by
   * {@code clientId}. Unknown, expired or used: {@code invalid_request_uri} (RFC 9101 §7).
   */
  AuthorizationRequest take(String requestUri, String clientId) {
    Held held = pushed.remove(requestUri);
    if (held == null || !clock.instant().isBefore(held.expiresAt())) {
      throw new OAuthException(OAuthError.INVALID_REQUEST_URI, "request_uri is unknown, expired or already used");
    }
    if (!held.request().clientId().equals(clientId)) {
      throw new OAuthException(OAuthError.INVALID_REQUEST, "request_uri was pushed by another client_id");
    }
    return held.request();
  }
}
