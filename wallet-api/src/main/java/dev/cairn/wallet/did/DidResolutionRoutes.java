package dev.cairn.wallet.did;

import dev.cairn.did.Did;
import dev.cairn.did.DidError;
import dev.cairn.did.DidResolutionException;
import dev.cairn.did.DidResolver;
import dev.cairn.did.PublicKeyFormat;
import dev.cairn.wallet.http.Access;
import dev.cairn.wallet.http.ProblemException;
import dev.cairn.wallet.http.ProblemType;
import dev.cairn.wallet.http.RateLimiter;
import dev.cairn.wallet.http.Reply;
import dev.cairn.wallet.http.RouteTable;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * {@code GET /1.0/identifiers/{did}}, the HTTP binding of DID resolution that the Universal Resolver uses: the
 * DID document for {@code Accept: application/did+json}, the whole resolution result for
 * {@code Accept: application/did-resolution}. Public and rate-limited per client address.
 */
public final class DidResolutionRoutes {
  static final String PREFIX = "/1.0/identifiers/";

  private final DidResolver resolver;
  private final RateLimiter limiter;

  public DidResolutionRoutes(DidResolver resolver, RateLimiter limiter) {
    this.resolver = resolver;
    this.limiter = limiter;
  }

  public void register(RouteTable routes) {
    routes.get(PREFIX + ":did", Access.PUBLIC, limiter, this::resolve);
  }

  private Future<Reply> resolve(RoutingContext ctx) {
    ResolutionRepresentation representation;
    try {
      representation = ResolutionRepresentation.negotiate(ctx.request().getHeader("Accept"));
    } catch (DidResolutionException e) {
      return Future.failedFuture(problem(e));
    }
    Did did;
    PublicKeyFormat format;
    try {
      did = Did.parse(rawDid(ctx.request().path()));
      String option = ctx.queryParams().get("publicKeyFormat");
      format = option == null ? PublicKeyFormat.MULTIKEY : PublicKeyFormat.fromOption(option);
    } catch (DidResolutionException e) {
      return failure(representation, e);
    }
    return resolver.resolve(did, format).transform(done -> {
      if (done.succeeded()) {
        return Future.succeededFuture(representation.success(done.result().json()));
      }
      return done.cause() instanceof DidResolutionException e ? failure(representation, e) : Future.failedFuture(done.cause());
    });
  }

  /**
   * The DID from the request path as sent: Vert.x's decoded path parameter would turn did:web's {@code %3A}
   * port separator into a colon and change the DID. A DID sent fully percent-encoded ({@code did%3Aweb%3A…})
   * is decoded once.
   */
  static String rawDid(String path) {
    String raw = path.substring(PREFIX.length());
    return raw.regionMatches(true, 0, "did%3A", 0, 6) ? URLDecoder.decode(raw, StandardCharsets.UTF_8) : raw;
  }

  private static Future<Reply> failure(ResolutionRepresentation representation, DidResolutionException e) {
    return representation == ResolutionRepresentation.DID_DOCUMENT
        ? Future.failedFuture(problem(e))
        : Future.succeededFuture(representation.error(status(e.error()), e));
  }

  private static ProblemException problem(DidResolutionException e) {
    ProblemType type = switch (e.error()) {
      case INVALID_DID -> ProblemType.DID_INVALID;
      case INVALID_PUBLIC_KEY -> ProblemType.DID_INVALID_PUBLIC_KEY;
      case NOT_FOUND -> ProblemType.DID_NOT_FOUND;
      case REPRESENTATION_NOT_SUPPORTED -> ProblemType.DID_REPRESENTATION_NOT_SUPPORTED;
      case METHOD_NOT_SUPPORTED -> ProblemType.DID_METHOD_NOT_SUPPORTED;
      case INTERNAL_ERROR -> ProblemType.INTERNAL_ERROR;
    };
    return new ProblemException(type, e.error().wireName() + ": " + e.reason(), Map.of());
  }

  static int status(DidError error) {
    return switch (error) {
      case INVALID_DID, INVALID_PUBLIC_KEY -> 400;
      case NOT_FOUND -> 404;
      case REPRESENTATION_NOT_SUPPORTED -> 406;
      case METHOD_NOT_SUPPORTED -> 501;
      case INTERNAL_ERROR -> 500;
    };
  }

  static JsonObject resolutionResult(JsonObject document, JsonObject resolutionMetadata) {
    return new JsonObject()
        .put("@context", "https://w3id.org/did-resolution/v1")
        .put("didDocument", document)
        .put("didResolutionMetadata", resolutionMetadata)
        .put("didDocumentMetadata", new JsonObject());
  }
}
