package dev.cairn.issuer.reference;

import java.util.Locale;

/**
 * What the issuer says of a credential it issued. Token Status List §7.1: 0x00 VALID, 0x01 INVALID, 0x02 SUSPENDED;
 * in the Bitstring revocation list a revoked credential's bit is 1.
 */
enum CredentialState {
  VALID(0), SUSPENDED(2), REVOKED(1);

  private final int tokenStatusValue;

  CredentialState(int tokenStatusValue) {
    this.tokenStatusValue = tokenStatusValue;
  }

  int tokenStatusValue() {
    return tokenStatusValue;
  }

  int revocationBit() {
    return this == REVOKED ? 1 : 0;
  }

  String json() {
    return name().toLowerCase(Locale.ROOT);
  }
}
