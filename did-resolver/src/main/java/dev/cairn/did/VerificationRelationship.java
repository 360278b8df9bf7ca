package dev.cairn.did;

/** The verification relationships of DID Core §5.3, by the property names they have in a DID document. */
public enum VerificationRelationship {
  AUTHENTICATION("authentication"),
  ASSERTION_METHOD("assertionMethod"),
  KEY_AGREEMENT("keyAgreement"),
  CAPABILITY_INVOCATION("capabilityInvocation"),
  CAPABILITY_DELEGATION("capabilityDelegation");

  private final String property;

  VerificationRelationship(String property) {
    this.property = property;
  }

  public String property() {
    return property;
  }
}
