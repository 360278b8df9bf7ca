package dev.cairn.wallet.issuance;

import dev.cairn.issuer.client.IssuanceException;
import dev.cairn.issuer.client.IssuanceFailure;
import dev.cairn.wallet.http.ProblemException;
import dev.cairn.wallet.http.ProblemType;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import java.util.Map;

/**
 * The issuance client's failures as problem documents (docs/problems.md). The {@code failure} member carries the
 * client's stable code ({@code token-invalid_grant} for a wrong Transaction Code, {@code credential-not-bound},
 * {@code fetch-private-address}, …) so the app can say why; the detail never holds a code, token or nonce.
 */
final class IssuanceProblems {
  private IssuanceProblems() {}

  /** A failed future with the problem for {@code failure} when it is the client's; anything else unchanged. */
  static <T> Future<T> failed(Throwable failure) {
    return Future.failedFuture(failure instanceof IssuanceException issuance ? problem(issuance.failure()) : failure);
  }

  static ProblemException problem(IssuanceFailure failure) {
    return new ProblemException(typeOf(failure), failure.detail(), Map.of(), Map.of("failure", failure.code()));
  }

  /** Every configuration of the accepted offer was refused. */
  static ProblemException allRefused(IssuanceFailure first, JsonArray refused) {
    return new ProblemException(ProblemType.ISSUANCE_REFUSED, "No credential was issued: " + first.detail(), Map.of(),
        Map.of("failure", first.code(), "refused", refused));
  }

  private static ProblemType typeOf(IssuanceFailure failure) {
    // Java 17 has no pattern switch over a sealed interface; every permitted type has its line.
    if (failure instanceof IssuanceFailure.OfferInvalid || failure instanceof IssuanceFailure.MetadataInvalid
        || failure instanceof IssuanceFailure.Unsupported) {
      return ProblemType.OFFER_INVALID;
    }
    if (failure instanceof IssuanceFailure.FetchFailed) {
      return ProblemType.ISSUER_UNREACHABLE;
    }
    if (failure instanceof IssuanceFailure.AuthorizationResponseInvalid) {
      return ProblemType.AUTHORIZATION_RESPONSE_INVALID;
    }
    if (failure instanceof IssuanceFailure.TxCodeRequired) {
      return ProblemType.INVALID_REQUEST;
    }
    // AuthorizationRefused (the learner declined, the server refused), TokenRefused, CredentialRefused, CredentialInvalid, NotBoundToProofKey: the issuer said no, or sent
    // something the wallet cannot keep.
    return ProblemType.ISSUANCE_REFUSED;
  }
}
