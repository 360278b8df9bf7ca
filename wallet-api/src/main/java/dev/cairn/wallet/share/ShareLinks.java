package dev.cairn.wallet.share;

import dev.cairn.credentials.CredentialFormat;
import dev.cairn.credentials.CredentialVerifier;
import dev.cairn.credentials.VerificationPolicy;
import dev.cairn.credentials.VerificationResult;
import dev.cairn.credentials.VerifiedCredential;
import dev.cairn.credentials.dcql.ClaimsPath;
import dev.cairn.credentials.display.CredentialDisplays;
import dev.cairn.credentials.presentation.PresentationBuilder;
import dev.cairn.wallet.account.OpaqueToken;
import dev.cairn.wallet.activity.ActivityLog;
import dev.cairn.wallet.auth.Sha256;
import dev.cairn.wallet.credential.VerificationProblems;
import dev.cairn.wallet.http.ProblemException;
import dev.cairn.wallet.http.ProblemType;
import dev.cairn.wallet.http.PublicOrigin;
import dev.cairn.wallet.server.Workers;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Share links: a learner shows chosen credentials — for SD-JWT VC and ecdsa-sd-2023 only the chosen claims — to
 * someone without an OpenID4VP stack, through {@code /s/{token}}. Each view verifies the credentials again (status at
 * view time), counts against the link's limit and is recorded in the learner's activity. The secret is shown once
 * and stored as its SHA-256; revoking takes effect at once.
 */
public final class ShareLinks {
  private static final String COUNT_VIEW = """
      UPDATE share_link SET views = views + 1
      WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > $2 AND (max_views IS NULL OR views < max_views)
      RETURNING id, account_id, label, credentials, views, max_views, expires_at""";
  private static final String LINK_COLUMNS = "id, label, credentials, created_at, expires_at, max_views, views, revoked_at";

  private final Pool pool;
  private final CredentialVerifier verifier;
  private final PresentationBuilder builder;
  private final ActivityLog activity;
  private final PublicOrigin origin;
  private final Workers workers;
  private final Clock clock;

  public ShareLinks(Pool pool, CredentialVerifier verifier, PresentationBuilder builder, ActivityLog activity,
                    PublicOrigin origin, Workers workers, Clock clock) {
    this.pool = pool;
    this.verifier = verifier;
    this.builder = builder;
    this.activity = activity;
    this.origin = origin;
    this.workers = workers;
    this.clock = clock;
  }

  /** Makes a link to the learner's own credentials; answers it with its URL, the only time the secret is shown. */
  public Future<JsonObject> create(UUID accountId, NewShareLink asked) {
    UUID id = UUID.randomUUID();
    String token = OpaqueToken.generate();
    Instant now = clock.instant();
    List<UUID> ids = asked.credentials().stream().map(NewShareLink.Shared::credentialId).toList();
    return pool.withTransaction(connection -> connection
        .preparedQuery("SELECT id, title FROM credential WHERE account_id = $1 AND id = ANY($2)")
        .execute(Tuple.tuple().addUUID(accountId).addArrayOfUUID(ids.toArray(UUID[]::new)))
        .compose(rows -> {
          if (rows.size() != ids.size()) {
            return Future.failedFuture(new ProblemException(ProblemType.INVALID_REQUEST,
                "Every credential on a link must be in this wallet; " + (ids.size() - rows.size()) + " of them are not"));
          }
          return connection.preparedQuery("""
                  INSERT INTO share_link (id, account_id, token_hash, label, credentials, created_at, expires_at, max_views)
                  VALUES ($1, $2, $3, $4, $5, $6, $7, $8)""")
              .execute(Tuple.tuple().addUUID(id).addUUID(accountId).addString(Sha256.hex(token))
                  .addString(asked.label().orElse(null)).addValue(asked.toJson())
                  .addOffsetDateTime(now.atOffset(ZoneOffset.UTC))
                  .addOffsetDateTime(now.plus(asked.expiresIn()).atOffset(ZoneOffset.UTC))
                  .addInteger(asked.maxViews().orElse(null)))
              .compose(done -> activity.record(connection, accountId, new ActivityLog.Entry(
                  ActivityLog.Kind.SHARE_LINK_CREATED, null, null, null, summary(id, asked.label(), ids))));
        }))
        .compose(done -> link(accountId, id))
        .map(view -> view.put("url", origin.resolve("/s/" + token).toString()));
  }

  public Future<JsonObject> list(UUID accountId) {
    return pool.preparedQuery("SELECT " + LINK_COLUMNS + " FROM share_link WHERE account_id = $1 ORDER BY created_at DESC LIMIT 100")
        .execute(Tuple.of(accountId))
        .map(rows -> {
          JsonArray items = new JsonArray();
          rows.forEach(row -> items.add(linkView(row)));
          return new JsonObject().put("items", items);
        });
  }

  public Future<Void> revoke(UUID accountId, UUID id) {
    Instant now = clock.instant();
    return pool.withTransaction(connection -> connection
        .preparedQuery("UPDATE share_link SET revoked_at = coalesce(revoked_at, $3) WHERE id = $1 AND account_id = $2 RETURNING label")
        .execute(Tuple.of(id, accountId, now.atOffset(ZoneOffset.UTC)))
        .compose(rows -> rows.size() == 0 ? Future.failedFuture(notFound())
            : activity.record(connection, accountId, new ActivityLog.Entry(ActivityLog.Kind.SHARE_LINK_REVOKED, null,
                null, null, new JsonObject().put("link", id.toString())))));
  }

  /**
   * One view of a link: counted (and recorded for the learner) only while the link is live, then each credential
   * verified again and shown with only what the learner chose. Unknown: 404; revoked, expired or used up: 410.
   */
  public Future<JsonObject> view(String token) {
    String hash = Sha256.hex(token);
    Instant now = clock.instant();
    return pool.withTransaction(connection -> connection.preparedQuery(COUNT_VIEW)
            .execute(Tuple.of(hash, now.atOffset(ZoneOffset.UTC)))
            .compose(rows -> {
              if (rows.size() == 0) {
                return closedOrUnknown(hash);
              }
              Row link = rows.iterator().next();
              return activity.record(connection, link.getUUID("account_id"), new ActivityLog.Entry(
                      ActivityLog.Kind.SHARE_LINK_VIEWED, null, null, null, new JsonObject()
                          .put("link", link.getUUID("id").toString()).put("label", link.getString("label"))
                          .put("view", link.getInteger("views"))))
                  .map(done -> link);
            }))
        .compose(link -> credentials(link).map(shown -> {
          JsonObject view = new JsonObject().put("credentials", shown)
              .put("expires_at", link.getOffsetDateTime("expires_at").toInstant().toString())
              .put("checked_at", now.toString());
          if (link.getString("label") != null) {
            view.put("label", link.getString("label"));
          }
          return view;
        }));
  }

  private Future<Row> closedOrUnknown(String hash) {
    return pool.preparedQuery("SELECT 1 FROM share_link WHERE token_hash = $1").execute(Tuple.of(hash))
        .compose(rows -> Future.failedFuture(rows.size() == 0
            ? notFound()
            : new ProblemException(ProblemType.SHARE_LINK_CLOSED,
                "This link was revoked, has expired, or has been viewed as many times as its owner allowed")));
  }

  private Future<JsonArray> credentials(Row link) {
    JsonArray shared = link.getJsonArray("credentials");
    List<UUID> ids = new ArrayList<>();
    shared.forEach(entry -> ids.add(UUID.fromString(((JsonObject) entry).getString("credential_id"))));
    return pool.preparedQuery("SELECT id, format, original FROM credential WHERE account_id = $1 AND id = ANY($2)")
        .execute(Tuple.tuple().addUUID(link.getUUID("account_id")).addArrayOfUUID(ids.toArray(UUID[]::new)))
        .compose(rows -> {
          Map<UUID, Row> stored = new HashMap<>();
          rows.forEach(row -> stored.put(row.getUUID("id"), row));
          List<Future<JsonObject>> views = new ArrayList<>();
          for (Object entry : shared) {
            JsonObject choice = (JsonObject) entry;
            Row row = stored.get(UUID.fromString(choice.getString("credential_id")));
            // A credential deleted since the link was made is gone from the link too.
            views.add(row == null ? Future.succeededFuture(new JsonObject().put("available", false)) : shown(row, choice));
          }
          return Future.all(views).map(done -> {
            JsonArray out = new JsonArray();
            views.forEach(view -> out.add(view.result()));
            return out;
          });
        });
  }

  /** Verified now, as the holder verifies (status at view time), and cut down to the chosen claims. */
  private Future<JsonObject> shown(Row row, JsonObject choice) {
    CredentialFormat format = CredentialFormat.byIdentifier(row.getString("format")).orElseThrow();
    String original = new String(row.getBuffer("original").getBytes(), StandardCharsets.UTF_8);
    return verifier.verify(original, VerificationPolicy.importing()).compose(result -> workers.crypto(() -> {
      VerifiedCredential credential = result.credential().orElse(null);
      if (credential == null) {
        return new JsonObject().put("available", true).put("valid", false).put("checks", VerificationProblems.checks(result));
      }
      Optional<List<ClaimsPath>> chosen = Optional.ofNullable(choice.getJsonArray("claims"))
          .map(paths -> paths.stream().map(path -> ClaimsPath.of(((JsonArray) path).getList().toArray())).toList());
      JsonObject claims = chosen.map(paths -> builder.preview(original, format, paths).claims()).orElse(credential.claims());
      VerifiedCredential disclosed = new VerifiedCredential(credential.format(), credential.issuer(), credential.subject(),
          credential.types(), credential.issuedAt(), credential.validFrom(), credential.validUntil(), claims, List.of(),
          credential.holderKey());
      return new JsonObject().put("available", true).put("valid", result.valid()).put("status", status(result))
          .put("format", format.identifier()).put("issuer", credential.issuer())
          .put("display", CredentialDisplays.of(disclosed).toJson()).put("claims", claims)
          .put("checks", VerificationProblems.checks(result));
    }));
  }

  private static String status(VerificationResult result) {
    return result.check(dev.cairn.credentials.Check.STATUS)
        .flatMap(check -> check.reason().map(reason -> reason.code()))
        .filter(code -> !code.equals("no-status"))
        .orElse("valid");
  }

  private Future<JsonObject> link(UUID accountId, UUID id) {
    return pool.preparedQuery("SELECT " + LINK_COLUMNS + " FROM share_link WHERE id = $1 AND account_id = $2")
        .execute(Tuple.of(id, accountId))
        .map(rows -> linkView(rows.iterator().next()));
  }

  private JsonObject linkView(Row row) {
    Instant now = clock.instant();
    Instant expiresAt = row.getOffsetDateTime("expires_at").toInstant();
    Integer maxViews = row.getInteger("max_views");
    int views = row.getInteger("views");
    boolean revoked = row.getOffsetDateTime("revoked_at") != null;
    String state = revoked ? "revoked" : !now.isBefore(expiresAt) ? "expired"
        : maxViews != null && views >= maxViews ? "used-up" : "active";
    JsonObject view = new JsonObject().put("id", row.getUUID("id").toString()).put("state", state)
        .put("credentials", row.getJsonArray("credentials"))
        .put("created_at", row.getOffsetDateTime("created_at").toInstant().toString())
        .put("expires_at", expiresAt.toString()).put("views", views);
    if (maxViews != null) {
      view.put("max_views", maxViews);
    }
    if (row.getString("label") != null) {
      view.put("label", row.getString("label"));
    }
    return view;
  }

  private static JsonObject summary(UUID id, Optional<String> label, List<UUID> credentials) {
    JsonObject summary = new JsonObject().put("link", id.toString())
        .put("credentials", new JsonArray(credentials.stream().map(UUID::toString).toList()));
    label.ifPresent(text -> summary.put("label", text));
    return summary;
  }

  static ProblemException notFound() {
    return new ProblemException(ProblemType.NOT_FOUND, "No such share link");
  }
}
