package dev.cairn.wallet.paging;

import dev.cairn.wallet.http.ProblemException;
import dev.cairn.wallet.http.ProblemType;

/** The {@code limit} query parameter every paged listing takes: 1 to 100, 20 when absent. */
public final class PageLimit {
  public static final int DEFAULT = 20;
  public static final int MAX = 100;

  private PageLimit() {}

  public static int parse(String value) {
    if (value == null) {
      return DEFAULT;
    }
    try {
      int limit = Integer.parseInt(value);
      if (limit >= 1 && limit <= MAX) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new ProblemException(ProblemType.INVALID_REQUEST,
        "Query parameter 'limit' must be a whole number from 1 to " + MAX);
  }
}
