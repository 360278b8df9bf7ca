package dev.cairn.credentials.presentation;

import com.nimbusds.jose.jwk.JWK;
import dev.cairn.credentials.CredentialFormat;
import dev.cairn.credentials.VerificationException;
import dev.cairn.credentials.dcql.ClaimsPath;
import dev.cairn.credentials.presentation.PresentationException.Reason;
import dev.cairn.credentials.sdjwt.DisclosureProcessor;
import dev.cairn.credentials.sdjwt.DisclosureSelection;
import dev.cairn.credentials.sdjwt.HashAlgorithm;
import dev.cairn.credentials.sdjwt.KeyBinding;
import dev.cairn.credentials.sdjwt.Rfc9901;
import dev.cairn.credentials.sdjwt.SdJwt;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.text.ParseException;
import java.time.Instant;
import java.util.List;

/**
 * SD-JWT VC (OpenID4VP 1.0 B.3): the issuer-signed JWT with only the disclosures that reveal the consented claims
 * and their parents (RFC 9901 §5), then a KB-JWT (§4.3) signed with the {@code cnf} key: {@code typ kb+jwt},
 * {@code iat}, {@code nonce} the request's nonce and {@code aud} the Client Identifier (B.3.6), {@code sd_hash} over
 * the SD-JWT as presented.
 */
final class SdJwtVcPresenter implements FormatPresenter {

  /** The credential as issued ({@code <jwt>~<disclosures>~}), its signed payload and the holder's view of it. */
  private record Issued(String form, JsonObject payload, JsonObject holderView) {}

  @Override
  public DisclosedClaims preview(String credential, List<ClaimsPath> consented) {
    Issued issued = read(credential);
    Consent.requireIn(issued.holderView(), consented);
    return disclosed(issued, DisclosureSelection.present(issued.form(), consented));
  }

  @Override
  public Presentation present(String credential, List<ClaimsPath> consented, Holder holder, String nonce,
                              String audience, Instant now) {
    Issued issued = read(credential);
    requireBoundTo(holder, issued.holderView().getValue(Rfc9901.CNF));
    Consent.requireIn(issued.holderView(), consented);
    String presented = DisclosureSelection.present(issued.form(), consented);
    // §4.3.1: sd_hash uses the hash algorithm of the disclosures' digests.
    HashAlgorithm algorithm = HashAlgorithm.of(issued.payload().getValue(Rfc9901.SD_ALG));
    String keyBinding = KeyBinding.create(presented, algorithm, holder.signer(), holder.algorithm(), nonce, audience, now);
    return new Presentation(CredentialFormat.SD_JWT_VC, presented + keyBinding, disclosed(issued, presented));
  }

  /** What the verifier computes (RFC 9901 §7.1): the payload with the presented disclosures applied. */
  private static DisclosedClaims disclosed(Issued issued, String presented) {
    JsonObject claims = DisclosureProcessor.process(issued.payload(), SdJwt.parse(presented).disclosures(), true);
    JsonObject always = DisclosureProcessor.process(issued.payload(), List.of(), true);
    return new DisclosedClaims(claims, true, DisclosedClaims.leaves(always));
  }

  /**
   * The KB-JWT must be signed by the key in {@code cnf} (RFC 7800 §3.2 {@code jwk}; §3.4 {@code kid}, a DID URL
   * here), else the verifier refuses it; without {@code cnf} there is no key to bind to (OpenID4VP 1.0 B.3).
   */
  private static void requireBoundTo(Holder holder, Object cnf) {
    if (!(cnf instanceof JsonObject confirmation)) {
      throw new PresentationException(Reason.NOT_HOLDER_BOUND,
          "the SD-JWT VC has no cnf claim, so no KB-JWT can be made for it");
    }
    if (confirmation.getValue("jwk") instanceof JsonObject jwk) {
      if (!holder.holds(parse(jwk))) {
        throw new PresentationException(Reason.BOUND_TO_ANOTHER_HOLDER, "the credential's cnf.jwk is not the holder's key");
      }
      return;
    }
    if (confirmation.getValue("kid") instanceof String kid) {
      String did = kid.contains("#") ? kid.substring(0, kid.indexOf('#')) : kid;
      if (holder.identifiedAs(did).isEmpty()) {
        throw new PresentationException(Reason.BOUND_TO_ANOTHER_HOLDER,
            "the credential's cnf.kid " + kid + " does not name the holder's key");
      }
      return;
    }
    throw new PresentationException(Reason.NOT_HOLDER_BOUND, "the credential's cnf has neither a jwk nor a kid");
  }

  private static JWK parse(JsonObject jwk) {
    try {
      return JWK.parse(jwk.getMap());
    } catch (ParseException e) {
      throw new PresentationException(Reason.UNREADABLE_CREDENTIAL, "the credential's cnf.jwk is not a JWK");
    }
  }

  private static Issued read(String credential) {
    String text = credential.trim();
    // Stored without disclosures, an SD-JWT may lack its trailing separator (as CredentialVerifier accepts it).
    String form = text.contains(Rfc9901.SEPARATOR) ? text : text + Rfc9901.SEPARATOR;
    try {
      SdJwt sdJwt = SdJwt.parse(form);
      JsonObject payload = new JsonObject(sdJwt.issuerJwt().getPayload().toString());
      String withoutKeyBinding = sdJwt.presentedWithoutKeyBinding();
      return new Issued(withoutKeyBinding, payload, DisclosureProcessor.process(payload, sdJwt.disclosures(), true));
    } catch (VerificationException | DecodeException | ClassCastException e) {
      throw new PresentationException(Reason.UNREADABLE_CREDENTIAL, "not a readable SD-JWT VC: " + e.getMessage());
    }
  }
}
