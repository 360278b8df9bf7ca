package dev.cairn.issuer.client;

import java.net.URI;

/**
 * What the wallet needs to tell the issuer what became of one Credential Response (§11): the Notification Endpoint,
 * the Access Token it requires, and the response's {@code notification_id}. Holds a bearer token: store it sealed, or
 * not at all.
 */
public record NotificationHandle(URI endpoint, String accessToken, String notificationId) {
  @Override
  public String toString() {
    return "NotificationHandle[" + endpoint + "]";
  }
}
