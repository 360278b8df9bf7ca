package dev.cairn.wallet.credential;

import dev.cairn.credentials.Check;
import dev.cairn.credentials.ReasonCode;
import dev.cairn.credentials.VerificationResult;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Optional;

/**
 * What a stored credential's {@code warnings} say: things the learner should know that did not stop the
 * credential from being kept — its status list could not be read ({@code status-unknown}), it is bound to a key
 * this wallet does not hold ({@code bound-to-another-key}), or a later verification failed for another reason
 * than time or status ({@code verification-failed}).
 */
final class CredentialWarnings {
  static final String BOUND_TO_ANOTHER_KEY = "bound-to-another-key";

  private CredentialWarnings() {}

  static JsonArray atImport(VerificationResult result, HolderBinding binding) {
    JsonArray warnings = new JsonArray();
    statusUnknown(result, warnings);
    if (binding.state() == HolderBinding.State.OTHER_KEY) {
      warnings.add(warning(BOUND_TO_ANOTHER_KEY,
          "The credential is bound to a key this wallet does not hold; it cannot be presented from here"));
    }
    return warnings;
  }

  /** After verifying again: fresh status and verification warnings; the holder binding has not changed. */
  static JsonArray afterRecheck(VerificationResult result, JsonArray previous) {
    JsonArray warnings = new JsonArray();
    result.firstFailure()
        .filter(failure -> failure.check() != Check.VALIDITY && failure.check() != Check.STATUS)
        .ifPresent(failure -> warnings.add(warning("verification-failed", failure.detail())));
    statusUnknown(result, warnings);
    previous.stream().filter(CredentialWarnings::boundToAnotherKey).forEach(warnings::add);
    return warnings;
  }

  static boolean boundToAnotherKey(Object warning) {
    return warning instanceof JsonObject json && BOUND_TO_ANOTHER_KEY.equals(json.getString("code"));
  }

  private static void statusUnknown(VerificationResult result, JsonArray warnings) {
    result.check(Check.STATUS)
        .filter(check -> check.reason().equals(Optional.of(ReasonCode.STATUS_UNKNOWN)))
        .ifPresent(check -> warnings.add(warning("status-unknown", check.detail())));
  }

  private static JsonObject warning(String code, String detail) {
    return new JsonObject().put("code", code).put("detail", detail);
  }
}
