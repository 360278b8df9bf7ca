package dev.cairn.wallet.credential;

import dev.cairn.credentials.CheckResult;
import dev.cairn.credentials.Check;
import dev.cairn.credentials.Outcome;
import dev.cairn.credentials.ReasonCode;
import dev.cairn.credentials.VerificationResult;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * A stored credential's status as the learner sees it. Two sources: what the issuer's status list said when
 * last checked ({@code list_status}: valid, unknown, revoked, suspended) and the validity window, judged at
 * the moment of reading — so a credential becomes {@code expired} without anyone writing to it.
 */
public enum WalletStatus {
  VALID("valid"), EXPIRED("expired"), NOT_YET_VALID("not-yet-valid"), REVOKED("revoked"), SUSPENDED("suspended"),
  UNKNOWN("unknown");

  /** The same rule in SQL, for filtering, with {@code now} as the statement parameter named by {@code nowParameter}. */
  static String sql(String nowParameter) {
    return """
        CASE WHEN list_status IN ('revoked', 'suspended') THEN list_status
             WHEN valid_until IS NOT NULL AND valid_until < %1$s THEN 'expired'
             WHEN valid_from IS NOT NULL AND valid_from > %1$s THEN 'not-yet-valid'
             ELSE list_status END""".formatted(nowParameter);
  }

  private final String code;

  WalletStatus(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static Optional<WalletStatus> ofCode(String code) {
    return Arrays.stream(values()).filter(status -> status.code.equals(code)).findFirst();
  }

  /** Revocation first (it is final), then the window, then what the status list said. */
  static WalletStatus effective(String listStatus, Instant validFrom, Instant validUntil, Instant now) {
    WalletStatus listed = ofCode(listStatus).orElse(UNKNOWN);
    if (listed == REVOKED || listed == SUSPENDED) {
      return listed;
    }
    if (validUntil != null && validUntil.isBefore(now)) {
      return EXPIRED;
    }
    if (validFrom != null && validFrom.isAfter(now)) {
      return NOT_YET_VALID;
    }
    return listed;
  }

  /** What a verification said about the status list: {@code valid}, {@code unknown}, {@code revoked}, {@code suspended}. */
  static String listStatusOf(VerificationResult result) {
    Optional<CheckResult> status = result.check(Check.STATUS);
    if (status.isEmpty()) {
      return "unknown";
    }
    CheckResult check = status.get();
    if (check.outcome() == Outcome.PASSED || check.reason().equals(Optional.of(ReasonCode.NO_STATUS))) {
      return "valid";
    }
    if (check.reason().equals(Optional.of(ReasonCode.REVOKED))) {
      return "revoked";
    }
    if (check.reason().equals(Optional.of(ReasonCode.SUSPENDED))) {
      return "suspended";
    }
    return "unknown";
  }
}
