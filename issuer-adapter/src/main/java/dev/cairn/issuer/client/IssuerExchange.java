package dev.cairn.issuer.client;

import dev.cairn.did.fetch.FetchException;
import dev.cairn.did.fetch.FetchedBody;
import dev.cairn.did.fetch.HardenedFetch;
import dev.cairn.did.fetch.OutboundRequest;
import dev.cairn.issuer.oid4vci.OpenId4Vci;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every call the client makes to an issuer, through the one {@link HardenedFetch} (vetted address, no redirects,
 * capped body, one deadline). A refused fetch becomes {@code fetch-*}; an OAuth error body is read so its
 * {@code error} code reaches the caller.
 */
final class IssuerExchange {
  private static final Set<String> JSON = Set.of(OpenId4Vci.JSON);

  /** An answer whose status the request listed, with its JSON object body (empty when it had none). */
  record Answer(int status, JsonObject body) {
    Optional<String> error() {
      return body.getValue("error") instanceof String error ? Optional.of(error) : Optional.empty();
    }

    String description() {
      return body.getValue("error_description") instanceof String text ? text : "";
    }
  }

  private final HardenedFetch fetch;

  IssuerExchange(HardenedFetch fetch) {
    this.fetch = fetch;
  }

  Future<JsonObject> getJson(URI uri) {
    return send(OutboundRequest.get(uri, JSON)).map(Answer::body);
  }

  Future<Answer> postForm(URI uri, Map<String, String> form) {
    return postForm(uri, form, 400, 401);
  }

  /** A form POST reading the answers with {@code statuses} besides 200 (RFC 9126 §2.2: PAR answers 201). */
  Future<Answer> postForm(URI uri, Map<String, String> form, Integer... statuses) {
    String body = form.entrySet().stream()
        .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
        .collect(Collectors.joining("&"));
    return send(OutboundRequest.post(uri, OpenId4Vci.FORM, Buffer.buffer(body), JSON).acceptingStatuses(statuses));
  }

  Future<Answer> postJson(URI uri, Optional<String> accessToken, JsonObject body, Integer... statuses) {
    OutboundRequest request = OutboundRequest.post(uri, OpenId4Vci.JSON, Buffer.buffer(body.encode()), JSON)
        .acceptingStatuses(statuses);
    if (accessToken.isPresent()) {
      request = request.withHeader("Authorization", "Bearer " + accessToken.get());
    }
    return send(request);
  }

  /** §12.2.2: the body as it came, JSON or a signed JWT ({@code mediaTypes} become the {@code Accept} header). */
  Future<FetchedBody> get(URI uri, Set<String> mediaTypes) {
    return refusedAsIssuance(fetch.send(OutboundRequest.get(uri, mediaTypes)));
  }

  private Future<Answer> send(OutboundRequest request) {
    return refusedAsIssuance(fetch.send(request)).map(IssuerExchange::answer);
  }

  private static Future<FetchedBody> refusedAsIssuance(Future<FetchedBody> fetched) {
    return fetched.recover(failure -> Future.failedFuture(failure instanceof FetchException refused
        ? new IssuanceException(new IssuanceFailure.FetchFailed(refused.reason(), refused.uri(), refused.getMessage()))
        : failure));
  }

  private static Answer answer(FetchedBody body) {
    if (body.body().length() == 0) {
      return new Answer(body.status(), new JsonObject());
    }
    return new Answer(body.status(), body.jsonObject().orElseThrow(() -> new IssuanceException(
        new IssuanceFailure.MetadataInvalid("the issuer answered HTTP " + body.status() + " with a body that is not a JSON object"))));
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
