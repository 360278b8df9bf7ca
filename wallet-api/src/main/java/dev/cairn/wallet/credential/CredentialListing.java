package dev.cairn.wallet.credential;

import dev.cairn.wallet.credential.CredentialQuery.Sort;
import dev.cairn.wallet.http.ProblemException;
import dev.cairn.wallet.http.ProblemType;
import dev.cairn.wallet.paging.Cursors;
import dev.cairn.wallet.paging.Cursors.Position;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * {@code GET /v1/credentials}: one SQL statement per page. Keyset pagination over (sort key, id), so a page
 * boundary stays exact while credentials are imported or deleted between requests; full-text search ranks
 * with {@code ts_rank} over the GIN-indexed {@code search} column (docs/wallet.md).
 */
final class CredentialListing {
  private final Pool pool;
  private final Cursors cursors;
  private final Clock clock;

  CredentialListing(Pool pool, Cursors cursors, Clock clock) {
    this.pool = pool;
    this.cursors = cursors;
    this.clock = clock;
  }

  /** One page as JSON text: {@code {"items": […], "nextCursor": "…"}}. */
  Future<String> page(UUID accountId, CredentialQuery query) {
    Instant now = clock.instant();
    String listing = query.fingerprint(accountId);
    Statement statement = new Statement(accountId);
    query.cursor().map(cursor -> cursors.decode(cursor, listing)).ifPresent(position -> statement.after(query, position));
    String sql = statement.sql(query, now);
    Future<Void> stackKnown = query.stack().isEmpty() ? Future.succeededFuture()
        : pool.preparedQuery("SELECT 1 FROM stack WHERE account_id = $1 AND id = $2")
            .execute(Tuple.of(accountId, query.stack().get()))
            .compose(rows -> rows.size() == 0
                ? Future.failedFuture(new ProblemException(ProblemType.NOT_FOUND, "No such stack in this wallet"))
                : Future.succeededFuture());
    return stackKnown.compose(known -> pool.preparedQuery(sql).execute(statement.parameters)).map(rows -> {
      StringBuilder page = new StringBuilder(4096).append("{\"items\":[");
      Row last = null;
      int count = 0;
      for (Row row : rows) {
        if (count == query.limit()) {
          break;
        }
        if (count++ > 0) {
          page.append(',');
        }
        CredentialViews.appendListed(page, row, now);
        last = row;
      }
      page.append(']');
      if (rows.size() > query.limit() && last != null) {
        String cursor = cursors.encode(new Position(sortKey(query.sort(), last), last.getUUID("id").toString()), listing);
        // A cursor is base64url and a dot: nothing in it needs escaping.
        page.append(",\"nextCursor\":\"").append(cursor).append('"');
      }
      return page.append('}').toString();
    });
  }

  private static String sortKey(Sort sort, Row row) {
    return switch (sort) {
      case ISSUED_DESC, ISSUED_ASC -> row.getOffsetDateTime("sort_issued").toInstant().toString();
      case TITLE_ASC, TITLE_DESC -> row.getString("title_key");
      case RELEVANCE -> Float.toString(row.getFloat("rank"));
    };
  }

  /** The WHERE clauses and their parameters, numbered as they are added. */
  private static final class Statement {
    final Tuple parameters = Tuple.tuple();
    final List<String> conditions = new ArrayList<>();
    String keyset;

    Statement(UUID accountId) {
      conditions.add("account_id = " + bind(accountId));
    }

    String bind(Object value) {
      parameters.addValue(value);
      return "$" + parameters.size();
    }

    void after(CredentialQuery query, Position position) {
      UUID id;
      try {
        id = UUID.fromString(position.id());
      } catch (IllegalArgumentException e) {
        throw invalidCursor();
      }
      String comparison = query.sort().descending() ? "<" : ">";
      Object key = switch (query.sort()) {
        case ISSUED_DESC, ISSUED_ASC -> CredentialStore.at(instant(position.key()));
        case TITLE_ASC, TITLE_DESC -> position.key();
        case RELEVANCE -> number(position.key());
      };
      String column = switch (query.sort()) {
        case ISSUED_DESC, ISSUED_ASC -> "sort_issued";
        case TITLE_ASC, TITLE_DESC -> "title_key";
        case RELEVANCE -> "rank";
      };
      String cast = query.sort() == Sort.RELEVANCE ? "::real" : "";
      keyset = "(" + column + ", id) " + comparison + " (" + bind(key) + cast + ", " + bind(id) + ")";
    }

    String sql(CredentialQuery query, Instant now) {
      String rank = "NULL::real";
      if (query.text().isPresent()) {
        String text = bind(query.text().get());
        String tsquery = "(websearch_to_tsquery('simple', " + text + ") || websearch_to_tsquery("
            + bind(query.textConfig()) + "::regconfig, " + text + "))";
        conditions.add("search @@ " + tsquery);
        rank = "ts_rank(search, " + tsquery + ")";
      }
      query.format().ifPresent(format -> conditions.add("format = " + bind(format)));
      query.issuer().ifPresent(issuer -> conditions.add("issuer_id = " + bind(issuer)));
      query.type().ifPresent(type -> conditions.add("types @> " + bind(new String[] {type})));
      if (!query.tags().isEmpty()) {
        conditions.add("tags @> " + bind(query.tags().toArray(String[]::new)));
      }
      query.status().ifPresent(status -> {
        String at = bind(CredentialStore.at(now));
        conditions.add("(" + WalletStatus.sql(at) + ") = " + bind(status.code()));
      });
      query.issuedFrom().ifPresent(from -> conditions.add("issued_at >= " + bind(CredentialStore.at(from))));
      query.issuedTo().ifPresent(to -> conditions.add("issued_at < " + bind(CredentialStore.at(to))));
      query.stack().ifPresent(stack -> conditions.add(
          "EXISTS (SELECT 1 FROM stack_credential sc WHERE sc.stack_id = " + bind(stack) + " AND sc.credential_id = c.id)"));
      String direction = query.sort().descending() ? "DESC" : "ASC";
      String order = switch (query.sort()) {
        case ISSUED_DESC, ISSUED_ASC -> "sort_issued " + direction + ", id " + direction;
        case TITLE_ASC, TITLE_DESC -> "title_key " + direction + ", id " + direction;
        case RELEVANCE -> "rank DESC, id DESC";
      };
      String inner = "SELECT " + CredentialViews.LISTING_COLUMNS + ", sort_issued, lower(title) AS title_key, "
          + rank + " AS rank FROM credential c WHERE " + String.join(" AND ", conditions);
      return "SELECT * FROM (" + inner + ") page" + (keyset == null ? "" : " WHERE " + keyset)
          + " ORDER BY " + order + " LIMIT " + bind(query.limit() + 1);
    }
  }

  private static Instant instant(String key) {
    try {
      return Instant.parse(key);
    } catch (DateTimeParseException e) {
      throw invalidCursor();
    }
  }

  private static Float number(String key) {
    try {
      return Float.parseFloat(key);
    } catch (NumberFormatException e) {
      throw invalidCursor();
    }
  }

  private static ProblemException invalidCursor() {
    return new ProblemException(ProblemType.INVALID_CURSOR, "The cursor does not fit this listing");
  }
}
