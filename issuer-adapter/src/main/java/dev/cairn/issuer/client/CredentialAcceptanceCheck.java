package dev.cairn.issuer.client;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import dev.cairn.credentials.CredentialFormat;
import dev.cairn.credentials.CredentialVerifier;
import dev.cairn.credentials.VerificationPolicy;
import dev.cairn.credentials.VerificationResult;
import dev.cairn.credentials.VerifiedCredential;
import dev.cairn.did.Did;
import dev.cairn.did.DidResolver;
import dev.cairn.did.VerificationMethod;
import dev.cairn.did.VerificationRelationship;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whether the credentials of one Credential Response may be kept: each passes the same verification as an import
 * ({@link VerificationPolicy#importing()}), has the configuration's format, and is bound to one of the keys the
 * wallet proved (§8.1) — each key to at most one credential (§8.3). SD-JWT VCs are bound by {@code cnf} (RFC 7800:
 * the JWK, or a DID URL {@code kid}); W3C credentials by their subject DID, resolved and matched by key thumbprint.
 * One failure fails the whole response (§11.1: a partial batch is a failed issuance).
 */
final class CredentialAcceptanceCheck {
  private final CredentialVerifier verifier;
  private final DidResolver resolver;

  CredentialAcceptanceCheck(CredentialVerifier verifier, DidResolver resolver) {
    this.verifier = verifier;
    this.resolver = resolver;
  }

  /** The accepted credentials, or a failed future with {@code credential-invalid} or {@code credential-not-bound}. */
  Future<List<ReceivedCredential>> check(String configurationId, String format, JsonArray credentials,
                                         List<JWK> provenKeys, List<Display> issuerDisplay, List<Display> credentialDisplay) {
    if (credentials.isEmpty() || credentials.size() > provenKeys.size()) {
      return failed(new IssuanceFailure.NotBoundToProofKey(credentials.size() + " credential(s) for " + provenKeys.size()
          + " proven key(s): each key binds at most one credential"));
    }
    Set<String> unused = new HashSet<>();
    provenKeys.forEach(key -> unused.add(thumbprint(key)));
    Future<List<ReceivedCredential>> accepted = Future.succeededFuture(new ArrayList<>());
    for (Object entry : credentials) {
      accepted = accepted.compose(list -> one(entry, configurationId, format, unused, issuerDisplay, credentialDisplay)
          .map(credential -> {
            list.add(credential);
            return list;
          }));
    }
    return accepted.map(List::copyOf);
  }

  private Future<ReceivedCredential> one(Object entry, String configurationId, String format, Set<String> unused,
                                         List<Display> issuerDisplay, List<Display> credentialDisplay) {
    Object value = entry instanceof JsonObject object ? object.getValue("credential") : null;
    String credential = value instanceof String text ? text : value instanceof JsonObject json ? json.encode() : null;
    if (credential == null) {
      return failed(new IssuanceFailure.CredentialRefused("invalid_credential_response",
          "each credentials entry needs a credential string or object"));
    }
    return verifier.verify(credential, VerificationPolicy.importing()).compose(result -> {
      if (!result.valid() || result.credential().isEmpty()) {
        var first = result.firstFailure().orElseThrow();
        return failed(new IssuanceFailure.CredentialInvalid(first, first.check() + ": " + first.detail()));
      }
      CredentialFormat detected = result.format().orElseThrow();
      if (!detected.identifier().equals(format)) {
        return failed(new IssuanceFailure.CredentialInvalid(result.checks().get(0),
            "the configuration's format is " + format + " but the credential is " + detected.identifier()));
      }
      return boundKeys(result.credential().get()).compose(thumbprints -> {
        Optional<String> proven = thumbprints.stream().filter(unused::contains).findFirst();
        if (proven.isEmpty()) {
          return failed(new IssuanceFailure.NotBoundToProofKey(thumbprints.isEmpty()
              ? "the credential names no holder key" : "the credential is bound to a key this wallet did not prove (or to one twice)"));
        }
        unused.remove(proven.get());
        return Future.succeededFuture(new ReceivedCredential(configurationId, detected, credential, result,
            issuerDisplay, credentialDisplay));
      });
    });
  }

  /**
   * The thumbprints of the keys the credential is bound to: {@code cnf.jwk}, {@code cnf.kid}, or the subject DID's
   * authentication keys.
   */
  private Future<List<String>> boundKeys(VerifiedCredential credential) {
    if (credential.holderKey().isPresent()) {
      return Future.succeededFuture(List.of(thumbprint(credential.holderKey().get())));
    }
    if (credential.format() == CredentialFormat.SD_JWT_VC) {
      Object cnf = credential.claims().getValue("cnf");
      if (cnf instanceof JsonObject confirmation && confirmation.getValue("kid") instanceof String kid) {
        return resolver.verificationMethod(kid, VerificationRelationship.AUTHENTICATION)
            .map(method -> List.of(thumbprint(method.key().jwk())))
            .otherwise(List.of());
      }
      return Future.succeededFuture(List.of());
    }
    // Holder keys are named by did:jwk or did:key: one key each, derived from the DID itself without any fetch.
    Optional<String> subject = credential.subject()
        .filter(id -> id.startsWith("did:jwk:") || id.startsWith("did:key:"));
    if (subject.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    return Future.succeededFuture(subject.get()).compose(did -> resolver.resolve(Did.parse(did)))
        .map(document -> document.verificationMethods().stream()
            .filter(method -> document.lists(VerificationRelationship.AUTHENTICATION, method.id()))
            .map(method -> thumbprint(method.publicKey().jwk())).toList())
        .otherwise(List.of());
  }

  static String thumbprint(JWK key) {
    try {
      return key.toPublicJWK().computeThumbprint().toString();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static <T> Future<T> failed(IssuanceFailure failure) {
    return Future.failedFuture(new IssuanceException(failure));
  }
}
