package dev.cairn.issuer.reference;

import dev.cairn.issuer.oid4vci.OAuthError;
import java.security.SecureRandom;
import java.util.BitSet;

/**
 * Status list indexes handed out at random and never twice. Token Status List §13.2 (herd privacy) and Bitstring
 * Status List §6.1 advise random allocation, so an index tells nobody when or to whom a credential was issued; a
 * reused index would let one credential's status speak for another's.
 */
final class RandomIndexes {
  private final SecureRandom random = new SecureRandom();
  private final BitSet used;
  private final int size;
  /** A tenth is never handed out, so a random draw lands on a free index within a few tries. */
  private final int limit;
  private int allocated;

  RandomIndexes(int size) {
    this.size = size;
    this.used = new BitSet(size);
    this.limit = size - size / 10;
  }

  synchronized long next() {
    if (allocated >= limit) {
      throw new OAuthException(OAuthError.CREDENTIAL_REQUEST_DENIED, "the issuer's status list is full");
    }
    int index;
    do {
      index = random.nextInt(size);
    } while (used.get(index));
    used.set(index);
    allocated++;
    return index;
  }
}
