package dev.cairn.credentials.presentation;

import dev.cairn.credentials.CredentialFormat;
import dev.cairn.credentials.VerificationException;
import dev.cairn.credentials.dcql.ClaimsPath;
import dev.cairn.credentials.jsonld.RdfCanonicalizer;
import dev.cairn.credentials.presentation.PresentationException.Reason;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * The wallet's side of OpenID4VP 1.0: one stored credential presented to one verifier, disclosing only the claims
 * the learner consented to, bound to the request's {@code nonce} and to the verifier's Client Identifier as audience,
 * signed with the learner's holder key. See docs/presentations.md for what each format discloses and how.
 *
 * <p>Pure and synchronous: signing, hashing and (for ldp_vc) canonicalization are CPU work, so call it from a worker
 * pool, never an event loop. Thread-safe. Failures are {@link PresentationException}s with a {@link Reason}.
 *
 * <p>Consented claims are concrete claims paths (OpenID4VP 1.0 §7) rooted as DCQL roots them for the format
 * (docs/dcql.md), for instance {@link dev.cairn.credentials.dcql.CandidateMatch#disclosedClaims()}. Each must name a
 * claim of the credential; a claim is disclosed with everything beneath it.
 */
public final class PresentationBuilder {
  private final Clock clock;
  private final SdJwtVcPresenter sdJwtVc = new SdJwtVcPresenter();
  private final JwtVpPresenter jwtVcJson = new JwtVpPresenter(CredentialFormat.JWT_VC_JSON);
  private final JwtVpPresenter vcJwt = new JwtVpPresenter(CredentialFormat.VC_JWT);
  private final LdpVpPresenter ldpVc;

  public PresentationBuilder(Clock clock, RdfCanonicalizer canonicalizer) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.ldpVc = new LdpVpPresenter(Objects.requireNonNull(canonicalizer, "canonicalizer"));
  }

  /**
   * The {@code vp_token} entry presenting {@code credential} (its stored original bytes, of {@code format}).
   *
   * @param consented the claims the learner agreed to disclose
   * @param nonce the Authorization Request's {@code nonce}
   * @param audience the verifier's Client Identifier ({@code client_id}, with its prefix)
   * @throws PresentationException when the credential is bound to another holder or to none, a consented claim is
   *     not in it, or it cannot be read as {@code format}
   */
  public Presentation build(String credential, CredentialFormat format, List<ClaimsPath> consented, Holder holder,
                            String nonce, String audience) {
    Objects.requireNonNull(holder, "holder");
    requireText(nonce, "nonce");
    requireText(audience, "audience");
    FormatPresenter presenter = presenterFor(format);
    try {
      return presenter.present(credential, List.copyOf(consented), holder, nonce, audience, clock.instant());
    } catch (VerificationException e) {
      throw unreadable(format, e);
    }
  }

  /**
   * What {@link #build} would disclose for the same credential and consent, computed without any key: the wallet
   * shows it to the learner before asking for consent.
   */
  public DisclosedClaims preview(String credential, CredentialFormat format, List<ClaimsPath> consented) {
    FormatPresenter presenter = presenterFor(format);
    try {
      return presenter.preview(credential, List.copyOf(consented));
    } catch (VerificationException e) {
      throw unreadable(format, e);
    }
  }

  private FormatPresenter presenterFor(CredentialFormat format) {
    return switch (Objects.requireNonNull(format, "format")) {
      case SD_JWT_VC -> sdJwtVc;
      case JWT_VC_JSON -> jwtVcJson;
      case VC_JWT -> vcJwt;
      case LDP_VC -> ldpVc;
      case JWT_VP_JSON, VP_JWT, LDP_VP -> throw new PresentationException(Reason.UNSUPPORTED_FORMAT,
          format.identifier() + " is a presentation, not a credential to present");
    };
  }

  /** A rule of the credential's own format broke while selecting or deriving: the stored bytes are not sound. */
  private static PresentationException unreadable(CredentialFormat format, VerificationException e) {
    return new PresentationException(Reason.UNREADABLE_CREDENTIAL,
        "the " + format.identifier() + " credential cannot be presented: " + e.reason().code() + ": " + e.getMessage());
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException(name + " must be a non-empty string");
    }
  }
}
