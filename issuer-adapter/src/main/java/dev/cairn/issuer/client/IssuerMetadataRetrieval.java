package dev.cairn.issuer.client;

import dev.cairn.did.fetch.FetchedBody;
import dev.cairn.issuer.oid4vci.OpenId4Vci;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.Set;

/**
 * §12.2.2 Credential Issuer Metadata Retrieval. The wallet's {@code Accept} names both forms, "signaling whether it
 * supports signed metadata"; the issuer answers either an unsigned {@code application/json} document or a signed
 * {@code application/jwt} one (§12.2.3), which is used only once verified — its claims are then the metadata, so
 * what was signed is all that counts.
 */
final class IssuerMetadataRetrieval {
  private static final Set<String> MEDIA_TYPES = Set.of(SignedMetadata.MEDIA_TYPE, OpenId4Vci.JSON);

  private final IssuerExchange exchange;
  private final SignedMetadata signed;

  IssuerMetadataRetrieval(IssuerExchange exchange, SignedMetadata signed) {
    this.exchange = exchange;
    this.signed = signed;
  }

  /** The metadata JSON of {@code credentialIssuer}, fetched from {@code url}, its signature checked when signed. */
  Future<JsonObject> fetch(URI url, String credentialIssuer) {
    return exchange.get(url, MEDIA_TYPES).compose(body -> read(body, credentialIssuer));
  }

  private Future<JsonObject> read(FetchedBody body, String credentialIssuer) {
    if (SignedMetadata.MEDIA_TYPE.equals(body.mediaType())) {
      return signed.verify(body.body().toString(), credentialIssuer);
    }
    return body.jsonObject().map(Future::succeededFuture).orElseGet(() -> Future.failedFuture(new IssuanceException(
        new IssuanceFailure.MetadataInvalid("the issuer's metadata is not a JSON object"))));
  }
}
