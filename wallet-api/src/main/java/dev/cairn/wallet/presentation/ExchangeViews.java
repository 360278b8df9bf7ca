package dev.cairn.wallet.presentation;

import dev.cairn.credentials.dcql.CandidateMatch;
import dev.cairn.credentials.dcql.ClaimsPath;
import dev.cairn.credentials.dcql.CredentialQuery;
import dev.cairn.credentials.dcql.CredentialQueryMatch;
import dev.cairn.credentials.dcql.DcqlMatch;
import dev.cairn.credentials.dcql.DcqlQuery;
import dev.cairn.credentials.presentation.DisclosedClaims;
import dev.cairn.credentials.presentation.PresentationBuilder;
import dev.cairn.wallet.openid4vp.ClientIdentifier;
import dev.cairn.wallet.presentation.ExchangeStore.Exchange;
import dev.cairn.wallet.presentation.WalletCandidates.Candidate;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the learner is shown of a presentation request: who asks and why, and what each answer would disclose. */
final class ExchangeViews {
  private ExchangeViews() {}

  static JsonObject summary(Exchange exchange, Instant now) {
    ClientIdentifier clientId = ClientIdentifier.parse(exchange.clientId());
    JsonObject verifier = new JsonObject()
        .put("client_id", clientId.value())
        .put("identifier", clientId.identifier())
        // A decentralized_identifier request was signed with a key of that DID; a redirect_uri one is not signed.
        .put("identity_verified", clientId.prefix() == ClientIdentifier.Prefix.DECENTRALIZED_IDENTIFIER);
    exchange.verifierName().ifPresent(name -> verifier.put("name", name));
    String status = ExchangeStore.OPEN.equals(exchange.status()) && !now.isBefore(exchange.expiresAt())
        ? "expired" : exchange.status();
    JsonObject view = new JsonObject()
        .put("id", exchange.id().toString())
        .put("status", status)
        .put("verifier", verifier)
        .put("created_at", exchange.createdAt().toString())
        .put("expires_at", exchange.expiresAt().toString());
    if (exchange.request().getValue("purpose") instanceof String purpose) {
      view.put("purpose", purpose);
    }
    exchange.completedAt().ifPresent(at -> view.put("completed_at", at.toString()));
    exchange.outcome().ifPresent(outcome -> view.put("outcome", outcome));
    return view;
  }

  /** Per Credential Query, the learner's credentials that answer it, each with the claims it would disclose. */
  static JsonArray queries(DcqlQuery query, WalletCandidates.Matched matched, Map<UUID, String> originals,
                           PresentationBuilder builder) {
    JsonArray queries = new JsonArray();
    for (CredentialQueryMatch match : matched.match().credentialQueries()) {
      CredentialQuery credentialQuery = query.credential(match.id()).orElseThrow();
      JsonArray candidates = new JsonArray();
      for (CandidateMatch candidateMatch : match.matches()) {
        Candidate candidate = matched.candidates().get(candidateMatch.credentialId());
        candidates.add(candidate(credentialQuery, candidate, candidateMatch.disclosedClaims(),
            originals.get(candidate.id()), builder));
      }
      queries.add(new JsonObject().put("id", match.id()).put("multiple", match.multiple())
          .put("candidates", candidates).put("not_matching", match.rejections().size()));
    }
    return queries;
  }

  static JsonArray credentialSets(DcqlMatch match) {
    JsonArray sets = new JsonArray();
    match.credentialSets().forEach(set -> sets.add(new JsonObject().put("required", set.required())
        .put("options", new JsonArray(set.options().stream().map(JsonArray::new).toList()))
        .put("satisfiable_options", new JsonArray(set.satisfiableOptions().stream().map(JsonArray::new).toList()))));
    return sets;
  }

  /**
   * One candidate: the claims the query asks for with their values, whether each may be withheld (the query is
   * still satisfied without it, and the format can leave it out), and everything that would leave with none withheld.
   */
  private static JsonObject candidate(CredentialQuery query, Candidate candidate, List<ClaimsPath> requested,
                                      String original, PresentationBuilder builder) {
    DisclosedClaims all = builder.preview(original, candidate.format(), requested);
    JsonArray claims = new JsonArray();
    for (ClaimsPath path : requested) {
      List<ClaimsPath> without = requested.stream().filter(other -> !other.equals(path)).toList();
      DisclosedClaims withheld = builder.preview(original, candidate.format(), without);
      // Withholdable: it really stays behind (the issuer may have made it always visible), and the query is
      // still answered without it (another claim_sets option, say).
      boolean withholdable = all.selectiveDisclosure() && !ConsentCheck.leaves(path, withheld)
          && PresentationExchanges.satisfies(query, candidate, withheld);
      JsonObject claim = new JsonObject().put("path", path.toJson()).put("withholdable", withholdable);
      if (path.select(candidate.dcql().claims()) instanceof ClaimsPath.Selected selected && !selected.claims().isEmpty()) {
        claim.put("value", selected.claims().get(0).value());
      }
      claims.add(claim);
    }
    JsonObject issuer = new JsonObject().put("id", candidate.issuer());
    candidate.issuerName().ifPresent(name -> issuer.put("name", name));
    return new JsonObject()
        .put("credential_id", candidate.id().toString())
        .put("title", candidate.title())
        .put("format", candidate.format().identifier())
        .put("issuer", issuer)
        .put("selective_disclosure", all.selectiveDisclosure())
        .put("requested_claims", claims)
        .put("discloses", all.claims());
  }
}
