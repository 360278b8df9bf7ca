package dev.cairn.wallet.credential;

import dev.cairn.credentials.CheckResult;
import dev.cairn.credentials.ReasonCode;
import dev.cairn.credentials.VerificationResult;
import dev.cairn.wallet.http.ProblemException;
import dev.cairn.wallet.http.ProblemType;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a refused verification into its problem: the type names the failing check, {@code reason} is the
 * stable reason code, {@code checks} the whole list (docs/problems.md).
 */
public final class VerificationProblems {
  private VerificationProblems() {}

  static ProblemException refused(VerificationResult result) {
    CheckResult failed = result.firstFailure().orElseThrow();
    ReasonCode reason = failed.reason().orElseThrow();
    ProblemType type = switch (reason) {
      // Recognised but not a credential Cairn stores (a presentation); bytes of no known format are malformed.
      case UNSUPPORTED_FORMAT -> ProblemType.CREDENTIAL_FORMAT_UNSUPPORTED;
      default -> switch (failed.check()) {
        case SYNTAX -> ProblemType.CREDENTIAL_SYNTAX;
        case SIGNATURE -> ProblemType.CREDENTIAL_SIGNATURE;
        case ISSUER_KEY -> ProblemType.CREDENTIAL_ISSUER_KEY;
        case VALIDITY -> ProblemType.CREDENTIAL_VALIDITY;
        case STATUS -> ProblemType.CREDENTIAL_STATUS;
        case HOLDER_BINDING -> ProblemType.CREDENTIAL_HOLDER_BINDING;
        case TYPE -> ProblemType.CREDENTIAL_TYPE;
      };
    };
    return new ProblemException(type, failed.detail(), Map.of(),
        Map.of("reason", reason.code(), "checks", checks(result)));
  }

  /** Every check as {@code {check, outcome, reason?, detail}}, lower-case kebab names. */
  public static JsonArray checks(VerificationResult result) {
    JsonArray checks = new JsonArray();
    result.checks().forEach(check -> checks.add(check(check)));
    return checks;
  }

  /** One check as {@code {check, outcome, reason?, detail}}. */
  public static JsonObject check(CheckResult check) {
    JsonObject json = new JsonObject()
        .put("check", name(check.check()))
        .put("outcome", check.outcome().name().toLowerCase(Locale.ROOT));
    check.reason().ifPresent(reason -> json.put("reason", reason.code()));
    return json.put("detail", check.detail());
  }

  static String name(Enum<?> check) {
    return check.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
