package dev.cairn.wallet.employer;

import dev.cairn.credentials.CredentialFormat;
import dev.cairn.credentials.CredentialVerifier;
import dev.cairn.credentials.FormatDetector;
import dev.cairn.credentials.PresentationResult;
import dev.cairn.credentials.VerificationException;
import dev.cairn.credentials.VerificationPolicy;
import dev.cairn.credentials.VerificationResult;
import dev.cairn.wallet.credential.VerificationProblems;
import dev.cairn.wallet.credential.VerificationViews;
import dev.cairn.wallet.server.Workers;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;

/**
 * {@code POST /v1/verifier/verifications}: a credential or a presentation received by other means (e-mail, a
 * file) verified as a verifier would — a selective-disclosure credential must be derived, and a presentation's
 * nonce and audience are checked when the caller names them — answered with every check and the disclosed
 * claims. Nothing is stored.
 */
final class StandaloneVerification {
  private static final List<CredentialFormat> PRESENTATIONS =
      List.of(CredentialFormat.JWT_VP_JSON, CredentialFormat.VP_JWT, CredentialFormat.LDP_VP);

  private final CredentialVerifier verifier;
  private final Workers workers;

  StandaloneVerification(CredentialVerifier verifier, Workers workers) {
    this.verifier = verifier;
    this.workers = workers;
  }

  Future<JsonObject> verify(String text, Optional<String> nonce, Optional<String> audience) {
    VerificationPolicy policy = nonce.isPresent() && audience.isPresent()
        ? VerificationPolicy.presentation(nonce.get(), audience.get())
        : VerificationPolicy.verifying();
    if (isPresentation(text)) {
      return verifier.verifyPresentation(text, policy).compose(this::presentation);
    }
    return verifier.verify(text, policy).compose(result -> workers.crypto(() -> VerificationViews.credential(result)))
        .map(view -> view.put("kind", "credential"));
  }

  private static boolean isPresentation(String text) {
    try {
      return PRESENTATIONS.contains(FormatDetector.detect(text));
    } catch (VerificationException e) {
      return false;
    }
  }

  private Future<JsonObject> presentation(PresentationResult result) {
    return workers.crypto(() -> {
      JsonArray credentials = new JsonArray();
      result.credentials().forEach(credential -> credentials.add(VerificationViews.credential(credential)));
      JsonObject view = new JsonObject().put("kind", "presentation").put("valid", result.valid());
      result.format().ifPresent(format -> view.put("format", format.identifier()));
      result.holder().ifPresent(holder -> view.put("holder", holder));
      JsonArray checks = new JsonArray();
      result.checks().forEach(check -> checks.add(VerificationProblems.check(check)));
      return view.put("checks", checks).put("credentials", credentials);
    });
  }
}
