package dev.cairn.wallet.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.encoder.EncoderBase;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.cairn.wallet.http.RequestId;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import org.slf4j.event.KeyValuePair;

/**
 * Writes each log event as one JSON line: time, level, logger, message, the request id of the request being
 * served (read from the Vert.x context, so it follows the request across threads), key-value pairs, and the
 * error with its stack trace for operators. Responses never carry stack traces; logs may.
 */
public final class JsonLogEncoder extends EncoderBase<ILoggingEvent> {
  private static final byte[] NONE = new byte[0];
  private final JsonFactory factory = new JsonFactory();

  @Override
  public byte[] headerBytes() {
    return NONE;
  }

  @Override
  public byte[] footerBytes() {
    return NONE;
  }

  @Override
  public byte[] encode(ILoggingEvent event) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator json = factory.createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("time", Instant.ofEpochMilli(event.getTimeStamp()).toString());
      json.writeStringField("level", event.getLevel().toString());
      json.writeStringField("logger", event.getLoggerName());
      json.writeStringField("thread", event.getThreadName());
      json.writeStringField("message", event.getFormattedMessage());
      String requestId = RequestId.current().orElse(null);
      if (requestId != null) {
        json.writeStringField("requestId", requestId);
      }
      if (event.getKeyValuePairs() != null) {
        for (KeyValuePair pair : event.getKeyValuePairs()) {
          writeValue(json, pair.key, pair.value);
        }
      }
      IThrowableProxy error = event.getThrowableProxy();
      if (error != null) {
        json.writeStringField("error", error.getClassName() + ": " + error.getMessage());
        json.writeStringField("stackTrace", ThrowableProxyUtil.asString(error));
      }
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.write('\n');
    return out.toByteArray();
  }

  private static void writeValue(JsonGenerator json, String key, Object value) throws IOException {
    if (value instanceof Integer || value instanceof Long) {
      json.writeNumberField(key, ((Number) value).longValue());
    } else if (value instanceof Double number) {
      json.writeNumberField(key, number);
    } else if (value instanceof Boolean flag) {
      json.writeBooleanField(key, flag);
    } else {
      json.writeStringField(key, String.valueOf(value));
    }
  }
}
