package dev.cairn.credentials.sdjwt;

import com.nimbusds.jwt.SignedJWT;
import dev.cairn.credentials.ReasonCode;
import dev.cairn.credentials.VerificationException;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The parts of an SD-JWT as presented (RFC 9901 §4): {@code <issuer-jwt>~<disclosure>~…~[<kb-jwt>]}. Parsing
 * checks the shape only; signatures and disclosure rules are checked by the verifier.
 */
public record SdJwt(SignedJWT issuerJwt, List<Disclosure> disclosures, Optional<SignedJWT> keyBindingJwt,
                    String presentedWithoutKeyBinding) {

  public static SdJwt parse(String text) {
    String[] parts = text.split(Rfc9901.SEPARATOR, -1);
    if (parts.length < 2) {
      throw new VerificationException(ReasonCode.MALFORMED, "an SD-JWT is <jwt>~<disclosures>~[<kb-jwt>]");
    }
    SignedJWT issuerJwt = jwt(parts[0], "issuer-signed JWT");
    List<Disclosure> disclosures = new ArrayList<>();
    for (int i = 1; i < parts.length - 1; i++) {
      if (parts[i].isEmpty()) {
        throw new VerificationException(ReasonCode.MALFORMED, "an SD-JWT has an empty disclosure (~~)");
      }
      disclosures.add(Disclosure.parse(parts[i]));
    }
    String last = parts[parts.length - 1];
    Optional<SignedJWT> keyBinding = last.isEmpty() ? Optional.empty() : Optional.of(jwt(last, "KB-JWT"));
    String withoutKb = text.substring(0, text.length() - last.length());
    return new SdJwt(issuerJwt, disclosures, keyBinding, withoutKb);
  }

  private static SignedJWT jwt(String compact, String what) {
    try {
      return SignedJWT.parse(compact);
    } catch (ParseException e) {
      throw new VerificationException(compact.split("\\.", -1).length == 3 && compact.endsWith(".")
          ? ReasonCode.UNSIGNED : ReasonCode.MALFORMED, "the " + what + " is not a signed compact JWS");
    }
  }
}
