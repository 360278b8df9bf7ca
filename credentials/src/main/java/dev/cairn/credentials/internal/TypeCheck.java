package dev.cairn.credentials.internal;

import dev.cairn.credentials.Check;
import dev.cairn.credentials.CheckResult;
import dev.cairn.credentials.ReasonCode;
import dev.cairn.credentials.VerificationException;
import dev.cairn.credentials.VerificationPolicy.SchemaConformance;
import dev.cairn.credentials.openbadges.OpenBadgesSchema;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;

/**
 * The TYPE check shared by the W3C credential formats: the types include {@code VerifiableCredential} (VCDM 2.0
 * §4.5, VCDM 1.1 §4.3); and an Open Badges 3.0 credential in the VCDM 2.0 shape conforms to 1EdTech's JSON Schema
 * for its class (OB 3.0 §B.1), refused or only reported as the policy's {@link SchemaConformance} says. Schema
 * validation is CPU work: call this on the crypto pool.
 */
public final class TypeCheck {
  /** The types that make a credential an Open Badge (OB 3.0 §B.1; OpenBadgeCredential is AchievementCredential's alias). */
  static final Set<String> OPEN_BADGE_TYPES =
      Set.of("OpenBadgeCredential", "AchievementCredential", "EndorsementCredential");
  /** Messages named in a detail; the count says how many there are in all. */
  private static final int MESSAGES_SHOWN = 2;

  private TypeCheck() {}

  /**
   * A VCDM 1.1 credential: the types include VerifiableCredential. An Open Badge is not schema-checked — the
   * bundled schemas are the VCDM 2.0 builds, which reject the VCDM 1.1 shape ({@code issuanceDate}, the v1
   * {@code @context}) whatever the badge says — and the detail says so.
   */
  public static CheckResult vcdm11(List<String> types) {
    CheckResult typed = verifiableCredential(types);
    if (!isOpenBadge(types)) {
      return typed;
    }
    return CheckResult.passed(Check.TYPE, typed.detail()
        + "; a VCDM 1.1 Open Badge: not checked against the OB 3.0 JSON Schema, which is for VCDM 2.0");
  }

  /**
   * A VCDM 2.0 credential: the types include VerifiableCredential, and, when they name an Open Badges 3.0
   * credential, {@code credential} (the claims without {@code proof}) is checked against the bundled schema.
   * ENFORCE: a failure throws {@code schema-invalid}. REPORT: a failure is TYPE SKIPPED {@code schema-invalid}
   * with the same detail — never a failed check.
   */
  public static CheckResult vcdm2(List<String> types, JsonObject credential, SchemaConformance conformance) {
    CheckResult typed = verifiableCredential(types);
    if (!isOpenBadge(types)) {
      return typed;
    }
    OpenBadgesSchema.Findings findings = OpenBadgesSchema.bundled().check(credential);
    if (findings.conforms()) {
      return CheckResult.passed(Check.TYPE, typed.detail() + "; conforms to the Open Badges 3.0 "
          + findings.schema() + " JSON Schema");
    }
    String detail = nonConformance(findings);
    if (conformance == SchemaConformance.ENFORCE) {
      throw new VerificationException(ReasonCode.SCHEMA_INVALID, detail);
    }
    return CheckResult.skipped(ReasonCode.SCHEMA_INVALID, detail + " (reported, not enforced, by this policy)");
  }

  private static CheckResult verifiableCredential(List<String> types) {
    if (!types.contains("VerifiableCredential")) {
      throw new VerificationException(ReasonCode.TYPE_MISSING, "type must include VerifiableCredential");
    }
    return CheckResult.passed(Check.TYPE, String.join(", ", types));
  }

  private static boolean isOpenBadge(List<String> types) {
    return types.stream().anyMatch(OPEN_BADGE_TYPES::contains);
  }

  private static String nonConformance(OpenBadgesSchema.Findings findings) {
    int count = findings.errorCount();
    List<String> shown = findings.messages().subList(0, Math.min(MESSAGES_SHOWN, findings.messages().size()));
    int more = count - shown.size();
    return "does not conform to the Open Badges 3.0 " + findings.schema() + " JSON Schema (" + count
        + (count == 1 ? " error" : " errors") + "): " + String.join("; ", shown)
        + (more > 0 ? "; and " + more + " more" : "");
  }
}
