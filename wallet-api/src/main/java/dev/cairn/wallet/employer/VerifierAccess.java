package dev.cairn.wallet.employer;

import dev.cairn.wallet.auth.Principal;
import dev.cairn.wallet.http.ProblemException;
import dev.cairn.wallet.http.ProblemType;

/** Who may use the verifier routes: employer accounts, signed in or through one of their API keys. */
public final class VerifierAccess {
  private VerifierAccess() {}

  public static Principal employer(Principal principal) {
    if (principal.role() != Principal.Role.EMPLOYER) {
      throw new ProblemException(ProblemType.FORBIDDEN, "The verifier routes are for employer accounts");
    }
    return principal;
  }

  /** Managing API keys takes a signed-in employer: a key cannot mint or revoke keys. */
  static Principal signedInEmployer(Principal principal) {
    employer(principal);
    if (principal.sessionId().isEmpty()) {
      throw new ProblemException(ProblemType.FORBIDDEN, "API keys are managed from a signed-in employer session");
    }
    return principal;
  }
}
