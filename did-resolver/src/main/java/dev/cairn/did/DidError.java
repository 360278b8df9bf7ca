package dev.cairn.did;

/**
 * Why a DID could not be resolved or dereferenced: the error names of DID Resolution (W3C DID Resolution,
 * §"DID Resolution Metadata" error values). The wire name is what the resolver endpoint reports.
 */
public enum DidError {
  INVALID_DID("invalidDid"),
  NOT_FOUND("notFound"),
  METHOD_NOT_SUPPORTED("methodNotSupported"),
  REPRESENTATION_NOT_SUPPORTED("representationNotSupported"),
  INVALID_PUBLIC_KEY("invalidPublicKey"),
  INTERNAL_ERROR("internalError");

  private final String wireName;

  DidError(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }
}
