package dev.cairn.credentials.internal;

import dev.cairn.credentials.ReasonCode;
import dev.cairn.credentials.VerificationException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** The dateTimeStamp values of VCDM (validFrom, validUntil, issuanceDate, expirationDate): RFC 3339 with offset. */
public final class XmlDateTimes {
  private XmlDateTimes() {}

  public static Optional<Instant> read(Object value, String property) {
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof String text)) {
      throw new VerificationException(ReasonCode.MALFORMED, property + " must be a date-time string");
    }
    try {
      return Optional.of(OffsetDateTime.parse(text).toInstant());
    } catch (DateTimeParseException e) {
      throw new VerificationException(ReasonCode.MALFORMED, property + " '" + text + "' is not an RFC 3339 date-time");
    }
  }
}
