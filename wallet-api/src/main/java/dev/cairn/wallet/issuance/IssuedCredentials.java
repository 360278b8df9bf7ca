package dev.cairn.wallet.issuance;

import dev.cairn.issuer.client.ConfigurationOutcome;
import dev.cairn.issuer.client.IssuanceClient;
import dev.cairn.issuer.client.NotificationHandle;
import dev.cairn.issuer.client.ReceivedCredential;
import dev.cairn.issuer.oid4vci.OpenId4Vci;
import dev.cairn.wallet.credential.CredentialService;
import dev.cairn.wallet.credential.CredentialService.Imported;
import dev.cairn.wallet.credential.IncomingCredential;
import io.vertx.core.Future;
import dev.cairn.wallet.holder.KeyRing;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
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
  private final IssuerNotifications notifications;
  private final Clock clock;

  IssuedCredentials(CredentialService credentials, IssuanceClient client, Pool pool, KeyRing keys, Clock clock) {
    this.credentials = credentials;
    this.client = client;
    this.notifications = new IssuerNotifications(pool, new SealedIssuanceSecrets(keys));
    this.clock = clock;
  }

  /** Credentials issued now, with an Access Token obtained now. */
  Future<List<Imported>> store(UUID accountId, UUID offerId, List<ConfigurationOutcome.Issued> issued,
                               BiFunction<SqlClient, List<Imported>, Future<Void>> alongside) {
    return store(accountId, offerId, issued, clock.instant(), alongside);
  }

  /**
   * As above, for an Access Token obtained at {@code tokenObtainedAt} (a deferred issuance's is as old as the
   * offer's acceptance). Each newly stored credential whose response named a {@code notification_id} keeps its
   * handle in the same transaction, so that deleting it later can be told to the issuer ({@link CredentialDeletedJob}).
   */
  Future<List<Imported>> store(UUID accountId, UUID offerId, List<ConfigurationOutcome.Issued> issued,
                               Instant tokenObtainedAt, BiFunction<SqlClient, List<Imported>, Future<Void>> alongside) {
    List<CredentialService.Received> received = new ArrayList<>();
    List<Optional<NotificationHandle>> handles = new ArrayList<>();
    issued.forEach(outcome -> outcome.credentials().forEach(credential -> {
      received.add(received(credential));
      handles.add(outcome.notification());
    }));
    return credentials.receive(accountId, received, new JsonObject().put("offer", offerId.toString()),
            (connection, stored) -> keepHandles(connection, accountId, stored, handles, tokenObtainedAt)
                .compose(kept -> alongside.apply(connection, stored)))
        .compose(stored -> notifyAccepted(issued).map(stored));
  }

  /** {@code stored} follows the order of what was received ({@link CredentialService#receive}). */
  private Future<Void> keepHandles(SqlClient connection, UUID accountId, List<Imported> stored,
                                   List<Optional<NotificationHandle>> handles, Instant tokenObtainedAt) {
    Future<Void> chain = Future.succeededFuture();
    Instant now = clock.instant();
    for (int i = 0; i < stored.size(); i++) {
      Imported one = stored.get(i);
      Optional<NotificationHandle> handle = handles.get(i);
      if (one.created() && handle.isPresent()) {
        chain = chain.compose(done -> notifications.keep(connection, accountId, one.id(), handle.get(), tokenObtainedAt, now));
      }
    }
    return chain;
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
