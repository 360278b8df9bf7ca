package dev.cairn.did.fetch;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An outbound call through {@link HardenedFetch#send}: a GET or a POST with a body (a form to an OpenID4VP response
 * URI, a token or credential request to an OpenID4VCI issuer), the headers it adds, the media types it accepts back,
 * and the statuses it can read. OAuth endpoints answer their errors as a 400 JSON body the caller must read, so
 * statuses are the caller's to list; a status outside them fails as {@link FetchException.Reason#HTTP_STATUS}.
 *
 * @param mediaTypes accepted response media types, without parameters; a response without a body needs none; empty:
 *     any (for a caller that only needs the status, such as a webhook)
 */
public record OutboundRequest(HttpMethod method, URI uri, Map<String, String> headers, Optional<Buffer> body,
                              Set<String> mediaTypes, Set<Integer> statuses) {

  public OutboundRequest {
    headers = Map.copyOf(headers);
    mediaTypes = Set.copyOf(mediaTypes);
    statuses = Set.copyOf(statuses);
    if (method != HttpMethod.GET && method != HttpMethod.POST) {
      throw new IllegalArgumentException("only GET and POST go out: " + method);
    }
  }

  /** A GET accepting 200 with one of {@code mediaTypes}. */
  public static OutboundRequest get(URI uri, Set<String> mediaTypes) {
    return new OutboundRequest(HttpMethod.GET, uri, Map.of(), Optional.empty(), mediaTypes, Set.of(200));
  }

  /** A POST of {@code body} as {@code contentType}, accepting 200 with one of {@code mediaTypes}. */
  public static OutboundRequest post(URI uri, String contentType, Buffer body, Set<String> mediaTypes) {
    return new OutboundRequest(HttpMethod.POST, uri, Map.of("Content-Type", contentType), Optional.of(body),
        mediaTypes, Set.of(200));
  }

  /** The same request, also reading answers with these statuses (201, 202, 204, an OAuth error's 400, ...). */
  public OutboundRequest acceptingStatuses(Integer... more) {
    Set<Integer> all = new java.util.HashSet<>(statuses);
    all.addAll(Set.of(more));
    return new OutboundRequest(method, uri, headers, body, mediaTypes, all);
  }

  /** The same request with one more header (an {@code Authorization}, a {@code DPoP} proof). */
  public OutboundRequest withHeader(String name, String value) {
    Map<String, String> all = new LinkedHashMap<>(headers);
    all.put(name, value);
    return new OutboundRequest(method, uri, all, body, mediaTypes, statuses);
  }
}
