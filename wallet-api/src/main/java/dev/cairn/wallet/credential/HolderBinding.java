package dev.cairn.wallet.credential;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import dev.cairn.credentials.VerifiedCredential;
import dev.cairn.wallet.holder.HolderKey;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Which of the learner's holder keys a credential is bound to: its confirmation key ({@code cnf.jwk}, RFC 7800
 * §3.2, matched by RFC 7638 thumbprint) or its subject DID (did:jwk / did:key of a holder key; any other DID
 * subject is someone else's key). A credential
 * bound to one of them is presentable; one bound to a key the learner does not hold here is kept but cannot be
 * presented from this wallet.
 */
record HolderBinding(State state, Optional<UUID> holderKeyId) {
  enum State { BOUND, UNBOUND, OTHER_KEY }

  boolean presentable() {
    return state == State.BOUND;
  }

  static HolderBinding of(VerifiedCredential credential, List<HolderKey> keys) {
    if (credential.holderKey().isPresent()) {
      String thumbprint = thumbprint(credential.holderKey().get());
      return keys.stream().filter(key -> key.thumbprint().equals(thumbprint)).findFirst()
          .map(key -> new HolderBinding(State.BOUND, Optional.of(key.id())))
          .orElse(new HolderBinding(State.OTHER_KEY, Optional.empty()));
    }
    Optional<String> subject = credential.subject().filter(id -> id.startsWith("did:"));
    if (subject.isPresent()) {
      return keys.stream().filter(key -> key.isNamedBy(subject.get())).findFirst()
          .map(key -> new HolderBinding(State.BOUND, Optional.of(key.id())))
          .orElse(new HolderBinding(State.OTHER_KEY, Optional.empty()));
    }
    return new HolderBinding(State.UNBOUND, Optional.empty());
  }

  private static String thumbprint(JWK key) {
    try {
      return key.computeThumbprint().toString();
    } catch (JOSEException e) {
      return "";
    }
  }
}
