package dev.cairn.wallet.presentation;

import dev.cairn.did.DidResolver;
import dev.cairn.did.fetch.FetchException;
import dev.cairn.did.fetch.HardenedFetch;
import dev.cairn.wallet.http.FormEncoding;
import dev.cairn.wallet.http.ProblemException;
import dev.cairn.wallet.http.ProblemType;
import dev.cairn.wallet.openid4vp.AuthorizationRequest;
import dev.cairn.wallet.openid4vp.InvalidAuthorizationRequest;
import dev.cairn.wallet.openid4vp.OpenId4VpNames;
import dev.cairn.wallet.openid4vp.RequestObjects;
import dev.cairn.wallet.openid4vp.ResponseEncryption;
import dev.cairn.wallet.server.Workers;
import io.vertx.core.Future;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Set;

/**
 * The wallet's first step (OpenID4VP 1.0 §5): from the link or QR code a learner scanned to a request Cairn has
 * checked. The Request Object is fetched through the hardened client (no private addresses unless allowed, no
 * redirects, capped, with a deadline), its signature checked as its Client Identifier Prefix requires, and its
 * parameters read with the rules Cairn relies on.
 */
final class RequestRetrieval {
  private static final Set<String> REQUEST_OBJECT = Set.of(OpenId4VpNames.REQUEST_OBJECT_MEDIA_TYPE);

  private final HardenedFetch fetch;
  private final DidResolver resolver;
  private final Workers workers;
  private final Clock clock;

  RequestRetrieval(HardenedFetch fetch, DidResolver resolver, Workers workers, Clock clock) {
    this.fetch = fetch;
    this.resolver = resolver;
    this.workers = workers;
    this.clock = clock;
  }

  Future<AuthorizationRequest> retrieve(String authorizationRequestUrl) {
    Map<String, String> parameters = parameters(authorizationRequestUrl);
    String clientId = parameters.get(OpenId4VpNames.CLIENT_ID);
    if (clientId == null) {
      throw invalid("invalid_request", "The link has no client_id");
    }
    String method = parameters.getOrDefault(OpenId4VpNames.REQUEST_URI_METHOD, "get");
    // §5.10: request_uri_method is get or post; a wallet without post MAY fall back to GET, which Cairn does.
    if (!method.equals("get") && !method.equals("post")) {
      throw invalid("invalid_request_uri_method", "request_uri_method must be get or post, not " + method);
    }
    Future<String> requestObject;
    if (parameters.containsKey("request")) {
      requestObject = Future.succeededFuture(parameters.get("request"));
    } else if (parameters.containsKey(OpenId4VpNames.REQUEST_URI)) {
      requestObject = fetchRequestObject(uri(parameters.get(OpenId4VpNames.REQUEST_URI)));
    } else {
      throw invalid("invalid_request", "The link carries neither request_uri nor request: Cairn reads signed requests only");
    }
    return requestObject
        .compose(jwt -> RequestObjects.verify(jwt, clientId, resolver, workers))
        .map(claims -> AuthorizationRequest.read(claims, clock.instant()))
        .map(RequestRetrieval::answerable)
        // The answer will go to response_uri: one Cairn may not contact is refused now, before the learner chooses.
        .compose(request -> fetch.vet(request.responseUri())
            .recover(failure -> Future.failedFuture(failure instanceof FetchException e ? fetchProblem(e) : failure))
            .map(request))
        .recover(failure -> Future.failedFuture(failure instanceof InvalidAuthorizationRequest e
            ? invalid(e.error(), e.getMessage()) : failure));
  }

  /** Cairn must be able to answer in the mode asked for: direct_post.jwt needs a key it can encrypt to (§8.3). */
  private static AuthorizationRequest answerable(AuthorizationRequest request) {
    if (OpenId4VpNames.DIRECT_POST_JWT.equals(request.responseMode())
        && !ResponseEncryption.canEncryptTo(request.clientMetadata())) {
      throw new InvalidAuthorizationRequest("invalid_request",
          "direct_post.jwt asks for an encrypted answer, but client_metadata.jwks has no ECDH-ES P-256 key with a kid");
    }
    return request;
  }

  private Future<String> fetchRequestObject(URI requestUri) {
    return fetch.get(requestUri, REQUEST_OBJECT)
        .map(body -> body.body().toString(StandardCharsets.UTF_8))
        .recover(failure -> Future.failedFuture(failure instanceof FetchException e ? fetchProblem(e) : failure));
  }

  /** A URI Cairn may not contact is the request's fault; a verifier that does not answer is not. */
  static ProblemException fetchProblem(FetchException e) {
    return switch (e.reason()) {
      case SCHEME_NOT_ALLOWED, ADDRESS_NOT_ALLOWED -> new ProblemException(ProblemType.AUTHORIZATION_REQUEST_INVALID,
          "Cairn may not contact " + e.uri().getHost() + ": " + e.getMessage(), Map.of(),
          Map.of("error", "invalid_request"));
      default -> new ProblemException(ProblemType.VERIFIER_UNREACHABLE, "The verifier at " + e.uri().getHost()
          + " could not be reached: " + e.getMessage());
    };
  }

  private static Map<String, String> parameters(String url) {
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      throw invalid("invalid_request", "The presentation request link is not a URL");
    }
    if (uri.getRawQuery() == null) {
      throw invalid("invalid_request", "The presentation request link has no parameters");
    }
    try {
      return FormEncoding.parse(uri.getRawQuery());
    } catch (IllegalArgumentException e) {
      throw invalid("invalid_request", "The presentation request link's parameters: " + e.getMessage());
    }
  }

  private static URI uri(String text) {
    try {
      return new URI(text);
    } catch (URISyntaxException e) {
      throw invalid("invalid_request", "request_uri is not a URI");
    }
  }

  static ProblemException invalid(String error, String detail) {
    return new ProblemException(ProblemType.AUTHORIZATION_REQUEST_INVALID, detail, Map.of(), Map.of("error", error));
  }
}
