package dev.cairn.did;

/**
 * How a did:key document presents its keys (did:key spec, the {@code publicKeyFormat} resolution option):
 * {@code Multikey} with {@code publicKeyMultibase} (the default), or {@code JsonWebKey2020} with
 * {@code publicKeyJwk}. Other methods publish their documents as they are.
 */
public enum PublicKeyFormat {
  MULTIKEY("Multikey"),
  JSON_WEB_KEY("JsonWebKey2020");

  private final String type;

  PublicKeyFormat(String type) {
    this.type = type;
  }

  public String verificationMethodType() {
    return type;
  }

  /** Accepts the option's spec spellings: Multikey, JsonWebKey2020 or JsonWebKey. */
  public static PublicKeyFormat fromOption(String value) {
    return switch (value) {
      case "Multikey" -> MULTIKEY;
      case "JsonWebKey2020", "JsonWebKey" -> JSON_WEB_KEY;
      default -> throw new DidResolutionException(DidError.REPRESENTATION_NOT_SUPPORTED,
          "publicKeyFormat '" + value + "' is not supported; use Multikey or JsonWebKey2020");
    };
  }
}
