package dev.cairn.wallet.credential;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;

/**
 * The stored view of a credential, built from its row: the list shows the summary, {@code GET
 * /v1/credentials/{id}} adds the checks and the claims (every disclosure, revealed to the owner), and the
 * original with {@code ?include=raw}. The status is judged now ({@link WalletStatus}).
 */
final class CredentialViews {
  /** The columns a summary needs. */
  static final String SUMMARY_COLUMNS = """
      id, format, media_type, issuer_id, issuer_name, types, title, description, issued_at, valid_from,
      valid_until, list_status, warnings, display, holder_key_id, tags, note, pinned, imported_at,
      status_checked_at""";
  /**
   * The summary columns for listings, with the two JSON documents as text: a page passes them through to the
   * response as they are instead of parsing and re-serialising twenty display documents (docs/wallet.md).
   */
  static final String LISTING_COLUMNS = SUMMARY_COLUMNS
      .replace("warnings,", "warnings::text AS warnings_text,")
      .replace("display,", "display::text AS display_text, (display -> 'issuer')::text AS display_issuer_text,");
  /** The columns of the full view, without the original. */
  static final String FULL_COLUMNS = SUMMARY_COLUMNS + ", checks, claims";

  private CredentialViews() {}

  static JsonObject summary(Row row, Instant now) {
    JsonObject display = row.getJsonObject("display");
    JsonArray warnings = row.getJsonArray("warnings");
    return scalars(row, now, display.getJsonObject("issuer", new JsonObject()), holderBinding(row, warnings))
        .put("warnings", warnings)
        .put("display", display)
        .put("importedAt", row.getOffsetDateTime("imported_at").toInstant().toString());
  }

  /**
   * A listing row as JSON text, the same document as {@link #summary} but with {@code warnings} and {@code display}
   * copied from the database's text rather than parsed and written again.
   */
  static void appendListed(StringBuilder out, Row row, Instant now) {
    String warnings = row.getString("warnings_text");
    String display = row.getString("display_text");
    // Only the small issuer object is read; the display document itself passes through as text.
    String issuerText = row.getString("display_issuer_text");
    JsonObject issuer = issuerText == null ? new JsonObject() : new JsonObject(issuerText);
    JsonObject binding = holderBinding(row, warnings.contains('"' + CredentialWarnings.BOUND_TO_ANOTHER_KEY + '"'));
    String scalars = scalars(row, now, issuer, binding)
        .put("importedAt", row.getOffsetDateTime("imported_at").toInstant().toString()).encode();
    out.append(scalars, 0, scalars.length() - 1)
        .append(",\"warnings\":").append(warnings)
        .append(",\"display\":").append(display).append('}');
  }

  private static JsonObject scalars(Row row, Instant now, JsonObject displayIssuer, JsonObject holderBinding) {
    JsonObject issuer = displayIssuer.copy().put("id", row.getString("issuer_id"));
    JsonObject view = new JsonObject()
        .put("id", row.getUUID("id").toString())
        .put("format", row.getString("format"))
        .put("mediaType", row.getString("media_type"))
        .put("issuer", issuer)
        .put("types", new JsonArray(Arrays.asList(row.getArrayOfStrings("types"))))
        .put("title", row.getString("title"));
    putIfPresent(view, "description", row.getString("description"));
    putInstant(view, "issued", row.getOffsetDateTime("issued_at"));
    putInstant(view, "validFrom", row.getOffsetDateTime("valid_from"));
    putInstant(view, "validUntil", row.getOffsetDateTime("valid_until"));
    view.put("status", WalletStatus.effective(row.getString("list_status"), instant(row, "valid_from"),
        instant(row, "valid_until"), now).code());
    view.put("statusCheckedAt", row.getOffsetDateTime("status_checked_at").toInstant().toString());
    view.put("holderBinding", holderBinding);
    view.put("tags", new JsonArray(Arrays.asList(row.getArrayOfStrings("tags"))));
    putIfPresent(view, "note", row.getString("note"));
    view.put("pinned", row.getBoolean("pinned"));
    return view;
  }

  static JsonObject full(Row row, Instant now, boolean includeRaw) {
    JsonObject view = summary(row, now)
        .put("checks", row.getJsonArray("checks"))
        .put("claims", row.getJsonObject("claims"));
    if (includeRaw) {
      view.put("raw", new String(row.getBuffer("original").getBytes(), StandardCharsets.UTF_8));
    }
    return view;
  }

  /** Short, content-free enough for the activity log: title and issuer name only. */
  static JsonObject activitySummary(String title, String issuerName, String format) {
    JsonObject summary = new JsonObject().put("title", title).put("format", format);
    putIfPresent(summary, "issuerName", issuerName);
    return summary;
  }

  private static JsonObject holderBinding(Row row, JsonArray warnings) {
    return holderBinding(row, warnings.stream().anyMatch(CredentialWarnings::boundToAnotherKey));
  }

  private static JsonObject holderBinding(Row row, boolean otherKey) {
    if (row.getUUID("holder_key_id") != null) {
      return new JsonObject().put("state", "bound").put("holderKeyId", row.getUUID("holder_key_id").toString())
          .put("presentable", true);
    }
    return new JsonObject().put("state", otherKey ? "other-key" : "unbound").put("presentable", false);
  }

  private static Instant instant(Row row, String column) {
    OffsetDateTime value = row.getOffsetDateTime(column);
    return value == null ? null : value.toInstant();
  }

  private static void putInstant(JsonObject view, String key, OffsetDateTime value) {
    if (value != null) {
      view.put(key, value.toInstant().toString());
    }
  }

  private static void putIfPresent(JsonObject view, String key, String value) {
    if (value != null) {
      view.put(key, value);
    }
  }
}
