package dev.cairn.wallet.did;

import dev.cairn.did.DidError;
import dev.cairn.did.DidResolutionException;
import dev.cairn.wallet.http.Reply;
import io.vertx.core.json.JsonObject;
import java.util.Locale;
import java.util.Map;

/**
 * What the caller of the resolver endpoint asked for with {@code Accept}: the DID document alone, or the DID
 * resolution result (document plus resolution and document metadata), in one of its two media types.
 */
enum ResolutionRepresentation {
  DID_DOCUMENT("application/did+json"),
  RESOLUTION_RESULT("application/did-resolution"),
  RESOLUTION_RESULT_LD("application/ld+json;profile=\"https://w3id.org/did-resolution\"");

  private final String mediaType;

  ResolutionRepresentation(String mediaType) {
    this.mediaType = mediaType;
  }

  /** The first media range in {@code accept} that Cairn serves (weights are not ranked); none → 406. */
  static ResolutionRepresentation negotiate(String accept) {
    if (accept == null || accept.isBlank()) {
      return DID_DOCUMENT;
    }
    for (String range : accept.split(",")) {
      String lower = range.trim().toLowerCase(Locale.ROOT);
      String type = lower.split(";")[0].trim();
      switch (type) {
        case "application/did-resolution":
          return RESOLUTION_RESULT;
        case "application/ld+json":
          if (lower.replace(" ", "").contains("profile=\"https://w3id.org/did-resolution\"")) {
            return RESOLUTION_RESULT_LD;
          }
          break;
        case "application/did+json", "application/json", "application/*", "*/*":
          return DID_DOCUMENT;
        default:
          break;
      }
    }
    throw new DidResolutionException(DidError.REPRESENTATION_NOT_SUPPORTED,
        "'" + abbreviate(accept) + "' is not served; ask for application/did+json or application/did-resolution");
  }

  Reply success(JsonObject document) {
    JsonObject body = this == DID_DOCUMENT ? document
        : DidResolutionRoutes.resolutionResult(document, new JsonObject().put("contentType", "application/did+json"));
    return new Reply(200, body.encode(), mediaType, Map.of("Cache-Control", "no-cache"));
  }

  /** A resolution result carrying the error in its metadata (DID Resolution §"DID Resolution Metadata"). */
  Reply error(int status, DidResolutionException e) {
    JsonObject metadata = new JsonObject().put("error", e.error().wireName()).put("errorMessage", e.reason());
    return new Reply(status, DidResolutionRoutes.resolutionResult(null, metadata).encode(), mediaType, Map.of());
  }

  private static String abbreviate(String value) {
    return value.length() <= 100 ? value : value.substring(0, 100) + "…";
  }
}
