package dev.cairn.wallet.employer.pages;

import io.vertx.core.json.JsonObject;

/**
 * The API answered a page's call with a problem (RFC 9457). The pages turn it into a page: 401 means the session is
 * over (sign in again), anything else is shown with the API's own detail, escaped.
 */
final class ApiRefusal extends RuntimeException {
  private final int status;
  private final String code;

  ApiRefusal(int status, JsonObject problem) {
    super(problem.getString("detail", "The request was refused (HTTP " + status + ")"), null, false, false);
    this.status = status;
    String type = problem.getString("type", "");
    this.code = type.substring(type.lastIndexOf('/') + 1);
  }

  int status() {
    return status;
  }

  /** The stable problem code, such as {@code invalid-request}. */
  String code() {
    return code;
  }

  boolean sessionOver() {
    return status == 401;
  }
}
