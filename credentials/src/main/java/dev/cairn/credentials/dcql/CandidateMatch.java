package dev.cairn.credentials.dcql;

import java.util.List;
import java.util.Optional;

/**
 * A credential that satisfies a Credential Query, and what presenting it for that query discloses.
 *
 * @param credentialId the {@link DcqlCredential#id()} of the credential
 * @param disclosedClaims the concrete paths of the claims selected for the Verifier (§6.4.1): each is disclosed with
 *     everything below it, and with every claim on the way to it. Empty when the query has no {@code claims}: then
 *     only what the format always presents goes (for SD-JWT VC, no selectively disclosable claim; a format without
 *     selective disclosure, such as {@code jwt_vc_json}, always presents the whole credential).
 * @param claimSet the ids of the {@code claim_sets} option chosen (the first one satisfied, which is the Verifier's
 *     preference), when the query has {@code claim_sets}
 */
public record CandidateMatch(String credentialId, List<ClaimsPath> disclosedClaims, Optional<List<String>> claimSet) {
  public CandidateMatch {
    disclosedClaims = List.copyOf(disclosedClaims);
    claimSet = claimSet.map(List::copyOf);
  }
}
