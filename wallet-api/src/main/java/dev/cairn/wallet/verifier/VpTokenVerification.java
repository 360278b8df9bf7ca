package dev.cairn.wallet.verifier;

import dev.cairn.credentials.CheckResult;
import dev.cairn.credentials.CredentialVerifier;
import dev.cairn.credentials.PresentationResult;
import dev.cairn.credentials.VerificationPolicy;
import dev.cairn.credentials.VerificationResult;
import dev.cairn.credentials.dcql.CredentialQuery;
import dev.cairn.credentials.dcql.DcqlQuery;
import dev.cairn.credentials.dcql.DcqlResponseCheck;
import dev.cairn.credentials.dcql.PresentedCredential;
import dev.cairn.credentials.presentation.DcqlCredentials;
import dev.cairn.wallet.credential.VerificationViews;
import dev.cairn.wallet.server.Workers;
import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a VP Token against the request it answers (OpenID4VP 1.0 §8.6): its shape (§8.1), every presentation
 * with the request's nonce and the full client_id as audience (§14.1.2, Appendix B), the issuers the employer
 * accepts, and that what was actually disclosed satisfies the DCQL query — never trusting the wallet to have
 * enforced it (§14.9). Cairn is stricter than §8.6 allows: one presentation that fails rejects the whole answer,
 * so an employer never sees a partial result it did not ask for.
 */
final class VpTokenVerification {
  /** How an answer ended: accepted with the verified claims, or rejected with a stable reason. */
  sealed interface Outcome permits Accepted, Rejected {}

  record Accepted(JsonObject result) implements Outcome {}

  record Rejected(String reason, String detail) implements Outcome {}

  private record Verified(String queryId, VerificationResult credential, PresentedCredential presented) {}

  private final CredentialVerifier verifier;
  private final Workers workers;

  VpTokenVerification(CredentialVerifier verifier, Workers workers) {
    this.verifier = verifier;
    this.workers = workers;
  }

  Future<Outcome> verify(StoredRequest request, String vpTokenText) {
    JsonObject vpToken;
    try {
      vpToken = new JsonObject(vpTokenText);
    } catch (DecodeException | ClassCastException e) {
      return rejected("invalid_vp_token", "vp_token must be a JSON object keyed by Credential Query id (§8.1)");
    }
    DcqlQuery query = DcqlQuery.parse(request.dcqlQuery());
    VerificationPolicy policy = VerificationPolicy.presentation(request.nonce(), request.clientId());
    List<Future<Verified>> all = new ArrayList<>();
    for (String queryId : vpToken.fieldNames()) {
      CredentialQuery credentialQuery = query.credential(queryId).orElse(null);
      if (credentialQuery == null) {
        return rejected("invalid_vp_token", "vp_token answers '" + queryId + "', which the query does not ask for");
      }
      if (!(vpToken.getValue(queryId) instanceof JsonArray presentations) || presentations.isEmpty()
          || (!credentialQuery.multiple() && presentations.size() != 1)) {
        return rejected("invalid_vp_token", "vp_token." + queryId + " must be an array of "
            + (credentialQuery.multiple() ? "one or more presentations" : "exactly one presentation") + " (§8.1)");
      }
      for (Object presentation : presentations) {
        Future<Verified> verified = verifyOne(queryId, presentation, policy);
        if (verified == null) {
          return rejected("invalid_vp_token", "vp_token." + queryId + " holds something that is not a presentation");
        }
        all.add(verified);
      }
    }
    return Future.all(all).compose(done -> workers.crypto(() -> judge(request, query, all)));
  }

  /** A string is an SD-JWT (+KB) or a VP JWT; an object is a Data Integrity VP (Appendix B). */
  private Future<Verified> verifyOne(String queryId, Object presentation, VerificationPolicy policy) {
    if (presentation instanceof String text && text.contains("~")) {
      return verifier.verify(text, policy).map(result -> new Verified(queryId, result,
          result.valid() ? DcqlCredentials.presented(result) : null));
    }
    String text = presentation instanceof String jwt ? jwt
        : presentation instanceof JsonObject object ? object.encode() : null;
    if (text == null) {
      return null;
    }
    return verifier.verifyPresentation(text, policy).map(result -> single(queryId, result));
  }

  /** A VP answers one Credential Query with one credential here; its holder proof binds that credential. */
  private static Verified single(String queryId, PresentationResult result) {
    if (result.credentials().size() != 1) {
      return new Verified(queryId, failed(result, "a presentation must carry exactly one credential, not "
          + result.credentials().size()), null);
    }
    VerificationResult credential = result.credentials().get(0);
    if (!result.valid()) {
      return new Verified(queryId, result.firstFailure().map(failure -> withFailure(credential, failure)).orElse(credential), null);
    }
    return new Verified(queryId, credential, DcqlCredentials.presented(result).get(0));
  }

  private Outcome judge(StoredRequest request, DcqlQuery query, List<Future<Verified>> all) {
    Map<String, List<PresentedCredential>> presented = new LinkedHashMap<>();
    JsonObject result = new JsonObject();
    for (Future<Verified> future : all) {
      Verified verified = future.result();
      if (!verified.credential().valid() || verified.presented() == null) {
        CheckResult failure = verified.credential().firstFailure().orElseThrow();
        return new Rejected(failure.reason().map(reason -> reason.code()).orElse("invalid_presentation"),
            verified.queryId() + ": " + failure.detail());
      }
      String issuer = verified.presented().issuer();
      if (!request.acceptedIssuers().isEmpty() && !request.acceptedIssuers().contains(issuer)) {
        return new Rejected("untrusted_issuer", verified.queryId() + ": the issuer " + issuer
            + " is not one this request accepts");
      }
      presented.computeIfAbsent(verified.queryId(), id -> new ArrayList<>()).add(verified.presented());
      JsonArray entries = result.getJsonArray(verified.queryId(), new JsonArray());
      result.put(verified.queryId(), entries.add(VerificationViews.credential(verified.credential())));
    }
    DcqlResponseCheck.Result check = DcqlResponseCheck.check(query, presented);
    if (!check.satisfied()) {
      return new Rejected("dcql_not_satisfied", String.join("; ", check.problems()));
    }
    return new Accepted(result);
  }

  private static VerificationResult failed(PresentationResult result, String detail) {
    List<CheckResult> checks = new ArrayList<>(result.checks());
    checks.add(CheckResult.failed(dev.cairn.credentials.ReasonCode.MALFORMED, detail));
    return new VerificationResult(result.format(), checks, java.util.Optional.empty());
  }

  /** The presentation's own failure (nonce, audience, holder proof) reported on its credential. */
  private static VerificationResult withFailure(VerificationResult credential, CheckResult failure) {
    List<CheckResult> checks = new ArrayList<>();
    checks.add(failure);
    checks.addAll(credential.checks());
    return new VerificationResult(credential.format(), checks, credential.credential());
  }

  private static Future<Outcome> rejected(String reason, String detail) {
    return Future.succeededFuture(new Rejected(reason, detail));
  }
}
