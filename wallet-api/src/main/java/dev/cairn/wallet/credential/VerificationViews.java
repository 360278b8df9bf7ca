package dev.cairn.wallet.credential;

import dev.cairn.credentials.VerificationResult;
import dev.cairn.credentials.VerifiedCredential;
import dev.cairn.credentials.display.CredentialDisplays;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A verifier's view of one verified credential: the verdict, every check, and what it disclosed with its display
 * data. The same shape wherever an employer sees a credential (standalone verification, presentation requests).
 */
public final class VerificationViews {
  private VerificationViews() {}

  /** One credential's verdict and, when it could be read, what it discloses. Builds display data: call on a worker. */
  public static JsonObject credential(VerificationResult result) {
    JsonObject view = new JsonObject().put("valid", result.valid());
    result.format().ifPresent(format -> view.put("format", format.identifier()));
    view.put("checks", VerificationProblems.checks(result));
    result.credential().ifPresent(credential -> view.put("credential", disclosed(credential)));
    return view;
  }

  private static JsonObject disclosed(VerifiedCredential credential) {
    JsonObject view = new JsonObject().put("issuer", credential.issuer())
        .put("types", new JsonArray(credential.types()));
    credential.subject().ifPresent(subject -> view.put("subject", subject));
    credential.issuedAt().ifPresent(at -> view.put("issued", at.toString()));
    credential.validFrom().ifPresent(at -> view.put("validFrom", at.toString()));
    credential.validUntil().ifPresent(at -> view.put("validUntil", at.toString()));
    return view.put("claims", credential.claims()).put("display", CredentialDisplays.of(credential).toJson());
  }
}
