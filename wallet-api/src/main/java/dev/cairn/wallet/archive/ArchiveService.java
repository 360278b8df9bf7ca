package dev.cairn.wallet.archive;

import dev.cairn.wallet.activity.ActivityLog.Entry;
import dev.cairn.wallet.activity.ActivityLog.Kind;
import dev.cairn.wallet.activity.ActivityLog;
import dev.cairn.wallet.credential.CredentialService;
import dev.cairn.wallet.credential.IncomingCredential;
import dev.cairn.wallet.http.ProblemException;
import dev.cairn.wallet.http.ProblemType;
import dev.cairn.wallet.server.Workers;
import dev.cairn.wallet.stack.StackChanges;
import dev.cairn.wallet.stack.StackService;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Whole-wallet (or one-stack) export as a {@link WalletArchive}, optionally sealed under a passphrase
 * ({@link ArchiveEncryption}), and import of such an archive into this or another Cairn. Import checks the whole
 * archive first (structure, hashes, passphrase) and changes nothing when it is unreadable; then each credential is
 * verified and stored as on any import, and the stacks are rebuilt from those that were.
 */
public final class ArchiveService {
  private static final String CREDENTIALS = """
      SELECT id, format, media_type, original, title, tags, note, pinned, imported_at FROM credential
      WHERE account_id = $1 AND ($2::uuid IS NULL OR id IN (SELECT credential_id FROM stack_credential WHERE stack_id = $2))
      ORDER BY imported_at, id""";
  private static final String STACKS = """
      SELECT s.id, s.name, s.description, s.target_count,
             coalesce(array_agg(sc.credential_id ORDER BY sc.position) FILTER (WHERE sc.credential_id IS NOT NULL), '{}') AS ids
      FROM stack s LEFT JOIN stack_credential sc ON sc.stack_id = s.id
      WHERE s.account_id = $1 AND ($2::uuid IS NULL OR s.id = $2)
      GROUP BY s.id ORDER BY s.created_at, s.id""";

  private final Pool pool;
  private final CredentialService credentials;
  private final StackService stacks;
  private final ActivityLog activity;
  private final Workers workers;
  private final Clock clock;
  private final int maxArchiveBytes;
  private final int maxCredentialBytes;

  public ArchiveService(Pool pool, CredentialService credentials, StackService stacks, ActivityLog activity,
                        Workers workers, Clock clock, int maxArchiveBytes, int maxCredentialBytes) {
    this.pool = pool;
    this.credentials = credentials;
    this.stacks = stacks;
    this.activity = activity;
    this.workers = workers;
    this.clock = clock;
    this.maxArchiveBytes = maxArchiveBytes;
    this.maxCredentialBytes = maxCredentialBytes;
  }

  /** An archive's bytes and media type. */
  public record Archive(byte[] bytes, String mediaType) {}

  public Future<Archive> export(UUID accountId, Optional<UUID> stackId, Optional<String> passphrase) {
    passphrase.ifPresent(ArchiveService::checkPassphrase);
    Future<Void> stackKnown = stackId.isEmpty() ? Future.succeededFuture()
        : stacks.get(accountId, stackId.get()).mapEmpty();
    Tuple scope = Tuple.of(accountId, stackId.orElse(null));
    return stackKnown
        .compose(known -> Future.all(pool.preparedQuery(CREDENTIALS).execute(scope), pool.preparedQuery(STACKS).execute(scope)))
        .compose(both -> {
          JsonArray listed = new JsonArray();
          Map<String, byte[]> files = new LinkedHashMap<>();
          for (Row row : both.<RowSet<Row>>resultAt(0)) {
            byte[] original = row.getBuffer("original").getBytes();
            String file = "credentials/" + row.getUUID("id") + WalletArchive.extension(row.getString("media_type"));
            files.put(file, original);
            JsonObject entry = new JsonObject().put("id", row.getUUID("id").toString()).put("file", file)
                .put("mediaType", row.getString("media_type")).put("format", row.getString("format"))
                .put("sha256", WalletArchive.sha256(original)).put("title", row.getString("title"))
                .put("tags", new JsonArray(List.of(row.getArrayOfStrings("tags"))))
                .put("pinned", row.getBoolean("pinned"))
                .put("importedAt", row.getOffsetDateTime("imported_at").toInstant().toString());
            if (row.getString("note") != null) {
              entry.put("note", row.getString("note"));
            }
            listed.add(entry);
          }
          JsonArray stackList = new JsonArray();
          for (Row row : both.<RowSet<Row>>resultAt(1)) {
            JsonArray ids = new JsonArray();
            for (UUID id : row.getArrayOfUUIDs("ids")) {
              ids.add(id.toString());
            }
            JsonObject stack = new JsonObject().put("name", row.getString("name")).put("credentialIds", ids);
            if (row.getString("description") != null) {
              stack.put("description", row.getString("description"));
            }
            if (row.getInteger("target_count") != null) {
              stack.put("targetCount", row.getInteger("target_count"));
            }
            stackList.add(stack);
          }
          JsonObject manifest = new JsonObject().put("format", WalletArchive.FORMAT)
              .put("exportedAt", clock.instant().toString()).put("credentials", listed).put("stacks", stackList);
          Future<byte[]> zip = workers.crypto(() -> WalletArchive.write(manifest, files));
          Future<Archive> archive = passphrase.isEmpty()
              ? zip.map(bytes -> new Archive(bytes, WalletArchive.MEDIA_TYPE))
              : zip.compose(bytes -> workers.passwords(() -> new Archive(ArchiveEncryption.seal(bytes, passphrase.get()),
                  ArchiveEncryption.MEDIA_TYPE)));
          return archive.compose(done -> pool.withTransaction(connection -> activity.record(connection, accountId,
                  new Entry(Kind.WALLET_EXPORTED, null, stackId.orElse(null), null, new JsonObject()
                      .put("credentials", listed.size()).put("stacks", stackList.size())
                      .put("encrypted", passphrase.isPresent()))))
              .map(done));
        });
  }

  public Future<JsonObject> importArchive(UUID accountId, String mediaType, byte[] body, Optional<String> passphrase) {
    Future<byte[]> zip = ArchiveEncryption.MEDIA_TYPE.equals(mediaType)
        ? workers.passwords(() -> ArchiveEncryption.open(body, passphrase.orElse(null)))
        : Future.succeededFuture(body);
    return zip
        .compose(bytes -> workers.crypto(() -> WalletArchive.read(bytes, maxArchiveBytes, maxCredentialBytes)))
        .compose(read -> importEntries(accountId, read));
  }

  private Future<JsonObject> importEntries(UUID accountId, WalletArchive.Read read) {
    Map<String, UUID> newIds = new HashMap<>();
    JsonArray refused = new JsonArray();
    int[] counts = new int[2];
    Future<Void> chain = Future.succeededFuture();
    for (WalletArchive.Entry entry : read.credentials()) {
      chain = chain.compose(previous -> importOne(accountId, entry).map(imported -> {
        newIds.put(entry.manifest().getString("id"), imported.id());
        counts[imported.created() ? 0 : 1]++;
        return (Void) null;
      }).recover(failure -> {
        if (!(failure instanceof ProblemException problem)) {
          return Future.failedFuture(failure);
        }
        refused.add(new JsonObject().put("file", entry.manifest().getString("file"))
            .put("problem", problem.type().code()).put("detail", problem.detail()));
        return Future.succeededFuture();
      }));
    }
    List<JsonObject> stackEntries = new ArrayList<>();
    read.manifest().getJsonArray("stacks").forEach(stack -> {
      if (stack instanceof JsonObject json) {
        stackEntries.add(json);
      }
    });
    return chain.compose(done -> rebuildStacks(accountId, stackEntries, newIds)).compose(stackCount -> {
      JsonObject summary = new JsonObject().put("imported", counts[0]).put("alreadyHeld", counts[1])
          .put("refused", refused).put("stacks", stackCount);
      return pool.withTransaction(connection -> activity.record(connection, accountId, new Entry(Kind.WALLET_IMPORTED,
              null, null, null, new JsonObject().put("imported", counts[0]).put("alreadyHeld", counts[1])
                  .put("refused", refused.size()).put("stacks", stackCount))))
          .map(summary);
    });
  }

  private Future<CredentialService.Imported> importOne(UUID accountId, WalletArchive.Entry entry) {
    JsonObject listed = entry.manifest();
    String mediaType = listed.getValue("mediaType") instanceof String type && IncomingCredential.ACCEPTED.contains(type)
        ? type : null;
    List<String> tags = new ArrayList<>();
    if (listed.getValue("tags") instanceof JsonArray given) {
      given.forEach(tag -> {
        if (tag instanceof String text) {
          tags.add(text);
        }
      });
    }
    IncomingCredential incoming = new IncomingCredential(entry.original(),
        new String(entry.original(), StandardCharsets.UTF_8), Optional.ofNullable(mediaType));
    return credentials.importArchived(accountId, incoming, tags,
        listed.getValue("note") instanceof String note ? note : null, Boolean.TRUE.equals(listed.getValue("pinned")));
  }

  private Future<Integer> rebuildStacks(UUID accountId, List<JsonObject> listed, Map<String, UUID> newIds) {
    Future<Integer> chain = Future.succeededFuture(0);
    for (JsonObject stack : listed) {
      List<UUID> ids = new ArrayList<>();
      if (stack.getValue("credentialIds") instanceof JsonArray given) {
        given.forEach(id -> Optional.ofNullable(newIds.get(String.valueOf(id))).ifPresent(ids::add));
      }
      StackChanges changes = StackChanges.of(stack.getValue("name") instanceof String name ? name : null,
          stack.getValue("description") instanceof String description ? description : null,
          stack.getValue("targetCount") instanceof Integer target ? target : null, ids);
      chain = chain.compose(count -> stacks.create(accountId, changes).map(created -> count + 1));
    }
    return chain;
  }

  static void checkPassphrase(String passphrase) {
    if (passphrase.length() < ArchiveEncryption.MIN_PASSPHRASE) {
      throw new ProblemException(ProblemType.INVALID_REQUEST,
          "Field 'passphrase' must have at least " + ArchiveEncryption.MIN_PASSPHRASE + " characters");
    }
  }
}
