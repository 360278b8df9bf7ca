package dev.cairn.did.fetch;

import java.net.URI;

/** An outbound fetch that was refused or failed, with a closed set of reasons and a message naming the URL. */
public final class FetchException extends RuntimeException {

  /** Why the fetch produced no body. */
  public enum Reason {
    /** Not https (and not an allowed development host), or no host. */
    SCHEME_NOT_ALLOWED,
    /** The host is, or resolves to, a loopback, private, link-local, multicast or reserved address. */
    ADDRESS_NOT_ALLOWED,
    /** The host name does not resolve. */
    UNKNOWN_HOST,
    /** No TCP or TLS connection could be made (refused, unreachable, certificate not trusted). */
    CONNECT_FAILED,
    /** The overall deadline passed before the whole body arrived. */
    TIMEOUT,
    /** The server answered with a redirect; redirects are never followed. */
    REDIRECT,
    /** A status other than 200. */
    HTTP_STATUS,
    /** The response's Content-Type is not one the caller accepts. */
    CONTENT_TYPE,
    /** The body is larger than the cap. */
    TOO_LARGE,
    /** Too many fetches are already waiting. */
    BUSY
  }

  private final Reason reason;
  private final URI uri;

  public FetchException(Reason reason, URI uri, String message) {
    super(uri + ": " + message, null, false, false);
    this.reason = reason;
    this.uri = uri;
  }

  public Reason reason() {
    return reason;
  }

  public URI uri() {
    return uri;
  }
}
