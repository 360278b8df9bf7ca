package dev.cairn.wallet.issuance;

import dev.cairn.issuer.client.ConfigurationOutcome;
import dev.cairn.issuer.client.IssuanceClient;
import dev.cairn.issuer.client.ReceivedCredential;
import dev.cairn.issuer.oid4vci.OpenId4Vci;
import dev.cairn.wallet.credential.CredentialService;
import dev.cairn.wallet.credential.CredentialService.Imported;
import dev.cairn.wallet.credential.IncomingCredential;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts issued credentials in the learner's wallet through the import's own store ({@link CredentialService#receive}:
 * same record, binding, display and search document), with the caller's bookkeeping in the same transaction, then
 * tells each issuer {@code credential_accepted} (§11.1). A notification that does not arrive changes nothing: the
 * credential is the learner's either way (§11: notifications are not guaranteed).
 */
final class IssuedCredentials {
  private static final Logger LOG = LoggerFactory.getLogger(IssuedCredentials.class);

  private final CredentialService credentials;
  private final IssuanceClient client;

  IssuedCredentials(CredentialService credentials, IssuanceClient client) {
    this.credentials = credentials;
    this.client = client;
  }

  Future<List<Imported>> store(UUID accountId, UUID offerId, List<ConfigurationOutcome.Issued> issued,
                               BiFunction<SqlClient, List<Imported>, Future<Void>> alongside) {
    List<CredentialService.Received> received = new ArrayList<>();
    issued.forEach(outcome -> outcome.credentials().forEach(credential -> received.add(received(credential))));
    return credentials.receive(accountId, received, new JsonObject().put("offer", offerId.toString()), alongside)
        .compose(stored -> notifyAccepted(issued).map(stored));
  }

  private Future<Void> notifyAccepted(List<ConfigurationOutcome.Issued> issued) {
    List<Future<Void>> sent = new ArrayList<>();
    for (ConfigurationOutcome.Issued outcome : issued) {
      outcome.notification().ifPresent(handle -> sent.add(
          client.notify(handle, OpenId4Vci.CREDENTIAL_ACCEPTED, Optional.empty()).recover(failure -> {
            LOG.warn("credential_accepted for {} was not delivered: {}", outcome.configurationId(), failure.toString());
            return Future.succeededFuture();
          })));
    }
    return Future.join(sent).mapEmpty();
  }

  /** The credential exactly as the issuer sent it; its media type follows from its format, as on import. */
  private static CredentialService.Received received(ReceivedCredential credential) {
    byte[] original = credential.credential().getBytes(StandardCharsets.UTF_8);
    return new CredentialService.Received(new IncomingCredential(original, credential.credential(), Optional.empty()),
        credential.verification());
  }
}
