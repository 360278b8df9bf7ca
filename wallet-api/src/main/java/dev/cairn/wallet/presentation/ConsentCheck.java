package dev.cairn.wallet.presentation;

import dev.cairn.credentials.dcql.ClaimsPath;
import dev.cairn.credentials.dcql.CredentialQuery;
import dev.cairn.credentials.dcql.CredentialQueryMatch;
import dev.cairn.credentials.dcql.DcqlQuery;
import dev.cairn.credentials.dcql.DcqlResponseCheck;
import dev.cairn.credentials.dcql.PresentedCredential;
import dev.cairn.credentials.presentation.DisclosedClaims;
import dev.cairn.credentials.presentation.PresentationBuilder;
import dev.cairn.wallet.http.ProblemException;
import dev.cairn.wallet.http.ProblemType;
import dev.cairn.wallet.presentation.WalletCandidates.Candidate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns the learner's consent into what will be presented, refusing a consent that does not answer the request:
 * only credentials Cairn listed for a query, only claims the query asked for may be withheld, and what would then
 * be disclosed must still satisfy the whole DCQL query — checked the way a verifier checks it (§6.4), before
 * anything is signed or sent.
 */
final class ConsentCheck {
  /** One credential to present for one Credential Query, and exactly what it will disclose. */
  record Chosen(String queryId, Candidate candidate, String original, List<ClaimsPath> consented) {}

  private ConsentCheck() {}

  static List<Chosen> chosen(DcqlQuery query, WalletCandidates.Matched matched, Map<UUID, String> originals,
                             LearnerConsent consent, PresentationBuilder builder) {
    List<Chosen> chosen = new ArrayList<>();
    Map<String, List<PresentedCredential>> presented = new LinkedHashMap<>();
    for (Map.Entry<String, List<LearnerConsent.Choice>> entry : consent.credentials().entrySet()) {
      String queryId = entry.getKey();
      CredentialQuery credentialQuery = query.credential(queryId)
          .orElseThrow(() -> invalid("The request asks for no credential '" + queryId + "'"));
      CredentialQueryMatch match = matched.match().credentialQuery(queryId).orElseThrow();
      if (!credentialQuery.multiple() && entry.getValue().size() > 1) {
        throw invalid("'" + queryId + "' takes one credential");
      }
      for (LearnerConsent.Choice choice : entry.getValue()) {
        Candidate candidate = matched.candidates().get(choice.credentialId());
        List<ClaimsPath> requested = PresentationExchanges.requested(match, choice.credentialId());
        if (candidate == null || match.matches().stream().noneMatch(m -> m.credentialId().equals(choice.credentialId()))) {
          throw invalid("Credential " + choice.credentialId() + " cannot answer '" + queryId + "'");
        }
        for (ClaimsPath withheld : choice.withheld()) {
          if (!requested.contains(withheld)) {
            throw invalid("'" + queryId + "' does not ask for " + withheld + ", so there is nothing to withhold");
          }
        }
        List<ClaimsPath> consented = requested.stream().filter(path -> !choice.withheld().contains(path)).toList();
        String original = originals.get(candidate.id());
        DisclosedClaims disclosed = builder.preview(original, candidate.format(), consented);
        if (!choice.withheld().isEmpty() && !disclosed.selectiveDisclosure()) {
          throw invalid("Credential " + candidate.id() + " cannot withhold claims: its format discloses the whole credential");
        }
        for (ClaimsPath withheld : choice.withheld()) {
          if (leaves(withheld, disclosed)) {
            throw invalid(withheld + " cannot be withheld from credential " + candidate.id()
                + ": its issuer made it always visible");
          }
        }
        presented.computeIfAbsent(queryId, id -> new ArrayList<>()).add(PresentationExchanges.presented(candidate, disclosed));
        chosen.add(new Chosen(queryId, candidate, original, consented));
      }
    }
    DcqlResponseCheck.Result check = DcqlResponseCheck.check(query, presented);
    if (!check.satisfied()) {
      throw invalid("With these choices the request is not answered: " + String.join("; ", check.problems()));
    }
    return chosen;
  }

  /** Whether {@code path} still names a claim in what would be disclosed. */
  static boolean leaves(ClaimsPath path, DisclosedClaims disclosed) {
    return path.select(disclosed.claims()) instanceof ClaimsPath.Selected;
  }

  private static ProblemException invalid(String detail) {
    return new ProblemException(ProblemType.CONSENT_INVALID, detail);
  }
}
