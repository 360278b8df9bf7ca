package dev.cairn.wallet.http;

import java.util.Locale;

/** Media type helpers (RFC 9110 §8.3.1). */
public final class MediaTypes {
  private MediaTypes() {}

  /** The type/subtype without parameters, lower-cased: {@code Application/JSON; charset=utf-8} → {@code application/json}. */
  public static String essence(String contentType) {
    if (contentType == null) {
      return "";
    }
    int parameters = contentType.indexOf(';');
    return (parameters < 0 ? contentType : contentType.substring(0, parameters)).trim().toLowerCase(Locale.ROOT);
  }
}
