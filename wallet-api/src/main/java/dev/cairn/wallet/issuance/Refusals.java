package dev.cairn.wallet.issuance;

import dev.cairn.issuer.client.ConfigurationOutcome;
import dev.cairn.wallet.activity.ActivityLog;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import java.util.List;
import java.util.UUID;

/**
 * Refused configurations as the offer's outcome and the learner's activity show them: the configuration, the
 * client's stable failure code and its detail (which never holds a token, code or nonce). Nothing of a refused
 * credential is kept; the client already told the issuer {@code credential_failure} when it had received one.
 */
final class Refusals {
  private Refusals() {}

  static JsonArray json(List<ConfigurationOutcome.Refused> refused) {
    JsonArray json = new JsonArray();
    refused.forEach(one -> json.add(new JsonObject().put("configuration_id", one.configurationId())
        .put("failure", one.failure().code()).put("detail", one.failure().detail())));
    return json;
  }

  /** One {@code credential-issuance-refused} entry per configuration, its reason the failure code. */
  static Future<Void> record(ActivityLog activity, SqlClient connection, UUID accountId, UUID offerId,
                             List<ConfigurationOutcome.Refused> refused) {
    Future<Void> chain = Future.succeededFuture();
    for (ConfigurationOutcome.Refused one : refused) {
      chain = chain.compose(done -> activity.record(connection, accountId, new ActivityLog.Entry(
          ActivityLog.Kind.CREDENTIAL_ISSUANCE_REFUSED, null, null, one.failure().code(), new JsonObject()
              .put("offer", offerId.toString()).put("configuration_id", one.configurationId()))));
    }
    return chain;
  }
}
