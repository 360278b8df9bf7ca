package dev.cairn.credentials;

import java.util.List;
import java.util.Optional;

/**
 * The whole answer of a verification: the format (when it could be told), every check with its outcome, and the
 * verified credential when the syntax allowed reading one. A credential is acceptable when no check failed.
 */
public record VerificationResult(Optional<CredentialFormat> format, List<CheckResult> checks,
                                 Optional<VerifiedCredential> credential) {

  public VerificationResult {
    checks = List.copyOf(checks);
  }

  public boolean valid() {
    return checks.stream().noneMatch(check -> check.outcome() == Outcome.FAILED);
  }

  /** The first failed check, which names why the credential is refused. */
  public Optional<CheckResult> firstFailure() {
    return checks.stream().filter(check -> check.outcome() == Outcome.FAILED).findFirst();
  }

  public Optional<CheckResult> check(Check check) {
    return checks.stream().filter(result -> result.check() == check).findFirst();
  }
}
