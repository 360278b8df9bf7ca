package dev.cairn.wallet.presentation;

import dev.cairn.credentials.CredentialFormat;
import dev.cairn.credentials.dcql.DcqlCredential;
import dev.cairn.credentials.dcql.DcqlMatch;
import dev.cairn.credentials.dcql.DcqlMatcher;
import dev.cairn.credentials.dcql.DcqlQuery;
import dev.cairn.credentials.presentation.DcqlCredentials;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The learner's credentials that could answer a presentation request: those a verifier would accept now (not
 * revoked or suspended, inside their validity) and bound to a holder key this wallet holds — without the key there
 * is no presentation to make. Matched against the DCQL query (OpenID4VP 1.0 §6.4) from what was stored at import:
 * no credential is verified again to answer a request.
 */
final class WalletCandidates {
  private static final String PRESENTABLE = """
      SELECT id, format, types, issuer_id, issuer_name, title, claims, holder_key_id
      FROM credential
      WHERE account_id = $1 AND holder_key_id IS NOT NULL AND list_status IN ('valid', 'unknown')
        AND (valid_until IS NULL OR valid_until > $2) AND (valid_from IS NULL OR valid_from <= $2)
      ORDER BY sort_issued DESC, id DESC""";

  /** One stored credential as a candidate: what DCQL sees, and what the learner is shown. */
  record Candidate(UUID id, CredentialFormat format, DcqlCredential dcql, String title, String issuer,
                   Optional<String> issuerName, UUID holderKeyId) {}

  /** The candidates and how they match. */
  record Matched(Map<String, Candidate> candidates, DcqlMatch match) {}

  private final Pool pool;

  WalletCandidates(Pool pool) {
    this.pool = pool;
  }

  Future<Matched> match(UUID accountId, DcqlQuery query, Instant now) {
    return pool.preparedQuery(PRESENTABLE).execute(Tuple.of(accountId, now.atOffset(ZoneOffset.UTC))).map(rows -> {
      Map<String, Candidate> candidates = new LinkedHashMap<>();
      for (Row row : rows) {
        Candidate candidate = candidate(row);
        candidates.put(candidate.id().toString(), candidate);
      }
      List<DcqlCredential> dcql = candidates.values().stream().map(Candidate::dcql).toList();
      return new Matched(candidates, DcqlMatcher.match(query, dcql));
    });
  }

  private static Candidate candidate(Row row) {
    UUID id = row.getUUID("id");
    CredentialFormat format = CredentialFormat.byIdentifier(row.getString("format")).orElseThrow();
    String issuer = row.getString("issuer_id");
    JsonObject claims = row.getJsonObject("claims");
    DcqlCredential dcql = new DcqlCredential(id.toString(), DcqlCredentials.formatIdentifier(format),
        List.of(row.getArrayOfStrings("types")), issuer, claims, true);
    return new Candidate(id, format, dcql, row.getString("title"), issuer,
        Optional.ofNullable(row.getString("issuer_name")), row.getUUID("holder_key_id"));
  }
}
