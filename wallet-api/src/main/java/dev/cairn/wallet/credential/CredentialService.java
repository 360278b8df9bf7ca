package dev.cairn.wallet.credential;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.cairn.credentials.Check;
import dev.cairn.credentials.CredentialVerifier;
import dev.cairn.credentials.Outcome;
import dev.cairn.credentials.VerificationPolicy;
import dev.cairn.credentials.VerificationResult;
import dev.cairn.wallet.activity.ActivityLog.Entry;
import dev.cairn.wallet.activity.ActivityLog.Kind;
import dev.cairn.wallet.activity.ActivityLog;
import dev.cairn.wallet.holder.HolderKey;
import dev.cairn.wallet.holder.HolderKeys;
import dev.cairn.wallet.http.ProblemException;
import dev.cairn.wallet.http.ProblemType;
import dev.cairn.wallet.server.Workers;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.UUID;

/**
 * A learner's credentials: import (verify, then store with an activity row in one transaction), read, organise,
 * delete, export, verify again. Verification runs on the crypto pool; the database through the reactive pool.
 */
public final class CredentialService {
  private final CredentialStore store;
  private final CredentialVerifier verifier;
  private final HolderKeys holderKeys;
  private final ActivityLog activity;
  private final Workers workers;
  private final Clock clock;
  /** Holder keys never change once made, so each instance may remember them. */
  private final Cache<UUID, List<HolderKey>> keysByAccount =
      Caffeine.newBuilder().maximumSize(50_000).expireAfterAccess(Duration.ofHours(1)).build();

  public CredentialService(Pool pool, CredentialVerifier verifier, HolderKeys holderKeys,
                           ActivityLog activity, Workers workers, Clock clock) {
    this.store = new CredentialStore(pool);
    this.verifier = verifier;
    this.holderKeys = holderKeys;
    this.activity = activity;
    this.workers = workers;
    this.clock = clock;
  }

  Pool pool() {
    return store.pool();
  }

  /** The stored view, and whether this call stored it (false: the learner already held these exact bytes). */
  public record Imported(boolean created, JsonObject view) {
    public UUID id() {
      return UUID.fromString(view.getString("id"));
    }
  }

  /**
   * Verifies and stores. A refused credential is not stored: its attempt is logged with the reason code and
   * the future fails with the problem naming the failed check.
   */
  public Future<Imported> importCredential(UUID accountId, IncomingCredential incoming) {
    return importCredential(accountId, incoming, false, List.of(), null, false);
  }

  /**
   * A credential from a wallet archive, with the tags, note and pin it carries. What the archive held is kept
   * even when it has expired or been revoked since (it is stored with that status); a credential whose
   * signature, issuer key or syntax fails is refused as on any import.
   */
  public Future<Imported> importArchived(UUID accountId, IncomingCredential incoming, List<String> tags, String note,
                                         boolean pinned) {
    return importCredential(accountId, incoming, true, tags, note, pinned);
  }

  private Future<Imported> importCredential(UUID accountId, IncomingCredential incoming, boolean fromArchive,
                                            List<String> tags, String note, boolean pinned) {
    String contentHash = NewCredential.contentHash(incoming.original());
    return store.findByHash(accountId, contentHash).compose(existing -> {
      if (existing.isPresent()) {
        return Future.succeededFuture(new Imported(false, CredentialViews.full(existing.get(), clock.instant(), false)));
      }
      return Future.all(verifier.verify(incoming.text(), VerificationPolicy.importing()), keysOf(accountId))
          .compose(both -> {
            VerificationResult result = both.resultAt(0);
            List<HolderKey> keys = both.resultAt(1);
            if (!result.valid() && !(fromArchive && onlyTimeOrStatusFailed(result))) {
              return refuse(accountId, result);
            }
            return workers.crypto(() -> NewCredential.of(accountId, incoming, result, keys, clock.instant()))
                .compose(record -> store(accountId, record, tags, note, pinned));
          });
    });
  }

  /** A credential an issuer handed over, with what the issuance client's verification found. */
  public record Received(IncomingCredential incoming, VerificationResult verification) {}

  /**
   * Credentials an issuer handed over through OpenID4VCI, stored exactly as an import stores them (the same record,
   * holder binding, display and search document), in one transaction with a {@code credential-received} activity
   * row each and whatever {@code alongside} writes on that connection (the offer's outcome). The issuance client
   * verified them with this service's verifier and the importing policy, so they are not verified twice. Bytes the
   * learner already holds are answered with the stored credential, as a second import is. Views in input order.
   */
  public Future<List<Imported>> receive(UUID accountId, List<Received> received, JsonObject source,
                                        BiFunction<SqlClient, List<Imported>, Future<Void>> alongside) {
    for (Received one : received) {
      if (!one.verification().valid()) {
        return Future.failedFuture(VerificationProblems.refused(one.verification()));
      }
    }
    return keysOf(accountId).compose(keys -> workers.crypto(() -> received.stream()
            .map(one -> NewCredential.of(accountId, one.incoming(), one.verification(), keys, clock.instant()))
            .toList()))
        .compose(records -> store.pool().withTransaction(connection -> {
          Future<List<Imported>> stored = Future.succeededFuture(new ArrayList<>());
          for (NewCredential record : records) {
            stored = stored.compose(list -> storeReceived(connection, accountId, record, source).map(one -> {
              list.add(one);
              return list;
            }));
          }
          return stored.compose(list -> alongside.apply(connection, List.copyOf(list)).map(List.copyOf(list)));
        }));
  }

  private Future<Imported> storeReceived(SqlClient connection, UUID accountId, NewCredential record, JsonObject source) {
    JsonObject summary = CredentialViews.activitySummary(record.title(), record.display().issuer().name().orElse(null),
        record.credential().format().identifier()).mergeIn(source);
    return store.insert(connection, record, List.of(), null, false).compose(inserted -> inserted.isPresent()
        ? activity.record(connection, accountId, Entry.credential(Kind.CREDENTIAL_RECEIVED, record.id(), summary))
            .map(done -> new Imported(true, CredentialViews.full(inserted.get(), clock.instant(), false)))
        : store.findByHash(connection, accountId, record.contentHash()).map(row ->
            new Imported(false, CredentialViews.full(row.orElseThrow(), clock.instant(), false))));
  }

  public Future<JsonObject> get(UUID accountId, UUID id, boolean includeRaw) {
    return store.find(accountId, id, includeRaw)
        .map(row -> CredentialViews.full(row.orElseThrow(CredentialService::notFound), clock.instant(), includeRaw));
  }

  public Future<JsonObject> update(UUID accountId, UUID id, CredentialChanges changes) {
    return store.update(accountId, id, changes)
        .map(row -> CredentialViews.full(row.orElseThrow(CredentialService::notFound), clock.instant(), false));
  }

  /** Hard delete: the credential, its stack memberships; its activity rows stay without their summaries. */
  public Future<Void> delete(UUID accountId, UUID id) {
    return store.pool().withTransaction(connection -> store.delete(connection, accountId, id)
        .compose(deleted -> deleted.isEmpty()
            ? Future.failedFuture(notFound())
            : activity.forget(connection, accountId, id)
                .compose(done -> activity.record(connection, accountId,
                    Entry.credential(Kind.CREDENTIAL_DELETED, id, null)))));
  }

  /** The original bytes and their media type. */
  public record Export(byte[] original, String mediaType) {}

  public Future<Export> export(UUID accountId, UUID id) {
    return store.original(accountId, id).compose(found -> {
      Row row = found.orElseThrow(CredentialService::notFound);
      return store.pool().withTransaction(connection -> activity.record(connection, accountId, Entry.credential(
              Kind.CREDENTIAL_EXPORTED, id, CredentialViews.activitySummary(row.getString("title"),
                  row.getString("issuer_name"), row.getString("format")))))
          .map(done -> new Export(row.getBuffer("original").getBytes(), row.getString("media_type")));
    });
  }

  /**
   * Runs the whole verification again on the stored original (status lists through their caches) and records
   * what it found; a change of status is logged. Answers the fresh view.
   */
  public Future<JsonObject> verifyAgain(UUID accountId, UUID id) {
    return store.original(accountId, id).compose(found -> {
      Row row = found.orElseThrow(CredentialService::notFound);
      return reverify(accountId, row).compose(done -> get(accountId, id, false));
    });
  }

  /**
   * Claims stored credentials of every learner whose last check is at or before {@code checkedBefore}, oldest
   * first, for {@code claim}: no other runner gets them until they are re-checked or the claim expires.
   */
  public Future<List<Row>> claimForRecheck(Instant checkedBefore, Duration claim, int limit) {
    Instant now = clock.instant();
    return store.claimDue(checkedBefore, now, now.plus(claim), limit);
  }

  /** One credential from {@link #dueForRecheck} through the verifier again, for the background status job. */
  public Future<Void> recheck(Row row) {
    return reverify(row.getUUID("account_id"), row);
  }

  private Future<Void> reverify(UUID accountId, Row row) {
    UUID id = row.getUUID("id");
    Instant now = clock.instant();
    Instant validFrom = instantOf(row, "valid_from");
    Instant validUntil = instantOf(row, "valid_until");
    // The status as of the last check, so that an expiry since then is a change worth logging too.
    String before = WalletStatus.effective(row.getString("list_status"), validFrom, validUntil,
        instantOf(row, "status_checked_at")).code();
    String text = new String(row.getBuffer("original").getBytes(), StandardCharsets.UTF_8);
    return verifier.verify(text, VerificationPolicy.importing()).compose(result -> {
      String listStatus = WalletStatus.listStatusOf(result);
      String after = WalletStatus.effective(listStatus, validFrom, validUntil, now).code();
      JsonArray warnings = CredentialWarnings.afterRecheck(result, row.getJsonArray("warnings"));
      return store.pool().withTransaction(connection -> store.recordVerification(connection, accountId, id,
              instantOf(row, "status_checked_at"), listStatus, VerificationProblems.checks(result), warnings, now)
          .compose(recorded -> !recorded || before.equals(after) ? Future.succeededFuture() : activity.record(connection, accountId,
              new Entry(Kind.CREDENTIAL_STATUS_CHANGED, id, null, after, CredentialViews.activitySummary(
                  row.getString("title"), row.getString("issuer_name"), row.getString("format"))))));
    });
  }

  private Future<Imported> store(UUID accountId, NewCredential record, List<String> tags, String note,
                                 boolean pinned) {
    JsonObject summary = CredentialViews.activitySummary(record.title(), record.display().issuer().name().orElse(null),
        record.credential().format().identifier());
    return store.pool().withTransaction(connection -> store.insert(connection, record, tags, note, pinned)
            .compose(inserted -> inserted.isEmpty() ? Future.succeededFuture(inserted)
                : activity.record(connection, accountId,
                    Entry.credential(Kind.CREDENTIAL_IMPORTED, record.id(), summary)).map(inserted)))
        .compose(inserted -> inserted.isPresent()
            ? Future.succeededFuture(new Imported(true, CredentialViews.full(inserted.get(), clock.instant(), false)))
            // A concurrent import of the same bytes won: answer with that one.
            : store.findByHash(accountId, record.contentHash()).map(row ->
                new Imported(false, CredentialViews.full(row.orElseThrow(), clock.instant(), false))));
  }

  private Future<Imported> refuse(UUID accountId, VerificationResult result) {
    var failed = result.firstFailure().orElseThrow();
    Entry entry = new Entry(Kind.CREDENTIAL_IMPORT_REFUSED, null, null, failed.reason().orElseThrow().code(),
        result.format().map(format -> new JsonObject().put("format", format.identifier())
            .put("check", VerificationProblems.name(failed.check()))).orElse(new JsonObject()
            .put("check", VerificationProblems.name(failed.check()))));
    return store.pool().withTransaction(connection -> activity.record(connection, accountId, entry))
        .compose(done -> Future.failedFuture(VerificationProblems.refused(result)));
  }

  private static boolean onlyTimeOrStatusFailed(VerificationResult result) {
    return result.credential().isPresent() && result.checks().stream()
        .filter(check -> check.outcome() == Outcome.FAILED)
        .allMatch(check -> check.check() == Check.VALIDITY || check.check() == Check.STATUS);
  }

  private Future<List<HolderKey>> keysOf(UUID accountId) {
    List<HolderKey> known = keysByAccount.getIfPresent(accountId);
    if (known != null) {
      return Future.succeededFuture(known);
    }
    return holderKeys.of(accountId).onSuccess(keys -> {
      if (!keys.isEmpty()) {
        keysByAccount.put(accountId, keys);
      }
    });
  }

  private static Instant instantOf(Row row, String column) {
    var value = row.getOffsetDateTime(column);
    return value == null ? null : value.toInstant();
  }

  static ProblemException notFound() {
    return new ProblemException(ProblemType.NOT_FOUND, "No such credential in this wallet");
  }
}
