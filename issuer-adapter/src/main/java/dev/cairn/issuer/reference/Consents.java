package dev.cairn.issuer.reference;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Authorization Requests waiting for the learner on the confirmation page, in memory, each under an unguessable id
 * the page's form posts back. Answered once: a second POST of the same form finds nothing.
 */
final class Consents {
  private record Waiting(AuthorizationRequest request, Instant expiresAt) {}

  private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();
  private final AuthorizationSettings settings;
  private final Clock clock;

  Consents(AuthorizationSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  String await(AuthorizationRequest request) {
    Instant now = clock.instant();
    waiting.values().removeIf(one -> !now.isBefore(one.expiresAt()));
    String id = Secrets.token();
    waiting.put(id, new Waiting(request, now.plus(settings.consentLifetime())));
    return id;
  }

  Optional<AuthorizationRequest> answer(String id) {
    Waiting one = id == null ? null : waiting.remove(id);
    return one == null || !clock.instant().isBefore(one.expiresAt()) ? Optional.empty() : Optional.of(one.request());
  }
}
