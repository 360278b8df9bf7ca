package dev.cairn.credentials.presentation;

import dev.cairn.credentials.CredentialFormat;
import dev.cairn.credentials.VerificationException;
import dev.cairn.credentials.dataintegrity.DataIntegrityProof;
import dev.cairn.credentials.dataintegrity.EcdsaSd2023;
import dev.cairn.credentials.dataintegrity.LdpVpVerifier;
import dev.cairn.credentials.dcql.ClaimsPath;
import dev.cairn.credentials.jsonld.RdfCanonicalizer;
import dev.cairn.credentials.presentation.PresentationException.Reason;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code ldp_vc}: a VCDM presentation with the holder's Data Integrity proof ({@code authentication},
 * eddsa-rdfc-2022 or ecdsa-rdfc-2019 by key), its {@code challenge} the request's nonce and its {@code domain} the
 * Client Identifier (OpenID4VP 1.0 B.1.3.2.5; VC Data Integrity 1.0 §2.1).
 *
 * <p>A credential with an {@code ecdsa-sd-2023} base proof is first derived (VC DI ECDSA 1.0 §3.5.6) to reveal the
 * issuer's mandatory pointers and the consented claims, plus what a verifier needs to accept it at all: the
 * {@code issuer} (VCDM requires it), the subject's {@code id} (the verifier checks holder = subject), and, when the
 * credential has them, its validity dates and {@code credentialStatus}, so that a withheld expiry or revocation entry
 * cannot make a spent credential look good. Every other suite signs the whole document, which is presented whole.
 */
final class LdpVpPresenter implements FormatPresenter {
  /** Top-level properties revealed whenever present, for the verifier to check validity and status. */
  private static final List<String> ALWAYS_REVEALED = List.of("issuer", "validFrom", "validUntil", "issuanceDate",
      "expirationDate", "credentialStatus");

  private final RdfCanonicalizer canonicalizer;

  LdpVpPresenter(RdfCanonicalizer canonicalizer) {
    this.canonicalizer = canonicalizer;
  }

  /** The secured credential, its claims (without proof), its subject, and whether it must be derived. */
  private record Issued(JsonObject secured, JsonObject claims, Optional<String> subject, boolean baseProof) {}

  @Override
  public DisclosedClaims preview(String credential, List<ClaimsPath> consented) {
    Issued issued = read(credential);
    Consent.requireIn(issued.claims(), consented);
    if (!issued.baseProof()) {
      return DisclosedClaims.whole(issued.claims());
    }
    JsonObject revealed = EcdsaSd2023.revealed(issued.secured(), pointers(issued, consented));
    return derived(revealed, issued);
  }

  @Override
  public Presentation present(String credential, List<ClaimsPath> consented, Holder holder, String nonce,
                              String audience, Instant now) {
    Issued issued = read(credential);
    Holder presenter = holder.asSubject(issued.subject().orElseThrow(() -> new PresentationException(
        Reason.NOT_HOLDER_BOUND, "the credential's subject has no id, so no holder can show it is theirs")));
    Consent.requireIn(issued.claims(), consented);
    JsonObject shown = issued.baseProof()
        ? EcdsaSd2023.derive(issued.secured(), pointers(issued, consented), canonicalizer)
        : issued.secured();
    JsonObject vp = LdpVpVerifier.present(presenter.did(), List.of(shown), presenter.privateKey(),
        presenter.verificationMethod(), nonce, audience, now, canonicalizer);
    JsonObject claims = shown.copy();
    claims.remove("proof");
    DisclosedClaims disclosed = issued.baseProof() ? derived(claims, issued) : DisclosedClaims.whole(claims);
    return new Presentation(CredentialFormat.LDP_VP, vp, disclosed);
  }

  private DisclosedClaims derived(JsonObject claims, Issued issued) {
    JsonObject always = EcdsaSd2023.revealed(issued.secured(), pointers(issued, List.of()));
    return new DisclosedClaims(claims, true, DisclosedClaims.leaves(always));
  }

  /** The selective pointers: what the verifier needs (see the class comment), then the consented claims. */
  private static List<String> pointers(Issued issued, List<ClaimsPath> consented) {
    List<String> pointers = new ArrayList<>();
    for (String property : ALWAYS_REVEALED) {
      if (issued.claims().containsKey(property)) {
        pointers.add("/" + property);
      }
    }
    Object subject = issued.claims().getValue("credentialSubject");
    if (subject instanceof JsonObject object && object.containsKey("id")) {
      pointers.add("/credentialSubject/id");
    } else if (subject instanceof JsonArray array && array.size() == 1
        && array.getValue(0) instanceof JsonObject only && only.containsKey("id")) {
      pointers.add("/credentialSubject/0/id");
    }
    consented.forEach(path -> pointers.add(pointer(path)));
    return pointers;
  }

  /** A concrete claims path as an RFC 6901 JSON pointer (§3: {@code ~} written {@code ~0}, {@code /} written {@code ~1}). */
  static String pointer(ClaimsPath path) {
    StringBuilder pointer = new StringBuilder();
    for (ClaimsPath.Component component : path.components()) {
      pointer.append('/');
      if (component instanceof ClaimsPath.Key key) {
        pointer.append(key.name().replace("~", "~0").replace("/", "~1"));
      } else if (component instanceof ClaimsPath.Index index) {
        pointer.append(index.index());
      } else {
        throw new PresentationException(Reason.CLAIM_NOT_IN_CREDENTIAL, "a JSON pointer names one claim, not " + path);
      }
    }
    return pointer.toString();
  }

  private static Issued read(String credential) {
    JsonObject secured;
    List<DataIntegrityProof> proofs;
    try {
      secured = new JsonObject(credential.trim());
      proofs = DataIntegrityProof.of(secured.getValue("proof"));
    } catch (DecodeException | VerificationException e) {
      throw new PresentationException(Reason.UNREADABLE_CREDENTIAL, "not a JSON-LD credential with a proof: "
          + e.getMessage());
    }
    boolean baseProof = proofs.stream().anyMatch(EcdsaSd2023::isBaseProof);
    if (baseProof && proofs.size() > 1) {
      throw new PresentationException(Reason.UNSUPPORTED_FORMAT,
          "an ecdsa-sd-2023 base proof inside a proof set cannot be derived alone");
    }
    JsonObject claims = secured.copy();
    claims.remove("proof");
    return new Issued(secured, claims, subjectId(claims.getValue("credentialSubject")), baseProof);
  }

  /** The subject the verifier compares with the holder: one subject object's {@code id}. */
  private static Optional<String> subjectId(Object subject) {
    if (subject instanceof JsonObject object && object.getValue("id") instanceof String id) {
      return Optional.of(id);
    }
    if (subject instanceof JsonArray array && array.size() == 1) {
      return subjectId(array.getValue(0));
    }
    return Optional.empty();
  }
}
