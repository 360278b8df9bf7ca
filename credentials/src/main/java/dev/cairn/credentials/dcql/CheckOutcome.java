package dev.cairn.credentials.dcql;

import java.util.List;
import java.util.Optional;

/** Whether one credential satisfies one Credential Query, and if so which claims that takes. */
sealed interface CheckOutcome {
  /**
   * The credential satisfies the query.
   *
   * @param claims the concrete paths of the claims selected (§6.4.1), in query order, without repeats
   * @param claimSet the ids of the {@code claim_sets} option used, when the query has {@code claim_sets}
   */
  record Satisfied(List<ClaimsPath> claims, Optional<List<String>> claimSet) implements CheckOutcome {
    public Satisfied {
      claims = List.copyOf(claims);
    }
  }

  /** The credential does not satisfy the query, and the first rule it fails. */
  record Unsatisfied(String reason) implements CheckOutcome {}
}
