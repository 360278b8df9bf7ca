package dev.cairn.issuer.reference;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every credential the reference issuer signed, by an id the operator uses to revoke or suspend it, with its place
 * in a status list. In memory, like everything of this issuer. Revocation is final; suspension can be lifted.
 */
final class IssuedCredentials {

  /** One issued credential and what the issuer currently says of it. */
  record Issued(String id, String offerId, MicroCredentialConfiguration configuration, Instant issuedAt,
                StatusReference status, CredentialState state) {
    Issued in(CredentialState next) {
      return new Issued(id, offerId, configuration, issuedAt, status, next);
    }

    JsonObject json() {
      return new JsonObject().put("id", id).put("credential_configuration_id", configuration.id())
          .put("format", configuration.format()).put("issued_at", issuedAt.toString()).put("status", state.json());
    }
  }

  /** Why a change of state was refused. */
  enum Refusal { UNKNOWN, REVOKED, NOT_SUSPENDABLE }

  /** The credential after the change, or why there was none. */
  record Change(Optional<Issued> credential, Optional<Refusal> refusal) {}

  private final Map<String, Issued> byId = new ConcurrentHashMap<>();
  private final StatusLists lists;
  private final Clock clock;

  IssuedCredentials(StatusLists lists, Clock clock) {
    this.lists = lists;
    this.clock = clock;
  }

  /** Records a credential about to be signed for {@code offerId}: a new id and a fresh status index. */
  Issued issue(String offerId, MicroCredentialConfiguration configuration) {
    Issued issued = new Issued(Secrets.token(), offerId, configuration, clock.instant(),
        lists.allocate(configuration), CredentialState.VALID);
    byId.put(issued.id(), issued);
    return issued;
  }

  /** The credentials issued for one offer, oldest first. */
  JsonArray ofOffer(String offerId) {
    JsonArray credentials = new JsonArray();
    byId.values().stream().filter(issued -> issued.offerId().equals(offerId))
        .sorted(Comparator.comparing(Issued::issuedAt).thenComparing(Issued::id))
        .forEach(issued -> credentials.add(issued.json()));
    return credentials;
  }

  /** Revoked for good (Token Status List INVALID; the revocation bit set). Revoking twice changes nothing. */
  Change revoke(String id) {
    return change(id, CredentialState.REVOKED);
  }

  /**
   * Suspended (Token Status List SUSPENDED). Only SD-JWT VCs can be: a W3C credential here is an Open Badges 3.0
   * credential, whose {@code credentialStatus} is one entry (OB 3.0 §B.1.1, and 1EdTech's JSON Schema), and this
   * issuer spends it on revocation.
   */
  Change suspend(String id) {
    return change(id, CredentialState.SUSPENDED);
  }

  /** Valid again after a suspension; reinstating a valid credential changes nothing; a revoked one stays revoked. */
  Change reinstate(String id) {
    return change(id, CredentialState.VALID);
  }

  private synchronized Change change(String id, CredentialState next) {
    Issued current = byId.get(id);
    if (current == null) {
      return new Change(Optional.empty(), Optional.of(Refusal.UNKNOWN));
    }
    if (current.state() == CredentialState.REVOKED && next != CredentialState.REVOKED) {
      return new Change(Optional.of(current), Optional.of(Refusal.REVOKED));
    }
    if (next == CredentialState.SUSPENDED && !current.status().tokenStatusList()) {
      return new Change(Optional.of(current), Optional.of(Refusal.NOT_SUSPENDABLE));
    }
    Issued changed = current.in(next);
    lists.set(changed.status(), next);
    byId.put(id, changed);
    return new Change(Optional.of(changed), Optional.empty());
  }
}
