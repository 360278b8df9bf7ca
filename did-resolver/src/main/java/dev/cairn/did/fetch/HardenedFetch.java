package dev.cairn.did.fetch;

import dev.cairn.did.fetch.FetchException.Reason;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.net.TrustOptions;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one client for every outbound fetch Cairn makes (DID documents, status lists, issuer metadata, OpenID
 * requests). A fetch is a chain of small checks, each of which can end it:
 * <ol>
 *   <li>scheme: https only (plain http only for an allowed development host);</li>
 *   <li>resolve the name once, on a worker thread;</li>
 *   <li>vet every address it resolves to ({@link AddressGuard}) unless the host is allow-listed;</li>
 *   <li>wait for one of {@code maxConcurrent} slots (bounded queue);</li>
 *   <li>connect to the vetted address itself — never resolving the name again, so DNS rebinding has no
 *       window — while TLS still verifies the certificate against the host name;</li>
 *   <li>status 200 only (redirects are never followed), the accepted content type only;</li>
 *   <li>read the body up to the cap, resetting the connection the moment it is passed;</li>
 * </ol>
 * all under one deadline that covers the whole fetch.
 */
public final class HardenedFetch {
  private static final Pattern MAX_AGE = Pattern.compile("(?:^|[,\\s])max-age\\s*=\\s*(\\d{1,9})");

  private final Vertx vertx;
  private final FetchPolicy policy;
  private final HttpClient client;
  private final Deque<Runnable> waiting = new ArrayDeque<>();
  private final int maxWaiting;
  private int running;

  public HardenedFetch(Vertx vertx, FetchPolicy policy) {
    this.vertx = vertx;
    this.policy = policy;
    this.maxWaiting = policy.maxConcurrent() * 16;
    this.client = vertx.createHttpClient(new HttpClientOptions()
        .setConnectTimeout((int) policy.deadline().toMillis())
        .setMaxRedirects(0)
        .setVerifyHost(true)
        .setForceSni(true)
        .setTrustOptions(TrustOptions.wrap(TrustAnchors.load(policy.extraTrustPem())))
        .setMaxPoolSize(policy.maxConcurrent())
        .setName("cairn-hardened-fetch"));
  }

  /**
   * GETs {@code uri}, accepting only a 200 whose media type is in {@code mediaTypes} (compared without
   * parameters). Fails with a {@link FetchException}.
   */
  public Future<FetchedBody> get(URI uri, Set<String> mediaTypes) {
    return send(OutboundRequest.get(uri, mediaTypes));
  }

  /**
   * Sends {@code outbound} through the same chain as {@link #get}: vetted address, bounded slots, no redirects,
   * the capped body, one deadline. Answers the status too, for callers that read error bodies. Fails with a
   * {@link FetchException}.
   */
  public Future<FetchedBody> send(OutboundRequest outbound) {
    URI uri = outbound.uri();
    Promise<FetchedBody> result = Promise.promise();
    long timer = vertx.setTimer(policy.deadline().toMillis(), t -> result.tryFail(
        new FetchException(Reason.TIMEOUT, uri, "no complete answer within " + policy.deadline().toMillis() + " ms")));
    result.future().onComplete(done -> vertx.cancelTimer(timer));
    try {
      Target target = target(uri);
      resolve(uri, target.host())
          .compose(address -> withSlot(() -> exchange(outbound, target, address, result.future())))
          .onComplete(done -> {
            if (done.succeeded()) {
              result.tryComplete(done.result());
            } else {
              result.tryFail(done.cause());
            }
          });
    } catch (FetchException e) {
      result.tryFail(e);
    }
    return result.future();
  }

  /**
   * The first checks of a fetch without the fetch: scheme, and every address the name resolves to, as {@link #send}
   * would vet them. For a URL that will be used later (an OpenID4VP response URI), to refuse it before anything is
   * prepared for it. Fails with a {@link FetchException}.
   */
  public Future<Void> vet(URI uri) {
    try {
      return resolve(uri, target(uri).host()).mapEmpty();
    } catch (FetchException e) {
      return Future.failedFuture(e);
    }
  }

  public Future<Void> close() {
    return client.close();
  }

  private record Target(String host, int port, boolean tls, String pathAndQuery) {}

  private Target target(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    // java.net.URI gives no host for spellings such as "127.1"; take it from the authority then.
    String host = uri.getHost() != null ? uri.getHost() : hostOf(uri.getRawAuthority());
    if (host == null || host.isEmpty()) {
      throw new FetchException(Reason.SCHEME_NOT_ALLOWED, uri, "no host");
    }
    host = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    boolean allowed = policy.allowedPrivateHosts().contains(host.toLowerCase(Locale.ROOT));
    boolean tls = scheme.equals("https");
    if (!tls && !(scheme.equals("http") && allowed)) {
      throw new FetchException(Reason.SCHEME_NOT_ALLOWED, uri, "only https URLs are fetched");
    }
    if (!allowed && HostForms.isAddressLiteral(host) && !HostForms.isCanonicalIpv4(host) && !host.contains(":")) {
      throw new FetchException(Reason.ADDRESS_NOT_ALLOWED, uri, "numeric host spellings other than a dotted quad are refused");
    }
    int port = uri.getPort() > 0 ? uri.getPort() : (tls ? 443 : 80);
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    return new Target(host, port, tls, path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
  }

  private static String hostOf(String authority) {
    if (authority == null) {
      return null;
    }
    String withoutUser = authority.substring(authority.lastIndexOf('@') + 1);
    int colon = withoutUser.lastIndexOf(':');
    return colon > 0 && !withoutUser.endsWith("]") ? withoutUser.substring(0, colon) : withoutUser;
  }

  /** Resolves the name once and vets every address; answers the one address the connection will use. */
  private Future<InetAddress> resolve(URI uri, String host) {
    boolean allowed = policy.allowedPrivateHosts().contains(host.toLowerCase(Locale.ROOT));
    return vertx.<InetAddress[]>executeBlocking(() -> InetAddress.getAllByName(host), false)
        .recover(failure -> Future.failedFuture(failure instanceof UnknownHostException
            ? new FetchException(Reason.UNKNOWN_HOST, uri, "the host name does not resolve")
            : failure))
        .map(addresses -> {
          for (InetAddress address : addresses) {
            if (!allowed && !AddressGuard.isPublic(address)) {
              throw new FetchException(Reason.ADDRESS_NOT_ALLOWED, uri,
                  "the host resolves to " + address.getHostAddress() + ", which is not a public address");
            }
          }
          return addresses[0];
        });
  }

  private Future<FetchedBody> exchange(OutboundRequest outbound, Target target, InetAddress address,
                                       Future<FetchedBody> overall) {
    URI uri = outbound.uri();
    RequestOptions options = new RequestOptions()
        .setMethod(outbound.method())
        .setServer(SocketAddress.inetSocketAddress(target.port(), address.getHostAddress()))
        .setHost(target.host())
        .setPort(target.port())
        .setSsl(target.tls())
        .setURI(target.pathAndQuery())
        .setFollowRedirects(false)
        .setIdleTimeout(policy.deadline().toMillis())
        .putHeader("Accept", outbound.mediaTypes().isEmpty() ? "*/*" : String.join(", ", outbound.mediaTypes()))
        .putHeader("User-Agent", "Cairn");
    outbound.headers().forEach(options::putHeader);
    return client.request(options)
        .compose(request -> {
          overall.onFailure(timedOut -> request.reset());
          return outbound.body().map(request::send).orElseGet(request::send);
        })
        .recover(failure -> Future.failedFuture(failure instanceof FetchException ? failure
            : new FetchException(Reason.CONNECT_FAILED, uri, "connection failed: " + failure.getMessage())))
        .compose(response -> read(outbound, response));
  }

  private Future<FetchedBody> read(OutboundRequest outbound, HttpClientResponse response) {
    URI uri = outbound.uri();
    int status = response.statusCode();
    if (status >= 300 && status < 400) {
      discard(response);
      return Future.failedFuture(new FetchException(Reason.REDIRECT, uri, "answered a redirect (" + status
          + "), which is not followed"));
    }
    if (!outbound.statuses().contains(status)) {
      discard(response);
      return Future.failedFuture(new FetchException(Reason.HTTP_STATUS, uri, "answered HTTP " + status));
    }
    String mediaType = mediaTypeOf(response.getHeader("Content-Type"));
    boolean bodiless = status == 204 || "0".equals(response.getHeader("Content-Length"));
    if (!bodiless && !outbound.mediaTypes().isEmpty() && !outbound.mediaTypes().contains(mediaType)) {
      discard(response);
      return Future.failedFuture(new FetchException(Reason.CONTENT_TYPE, uri,
          "answered Content-Type '" + mediaType + "', expected one of " + outbound.mediaTypes()));
    }
    String length = response.getHeader("Content-Length");
    if (length != null && length.length() < 19 && Long.parseLong(length.trim()) > policy.maxBodyBytes()) {
      discard(response);
      return Future.failedFuture(tooLarge(uri));
    }
    Promise<FetchedBody> body = Promise.promise();
    Buffer buffer = Buffer.buffer();
    response.handler(chunk -> {
      if (buffer.length() + chunk.length() > policy.maxBodyBytes()) {
        body.tryFail(tooLarge(uri)); // first: the reset below reports a broken stream too
        response.request().reset();
      } else {
        buffer.appendBuffer(chunk);
      }
    });
    response.exceptionHandler(failure -> body.tryFail(
        new FetchException(Reason.CONNECT_FAILED, uri, "the connection broke: " + failure.getMessage())));
    response.endHandler(end -> body.tryComplete(
        new FetchedBody(status, mediaType, buffer, maxAge(response.getHeader("Cache-Control")))));
    return body.future();
  }

  /**
   * Ends an answer that will not be read: the stream is reset rather than drained. The reset also reaches the
   * response's own handler, which would log it as an error: here it is the intended end.
   */
  private static void discard(HttpClientResponse response) {
    response.exceptionHandler(intended -> { });
    response.request().reset();
  }

  /** Runs {@code fetch} when one of the {@code maxConcurrent} slots is free; refuses when the queue is full. */
  private <T> Future<T> withSlot(java.util.function.Supplier<Future<T>> fetch) {
    Promise<T> result = Promise.promise();
    Runnable start = () -> fetch.get().onComplete(done -> {
      release();
      if (done.succeeded()) {
        result.tryComplete(done.result());
      } else {
        result.tryFail(done.cause());
      }
    });
    synchronized (this) {
      if (running < policy.maxConcurrent()) {
        running++;
      } else if (waiting.size() < maxWaiting) {
        waiting.add(start);
        return result.future();
      } else {
        return Future.failedFuture(new FetchException(Reason.BUSY, URI.create("about:blank"),
            "too many outbound fetches are waiting"));
      }
    }
    start.run();
    return result.future();
  }

  private void release() {
    Runnable next;
    synchronized (this) {
      next = waiting.poll();
      if (next == null) {
        running--;
        return;
      }
    }
    next.run();
  }

  private FetchException tooLarge(URI uri) {
    return new FetchException(Reason.TOO_LARGE, uri, "the body is larger than " + policy.maxBodyBytes() + " bytes");
  }

  private static String mediaTypeOf(String contentType) {
    if (contentType == null) {
      return "";
    }
    int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
  }

  static Optional<Duration> maxAge(String cacheControl) {
    if (cacheControl == null) {
      return Optional.empty();
    }
    String lower = cacheControl.toLowerCase(Locale.ROOT);
    if (lower.contains("no-store") || lower.contains("no-cache")) {
      return Optional.of(Duration.ZERO);
    }
    Matcher matcher = MAX_AGE.matcher(lower);
    return matcher.find() ? Optional.of(Duration.ofSeconds(Long.parseLong(matcher.group(1)))) : Optional.empty();
  }
}
