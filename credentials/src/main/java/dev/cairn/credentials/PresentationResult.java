package dev.cairn.credentials;

import java.util.List;
import java.util.Optional;

/**
 * The answer for a presentation: the presentation's own checks (holder's signature and key, nonce and audience,
 * holder = subject) and the full result of every credential it carries. Acceptable when nothing failed anywhere.
 */
public record PresentationResult(Optional<CredentialFormat> format, List<CheckResult> checks, Optional<String> holder,
                                 List<VerificationResult> credentials) {

  public PresentationResult {
    checks = List.copyOf(checks);
    credentials = List.copyOf(credentials);
  }

  public boolean valid() {
    return checks.stream().noneMatch(check -> check.outcome() == Outcome.FAILED)
        && credentials.stream().allMatch(VerificationResult::valid);
  }

  public Optional<CheckResult> firstFailure() {
    return checks.stream().filter(check -> check.outcome() == Outcome.FAILED).findFirst();
  }

  public Optional<CheckResult> check(Check check) {
    return checks.stream().filter(result -> result.check() == check).findFirst();
  }
}
