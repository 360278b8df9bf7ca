package dev.cairn.credentials.presentation;

import dev.cairn.credentials.Check;
import dev.cairn.credentials.CheckResult;
import dev.cairn.credentials.CredentialFormat;
import dev.cairn.credentials.Outcome;
import dev.cairn.credentials.PresentationResult;
import dev.cairn.credentials.VerificationResult;
import dev.cairn.credentials.VerifiedCredential;
import dev.cairn.credentials.dcql.DcqlCredential;
import dev.cairn.credentials.dcql.OpenId4Vp;
import dev.cairn.credentials.dcql.PresentedCredential;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Verified credentials as DCQL sees them (docs/dcql.md), on both sides: the wallet's candidates for matching, and
 * what a verifier actually received for {@link dev.cairn.credentials.dcql.DcqlResponseCheck}.
 *
 * <p>The Credential Format Identifier (OpenID4VP 1.0 Appendix B) of each credential format: {@code dc+sd-jwt},
 * {@code jwt_vc_json}, {@code ldp_vc}. A VCDM 2.0 {@code vc+jwt} credential answers queries for {@code jwt_vc_json}:
 * OpenID4VP 1.0 defines no identifier for VC-JOSE-COSE, and B.1.3.1 describes {@code jwt_vc_json} as any VCDM
 * credential "signed using JWS, and does not use JSON-LD", which a {@code vc+jwt} is. It is presented as a
 * {@code vp+jwt} (VC-JOSE-COSE §3.1.2), which Cairn's verifier reads under the same identifier.
 */
public final class DcqlCredentials {
  private DcqlCredentials() {}

  /** The Credential Format Identifier a credential of {@code format} answers DCQL queries for. */
  public static String formatIdentifier(CredentialFormat format) {
    return switch (format) {
      case SD_JWT_VC -> OpenId4Vp.FORMAT_DC_SD_JWT;
      case JWT_VC_JSON, VC_JWT -> OpenId4Vp.FORMAT_JWT_VC_JSON;
      case LDP_VC -> OpenId4Vp.FORMAT_LDP_VC;
      case JWT_VP_JSON, VP_JWT, LDP_VP -> throw new IllegalArgumentException(
          format.identifier() + " is a presentation format; DCQL matches credentials");
    };
  }

  /**
   * A stored credential as a DCQL candidate.
   *
   * @param walletId the wallet's id for it, echoed in {@link dev.cairn.credentials.dcql.CandidateMatch}
   * @param credential its verification at import (claims rooted per format: the SD-JWT VC payload with every
   *     disclosure, the {@code vc} claim, the credential without {@code proof})
   * @param holdsBoundKey whether the wallet holds the key it is bound to (its {@code cnf} key, or the key of its
   *     subject DID), so that it can be presented with Cryptographic Holder Binding
   */
  public static DcqlCredential candidate(String walletId, VerifiedCredential credential, boolean holdsBoundKey) {
    return new DcqlCredential(walletId, formatIdentifier(credential.format()), credential.types(),
        credential.issuer(), credential.claims(), holdsBoundKey);
  }

  /**
   * The credentials a verified VP (jwt_vp_json, vp+jwt, ldp_vp) carried, each with the claims it disclosed. Holder
   * binding counts as verified for a credential only when the holder's proof verified and the credential's subject is
   * the holder: a credential with no subject is a bearer credential anyone may have wrapped.
   *
   * @throws IllegalArgumentException if the presentation is not valid: DCQL is checked on verified presentations only
   */
  public static List<PresentedCredential> presented(PresentationResult presentation) {
    if (!presentation.valid()) {
      throw new IllegalArgumentException("only a valid presentation can answer a DCQL query: "
          + presentation.firstFailure().map(CheckResult::detail).orElse("a credential in it is invalid"));
    }
    boolean holderProved = passed(presentation.check(Check.HOLDER_BINDING));
    List<PresentedCredential> out = new ArrayList<>();
    for (VerificationResult result : presentation.credentials()) {
      VerifiedCredential credential = result.credential().orElseThrow();
      boolean bound = holderProved && credential.subject().isPresent()
          && credential.subject().equals(presentation.holder());
      out.add(new PresentedCredential(formatIdentifier(credential.format()), credential.types(), credential.issuer(),
          credential.claims(), bound));
    }
    return out;
  }

  /**
   * A verified SD-JWT VC presentation (verified with {@code CredentialVerifier.verify}: an SD-JWT VC is its own
   * presentation), its claims being the payload with only the presented disclosures applied. Holder binding is
   * verified when its KB-JWT was.
   *
   * @throws IllegalArgumentException if the result is not a valid SD-JWT VC
   */
  public static PresentedCredential presented(VerificationResult sdJwtVc) {
    if (!sdJwtVc.valid() || sdJwtVc.format().filter(CredentialFormat.SD_JWT_VC::equals).isEmpty()) {
      throw new IllegalArgumentException("only a valid SD-JWT VC presentation can answer a DCQL query: "
          + sdJwtVc.firstFailure().map(CheckResult::detail).orElse("it is not an SD-JWT VC"));
    }
    VerifiedCredential credential = sdJwtVc.credential().orElseThrow();
    return new PresentedCredential(OpenId4Vp.FORMAT_DC_SD_JWT, credential.types(), credential.issuer(),
        credential.claims(), passed(sdJwtVc.check(Check.HOLDER_BINDING)));
  }

  private static boolean passed(Optional<CheckResult> check) {
    return check.map(result -> result.outcome() == Outcome.PASSED).orElse(false);
  }
}
