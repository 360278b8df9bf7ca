package dev.cairn.credentials.dcql;

import java.util.List;

/**
 * The wallet's answer to one Credential Query: the credentials that satisfy it, in the order they were given, and
 * why each other one does not.
 *
 * @param id the Credential Query id, the key of its entry in the {@code vp_token}
 * @param multiple whether the Verifier accepts more than one of the matches (§6.1); if not, the holder picks one
 * @param matches the credentials that satisfy the query, each with the claims it would disclose
 * @param rejections the credentials that do not, each with its reason
 */
public record CredentialQueryMatch(
    String id, boolean multiple, List<CandidateMatch> matches, List<CandidateRejection> rejections) {

  public CredentialQueryMatch {
    matches = List.copyOf(matches);
    rejections = List.copyOf(rejections);
  }

  /** Whether at least one credential satisfies the query. */
  public boolean matched() {
    return !matches.isEmpty();
  }
}
