package dev.cairn.wallet.credential;

import dev.cairn.credentials.CredentialFormat;
import dev.cairn.wallet.http.QueryParameters;
import dev.cairn.wallet.http.ProblemException;
import dev.cairn.wallet.http.ProblemType;
import dev.cairn.wallet.paging.PageLimit;
import io.vertx.core.MultiMap;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The query parameters of {@code GET /v1/credentials}, read strictly: unknown parameters, repeated single
 * parameters and malformed values are 400 with the parameter's name.
 */
record CredentialQuery(int limit, Optional<String> cursor, Sort sort, Optional<String> text, String textConfig,
                       Optional<String> format, Optional<String> issuer, Optional<String> type, List<String> tags,
                       Optional<WalletStatus> status, Optional<Instant> issuedFrom, Optional<Instant> issuedTo,
                       Optional<UUID> stack) {
  private static final Set<String> PARAMETERS = Set.of("limit", "cursor", "sort", "q", "lang", "format", "issuer",
      "type", "tag", "status", "issuedFrom", "issuedTo", "stack");

  /** The orders a listing can have; each is a keyset over (key, id). */
  enum Sort {
    ISSUED_DESC("-issued"), ISSUED_ASC("issued"), TITLE_ASC("title"), TITLE_DESC("-title"), RELEVANCE("relevance");

    final String code;

    Sort(String code) {
      this.code = code;
    }

    boolean descending() {
      return this == ISSUED_DESC || this == TITLE_DESC || this == RELEVANCE;
    }
  }

  static CredentialQuery parse(MultiMap params) {
    QueryParameters.only(params, PARAMETERS);
    for (String name : params.names()) {
      if (!name.equals("tag") && params.getAll(name).size() > 1) {
        throw invalid("Query parameter '" + name + "' is given more than once");
      }
    }
    Optional<String> text = single(params, "q").map(String::strip).filter(q -> !q.isEmpty());
    if (text.isPresent() && text.get().length() > 200) {
      throw invalid("Query parameter 'q' is longer than 200 characters");
    }
    Sort sort = single(params, "sort").map(CredentialQuery::sort)
        .orElse(text.isPresent() ? Sort.RELEVANCE : Sort.ISSUED_DESC);
    if (sort == Sort.RELEVANCE && text.isEmpty()) {
      throw invalid("sort=relevance needs a search text 'q'");
    }
    String config = single(params, "lang").map(lang -> {
      String found = SearchDocument.configFor(Optional.of(lang));
      if (!lang.matches("[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*")) {
        throw invalid("Query parameter 'lang' must be a language tag such as 'en' or 'de-CH'");
      }
      return found;
    }).orElse(SearchDocument.DEFAULT_CONFIG);
    return new CredentialQuery(
        PageLimit.parse(params.get("limit")),
        single(params, "cursor"),
        sort,
        text,
        config,
        single(params, "format").map(CredentialQuery::format),
        single(params, "issuer"),
        single(params, "type"),
        CredentialChanges.normalisedTags(params.getAll("tag")),
        single(params, "status").map(code -> WalletStatus.ofCode(code).orElseThrow(() -> invalid(
            "Query parameter 'status' must be one of valid, expired, not-yet-valid, revoked, suspended, unknown"))),
        single(params, "issuedFrom").map(value -> instant("issuedFrom", value)),
        single(params, "issuedTo").map(value -> instant("issuedTo", value)),
        single(params, "stack").map(value -> uuid("stack", value)));
  }

  /** Everything that shapes the listing except the cursor: a cursor is only valid for the listing it came from. */
  String fingerprint(UUID accountId) {
    return String.join("\u0001", accountId.toString(), sort.code, text.orElse(""), textConfig, format.orElse(""),
        issuer.orElse(""), type.orElse(""), String.join(",", tags), status.map(WalletStatus::code).orElse(""),
        issuedFrom.map(Instant::toString).orElse(""), issuedTo.map(Instant::toString).orElse(""),
        stack.map(UUID::toString).orElse(""), Integer.toString(limit));
  }

  private static Optional<String> single(MultiMap params, String name) {
    return Optional.ofNullable(params.get(name));
  }

  private static Sort sort(String value) {
    return Arrays.stream(Sort.values()).filter(sort -> sort.code.equals(value)).findFirst().orElseThrow(() -> invalid(
        "Query parameter 'sort' must be one of -issued, issued, title, -title, relevance"));
  }

  private static String format(String value) {
    return CredentialFormat.byIdentifier(value).map(CredentialFormat::identifier).orElseThrow(() -> invalid(
            "Query parameter 'format' must be one of dc+sd-jwt, vc+jwt, jwt_vc_json, ldp_vc"));
  }

  /** An RFC 3339 instant, or a date (midnight UTC). */
  private static Instant instant(String name, String value) {
    try {
      return value.length() == 10 ? LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC) : Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw invalid("Query parameter '" + name + "' must be a date (2025-01-31) or an RFC 3339 instant");
    }
  }

  private static UUID uuid(String name, String value) {
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      throw invalid("Query parameter '" + name + "' must be a stack id (a UUID)");
    }
  }

  private static ProblemException invalid(String detail) {
    return new ProblemException(ProblemType.INVALID_REQUEST, detail);
  }
}
