package dev.cairn.credentials.presentation;

import dev.cairn.credentials.dcql.ClaimsPath;
import java.time.Instant;
import java.util.List;

/**
 * One credential format's way of presenting. {@link #preview} and {@link #present} select with the same code, so
 * what the learner is shown is what leaves.
 */
sealed interface FormatPresenter permits SdJwtVcPresenter, JwtVpPresenter, LdpVpPresenter {

  /** What presenting {@code credential} with these consented claims would disclose; nothing is signed. */
  DisclosedClaims preview(String credential, List<ClaimsPath> consented);

  /** The presentation, bound to the verifier's {@code nonce} and {@code audience} and signed by {@code holder}. */
  Presentation present(String credential, List<ClaimsPath> consented, Holder holder, String nonce, String audience,
                       Instant now);
}
