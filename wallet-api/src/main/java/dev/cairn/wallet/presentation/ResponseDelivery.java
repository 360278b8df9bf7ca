package dev.cairn.wallet.presentation;

import dev.cairn.did.fetch.FetchException;
import dev.cairn.did.fetch.FetchedBody;
import dev.cairn.did.fetch.HardenedFetch;
import dev.cairn.did.fetch.OutboundRequest;
import dev.cairn.wallet.http.ProblemException;
import dev.cairn.wallet.http.ProblemType;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/**
 * Posts the wallet's answer to the verifier's {@code response_uri} (OpenID4VP 1.0 §8.2) through the hardened
 * client. A processed answer is 200 with a JSON object, perhaps naming a {@code redirect_uri}; anything else is the
 * verifier refusing it, and its problem detail, when it sent one, is passed on.
 */
final class ResponseDelivery {
  private static final Set<String> JSON = Set.of("application/json", "application/problem+json");

  private final HardenedFetch fetch;

  ResponseDelivery(HardenedFetch fetch) {
    this.fetch = fetch;
  }

  Future<JsonObject> post(URI responseUri, Map<String, String> parameters) {
    StringBuilder form = new StringBuilder();
    parameters.forEach((name, value) -> form.append(form.length() == 0 ? "" : "&")
        .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
        .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
    OutboundRequest post = OutboundRequest.post(responseUri, "application/x-www-form-urlencoded",
        Buffer.buffer(form.toString()), JSON).acceptingStatuses(400, 401, 403, 404, 409, 410, 422);
    return fetch.send(post)
        .recover(failure -> Future.failedFuture(failure instanceof FetchException e
            ? RequestRetrieval.fetchProblem(e) : failure))
        .map(ResponseDelivery::answer);
  }

  private static JsonObject answer(FetchedBody body) {
    JsonObject json = body.jsonObject().orElse(new JsonObject());
    if (body.status() == 200) {
      return json;
    }
    String said = json.getValue("detail") instanceof String detail ? ": " + detail
        : json.getValue("error") instanceof String error ? ": " + error : "";
    throw new ProblemException(ProblemType.VERIFIER_REFUSED, "The verifier answered HTTP " + body.status() + said,
        Map.of(), json.getValue("reason") instanceof String reason ? Map.of("reason", reason) : Map.of());
  }
}
