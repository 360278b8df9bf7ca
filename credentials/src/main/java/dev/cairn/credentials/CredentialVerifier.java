package dev.cairn.credentials;

import dev.cairn.credentials.dataintegrity.DataIntegrityVerifier;
import dev.cairn.credentials.dataintegrity.LdpVpVerifier;
import dev.cairn.credentials.dataintegrity.StatusListProofVerifier;
import dev.cairn.credentials.internal.Checks;
import dev.cairn.credentials.jose.IssuerKeys;
import dev.cairn.credentials.jose.JwtVcVerifier;
import dev.cairn.credentials.jose.JwtVpVerifier;
import dev.cairn.credentials.jsonld.CanonicalizationLimits;
import dev.cairn.credentials.jsonld.PinnedContexts;
import dev.cairn.credentials.jsonld.RdfCanonicalizer;
import dev.cairn.credentials.sdjwt.SdJwtVcVerifier;
import dev.cairn.credentials.status.StatusChecker;
import dev.cairn.did.DidResolver;
import dev.cairn.did.fetch.HardenedFetch;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import java.time.Clock;

/**
 * The one entry point: detect the format, run its verifier, answer a {@link VerificationResult}. Never fails
 * for a bad credential — that is a result with a failed check; the future fails only on an internal error.
 * Signatures run on the given bounded worker pool, never on the event loop.
 */
public final class CredentialVerifier {
  private final SdJwtVcVerifier sdJwtVc;
  private final JwtVcVerifier jwtVc;
  private final JwtVpVerifier jwtVp;
  private final DataIntegrityVerifier dataIntegrity;
  private final LdpVpVerifier ldpVp;

  /** With the bundled JSON-LD contexts and the default canonicalization limits. */
  public CredentialVerifier(DidResolver resolver, HardenedFetch fetch, WorkerExecutor crypto, Clock clock) {
    this(resolver, fetch, crypto, clock, new RdfCanonicalizer(PinnedContexts.bundled(), CanonicalizationLimits.DEFAULT));
  }

  public CredentialVerifier(DidResolver resolver, HardenedFetch fetch, WorkerExecutor crypto, Clock clock,
                            RdfCanonicalizer canonicalizer) {
    IssuerKeys issuerKeys = new IssuerKeys(resolver, fetch, clock);
    CryptoPool pool = new CryptoPool(crypto);
    StatusChecker status = new StatusChecker(fetch, issuerKeys, pool,
        new StatusListProofVerifier(issuerKeys, pool, canonicalizer, clock), clock);
    this.sdJwtVc = new SdJwtVcVerifier(issuerKeys, pool, status, clock);
    this.jwtVc = new JwtVcVerifier(issuerKeys, pool, status, clock);
    this.jwtVp = new JwtVpVerifier(issuerKeys, pool, jwtVc, clock);
    this.dataIntegrity = new DataIntegrityVerifier(issuerKeys, pool, status, canonicalizer, clock);
    this.ldpVp = new LdpVpVerifier(issuerKeys, pool, dataIntegrity, canonicalizer, clock);
  }

  public Future<VerificationResult> verify(String credential, VerificationPolicy policy) {
    CredentialFormat format;
    try {
      format = FormatDetector.detect(credential);
    } catch (VerificationException e) {
      return Future.succeededFuture(Checks.unrecognised(e));
    }
    return switch (format) {
      case SD_JWT_VC -> sdJwtVc.verify(credential.contains("~") ? credential : credential.trim() + "~", policy);
      case VC_JWT, JWT_VC_JSON -> jwtVc.verify(credential, policy);
      case JWT_VP_JSON, VP_JWT -> Future.succeededFuture(new Checks(format).stoppedBy(new VerificationException(
          ReasonCode.UNSUPPORTED_FORMAT, format.identifier() + " is a presentation: use verifyPresentation")));
      case LDP_VC -> dataIntegrity.verify(new JsonObject(credential), policy);
      case LDP_VP -> Future.succeededFuture(new Checks(format).stoppedBy(new VerificationException(
          ReasonCode.UNSUPPORTED_FORMAT, format.identifier() + " is a presentation: use verifyPresentation")));
    };
  }

  /**
   * A VCDM presentation — a JWT (jwt_vp_json or vp+jwt) or JSON-LD with a Data Integrity proof (ldp_vp) — with
   * every credential it carries.
   */
  public Future<PresentationResult> verifyPresentation(String presentation, VerificationPolicy policy) {
    String trimmed = presentation == null ? "" : presentation.trim();
    if (trimmed.startsWith("{")) {
      return ldpVp.verify(trimmed, policy);
    }
    return jwtVp.verify(presentation, policy);
  }
}
