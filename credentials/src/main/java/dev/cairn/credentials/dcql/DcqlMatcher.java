package dev.cairn.credentials.dcql;

import dev.cairn.credentials.dcql.CheckOutcome.Satisfied;
import dev.cairn.credentials.dcql.CheckOutcome.Unsatisfied;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The wallet side of DCQL (OpenID4VP 1.0 §6.4): matches a query against the holder's credentials. It decides what can
 * be presented and what that would disclose; choosing among the matches and asking for consent is the wallet's.
 *
 * <p>Each candidate is checked against each Credential Query, in this order: its format, the format's {@code meta}
 * (Appendix B), Cryptographic Holder Binding, {@code trusted_authorities} (§6.1.1), and the claims (§6.4.1; {@link
 * CandidateMatch} says what is disclosed). Then {@code credential_sets} are evaluated on which queries have a match.
 * "Credentials not matching the respective constraints expressed within credentials MUST NOT be returned" (§6.4.2):
 * only {@link CredentialQueryMatch#matches()} may be presented.
 */
public final class DcqlMatcher {
  private DcqlMatcher() {}

  public static DcqlMatch match(DcqlQuery query, List<DcqlCredential> candidates) {
    Objects.requireNonNull(query, "query");
    List<CredentialQueryMatch> results = new ArrayList<>(query.credentials().size());
    Set<String> answered = new HashSet<>();
    for (CredentialQuery credentialQuery : query.credentials()) {
      CredentialQueryMatch result = match(credentialQuery, candidates);
      if (result.matched()) {
        answered.add(credentialQuery.id());
      }
      results.add(result);
    }
    List<CredentialSetMatch> sets = CredentialSetCheck.evaluate(query.credentialSets(), answered);
    return new DcqlMatch(results, sets, CredentialSetCheck.satisfied(query, answered, sets));
  }

  private static CredentialQueryMatch match(CredentialQuery query, List<DcqlCredential> candidates) {
    List<CandidateMatch> matches = new ArrayList<>();
    List<CandidateRejection> rejections = new ArrayList<>();
    for (DcqlCredential candidate : candidates) {
      CheckOutcome outcome = CredentialQueryCheck.check(query, candidate.facts());
      if (outcome instanceof Satisfied satisfied) {
        matches.add(new CandidateMatch(candidate.id(), satisfied.claims(), satisfied.claimSet()));
      } else {
        rejections.add(new CandidateRejection(candidate.id(), ((Unsatisfied) outcome).reason()));
      }
    }
    return new CredentialQueryMatch(query.id(), query.multiple(), matches, rejections);
  }
}
