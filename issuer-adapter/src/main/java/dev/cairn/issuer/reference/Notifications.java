package dev.cairn.issuer.reference;

import dev.cairn.issuer.oid4vci.OAuthError;
import dev.cairn.issuer.oid4vci.OpenId4Vci;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Notification Endpoint state (§11): the {@code notification_id} of every Credential Response and the events
 * Wallets reported for it. Notifications are idempotent (§11): the same event again is a success.
 */
public final class Notifications {
  private static final Set<String> EVENTS = Set.of(OpenId4Vci.CREDENTIAL_ACCEPTED, OpenId4Vci.CREDENTIAL_FAILURE,
      OpenId4Vci.CREDENTIAL_DELETED);

  /** One event a Wallet reported. */
  public record Event(String notificationId, String event, String description) {}

  private final Map<String, List<Event>> events = new ConcurrentHashMap<>();

  String open() {
    String id = Secrets.token();
    events.put(id, new ArrayList<>());
    return id;
  }

  void record(String notificationId, String event, String description) {
    if (!EVENTS.contains(event)) {
      throw new OAuthException(OAuthError.INVALID_NOTIFICATION_REQUEST, "event must be one of " + EVENTS);
    }
    List<Event> known = events.get(notificationId);
    if (known == null) {
      throw new OAuthException(OAuthError.INVALID_NOTIFICATION_ID, "unknown notification_id");
    }
    synchronized (known) {
      Event reported = new Event(notificationId, event, description);
      if (!known.contains(reported)) {
        known.add(reported);
      }
    }
  }

  /** Every event reported so far, for operators and tests. */
  public List<Event> reported() {
    List<Event> all = new ArrayList<>();
    events.values().forEach(list -> {
      synchronized (list) {
        all.addAll(list);
      }
    });
    return all;
  }
}
