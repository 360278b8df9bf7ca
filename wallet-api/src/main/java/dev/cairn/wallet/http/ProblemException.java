package dev.cairn.wallet.http;

import java.util.Map;

/**
 * The one way a handler or service says "answer with this problem". Carried as the cause of a failed
 * {@code Future}; the {@link FailureHandler} turns it into an RFC 9457 response. No stack trace is
 * captured: these are expected outcomes, not bugs.
 */
public final class ProblemException extends RuntimeException {
  private final ProblemType type;
  private final Map<String, String> headers;
  private final Map<String, Object> extensions;

  public ProblemException(ProblemType type, String detail) {
    this(type, detail, Map.of());
  }

  public ProblemException(ProblemType type, String detail, Map<String, String> headers) {
    this(type, detail, headers, Map.of());
  }

  /** With extension members (RFC 9457 §3.2), written beside the standard ones; values are JSON-ready. */
  public ProblemException(ProblemType type, String detail, Map<String, String> headers,
                          Map<String, Object> extensions) {
    super(detail, null, false, false);
    this.type = type;
    this.headers = Map.copyOf(headers);
    this.extensions = Map.copyOf(extensions);
  }

  public Map<String, Object> extensions() {
    return extensions;
  }

  public ProblemType type() {
    return type;
  }

  public String detail() {
    return getMessage();
  }

  /** Response headers the problem needs, such as {@code WWW-Authenticate} or {@code Retry-After}. */
  public Map<String, String> headers() {
    return headers;
  }
}
