package dev.cairn.wallet.outbound;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Duration;

/**
 * GETs a JSON object over HTTP(S) with one overall deadline, a body cap enforced while reading (the connection
 * is reset as soon as the cap is passed) and no redirects. Used for operator-configured endpoints such as the
 * OpenID Connect provider; the DID-resolution issue grows it into the hardened client for untrusted URLs.
 */
public final class JsonFetcher {
  private final Vertx vertx;
  private final HttpClient client;
  private final Duration deadline;
  private final int maxBodyBytes;

  public JsonFetcher(Vertx vertx, Duration deadline, int maxBodyBytes) {
    this.vertx = vertx;
    this.deadline = deadline;
    this.maxBodyBytes = maxBodyBytes;
    this.client = vertx.createHttpClient(new HttpClientOptions()
        .setConnectTimeout((int) deadline.toMillis())
        .setMaxRedirects(0)
        .setTryUseCompression(false)
        .setName("cairn-outbound"));
  }

  public Future<JsonObject> get(URI uri) {
    Promise<JsonObject> result = Promise.promise();
    long timer = vertx.setTimer(deadline.toMillis(),
        t -> result.tryFail(new FetchException(uri, "no complete answer within " + deadline.toMillis() + " ms")));
    RequestOptions options = new RequestOptions()
        .setMethod(HttpMethod.GET)
        .setAbsoluteURI(uri.toString())
        .setFollowRedirects(false)
        .setIdleTimeout(deadline.toMillis())
        .putHeader("Accept", "application/json");
    client.request(options)
        .compose(request -> request.send())
        .onFailure(cause -> result.tryFail(new FetchException(uri, cause.getMessage())))
        .onSuccess(response -> {
          if (response.statusCode() != 200) {
            response.request().reset();
            result.tryFail(new FetchException(uri, "answered HTTP " + response.statusCode()));
            return;
          }
          Buffer body = Buffer.buffer();
          response.handler(chunk -> {
            if (body.length() + chunk.length() > maxBodyBytes) {
              response.request().reset();
              result.tryFail(new FetchException(uri, "body larger than " + maxBodyBytes + " bytes"));
            } else {
              body.appendBuffer(chunk);
            }
          });
          response.exceptionHandler(cause -> result.tryFail(new FetchException(uri, cause.getMessage())));
          response.endHandler(end -> {
            try {
              result.tryComplete(new JsonObject(body));
            } catch (DecodeException | ClassCastException e) {
              result.tryFail(new FetchException(uri, "body is not a JSON object"));
            }
          });
        });
    return result.future().onComplete(done -> vertx.cancelTimer(timer));
  }

  public Future<Void> close() {
    return client.close();
  }

  /** An outbound fetch that did not produce a JSON object; the message names the URL and why. */
  public static final class FetchException extends RuntimeException {
    public FetchException(URI uri, String reason) {
      super(uri + ": " + reason, null, false, false);
    }
  }
}
