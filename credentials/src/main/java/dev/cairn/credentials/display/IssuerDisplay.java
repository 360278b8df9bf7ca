package dev.cairn.credentials.display;

import io.vertx.core.json.JsonObject;
import java.util.Objects;
import java.util.Optional;

/**
 * Who issued the credential, as a page shows it. {@code id} is always the verified issuer
 * ({@code VerifiedCredential.issuer()}), never re-read from the claims. The rest is what the issuer says of itself:
 * <ul>
 *   <li>VCDM / OB 3.0: {@code issuer} is a URL or a Profile (OB 3.0 §B.1 Profile) with {@code name} (possibly
 *       localised), {@code url} and {@code image} (a URL or an Image);</li>
 *   <li>SD-JWT VC has no issuer object ({@code iss} is a bare identifier) and no registered claim for a display
 *       name, so the name is taken from {@code issuer_name}, or else {@code issuing_authority} (the claim the EUDI
 *       PID rulebook uses for the same purpose).</li>
 * </ul>
 * A name is self-asserted; only {@code id} is proven by the signature.
 */
public record IssuerDisplay(String id, Optional<String> name, Optional<String> url, Optional<String> image) {

  public IssuerDisplay {
    Objects.requireNonNull(id, "id");
  }

  static IssuerDisplay read(String verifiedIssuer, JsonObject claims) {
    if (claims.getValue("issuer") instanceof JsonObject profile) {
      return new IssuerDisplay(verifiedIssuer, LocalizedText.read(profile.getValue("name")).map(LocalizedText::text),
          BoundedValues.link(profile.getValue("url")), BoundedValues.image(profile.getValue("image")));
    }
    Optional<String> name = BoundedValues.text(claims.getValue("issuer_name"))
        .or(() -> BoundedValues.text(claims.getValue("issuing_authority")));
    return new IssuerDisplay(verifiedIssuer, name, Optional.empty(), Optional.empty());
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("id", id);
    name.ifPresent(value -> json.put("name", value));
    url.ifPresent(value -> json.put("url", value));
    image.ifPresent(value -> json.put("image", value));
    return json;
  }
}
