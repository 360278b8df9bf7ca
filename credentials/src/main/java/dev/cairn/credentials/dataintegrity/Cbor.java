package dev.cairn.credentials.dataintegrity;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The part of CBOR (RFC 8949) that ecdsa-sd-2023 proof values use, untagged: unsigned integers, byte strings,
 * text strings, arrays and maps with integer keys. Decoding is strict: definite lengths only, no trailing bytes,
 * nesting and lengths bounded by the input, so a crafted proof value cannot make it allocate more than it holds.
 */
final class Cbor {
  private static final int UNSIGNED = 0;
  private static final int BYTES = 2;
  private static final int TEXT = 3;
  private static final int ARRAY = 4;
  private static final int MAP = 5;
  private static final int MAX_DEPTH = 4;

  private Cbor() {}

  static byte[] encode(Object value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    write(out, value);
    return out.toByteArray();
  }

  private static void write(ByteArrayOutputStream out, Object value) {
    if (value instanceof byte[] bytes) {
      head(out, BYTES, bytes.length);
      out.writeBytes(bytes);
    } else if (value instanceof String text) {
      byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
      head(out, TEXT, utf8.length);
      out.writeBytes(utf8);
    } else if (value instanceof Integer || value instanceof Long) {
      long number = ((Number) value).longValue();
      if (number < 0) {
        throw new IllegalArgumentException("only unsigned integers are encoded");
      }
      head(out, UNSIGNED, number);
    } else if (value instanceof List<?> list) {
      head(out, ARRAY, list.size());
      list.forEach(item -> write(out, item));
    } else if (value instanceof Map<?, ?> map) {
      head(out, MAP, map.size());
      map.forEach((key, item) -> {
        write(out, key);
        write(out, item);
      });
    } else {
      throw new IllegalArgumentException("cannot encode " + value);
    }
  }

  private static void head(ByteArrayOutputStream out, int major, long length) {
    int type = major << 5;
    if (length < 24) {
      out.write(type | (int) length);
    } else if (length < 0x100) {
      out.write(type | 24);
      out.write((int) length);
    } else if (length < 0x10000) {
      out.write(type | 25);
      out.write((int) (length >> 8));
      out.write((int) length);
    } else if (length < 0x100000000L) {
      out.write(type | 26);
      for (int shift = 24; shift >= 0; shift -= 8) {
        out.write((int) (length >> shift));
      }
    } else {
      out.write(type | 27);
      for (int shift = 56; shift >= 0; shift -= 8) {
        out.write((int) (length >> shift));
      }
    }
  }

  /** Decodes one item that spans {@code bytes} from {@code offset} to the end. */
  static Object decode(byte[] bytes, int offset) {
    Reader reader = new Reader(bytes, offset);
    Object value = reader.item(0);
    if (reader.position != bytes.length) {
      throw new IllegalArgumentException("trailing bytes after the CBOR item");
    }
    return value;
  }

  private static final class Reader {
    private final byte[] bytes;
    private int position;

    Reader(byte[] bytes, int position) {
      this.bytes = bytes;
      this.position = position;
    }

    Object item(int depth) {
      if (depth > MAX_DEPTH) {
        throw new IllegalArgumentException("CBOR nested too deeply");
      }
      int initial = next();
      int major = initial >>> 5;
      long length = argument(initial & 0x1f);
      return switch (major) {
        case UNSIGNED -> length;
        case BYTES -> take(length);
        case TEXT -> new String(take(length), StandardCharsets.UTF_8);
        case ARRAY -> {
          List<Object> list = new ArrayList<>();
          long count = bounded(length);
          for (long i = 0; i < count; i++) {
            list.add(item(depth + 1));
          }
          yield list;
        }
        case MAP -> {
          Map<Object, Object> map = new LinkedHashMap<>();
          long count = bounded(length);
          for (long i = 0; i < count; i++) {
            Object key = item(depth + 1);
            if (map.put(key, item(depth + 1)) != null) {
              throw new IllegalArgumentException("duplicate CBOR map key");
            }
          }
          yield map;
        }
        default -> throw new IllegalArgumentException("unsupported CBOR major type " + major);
      };
    }

    /** Every element takes at least one byte, so a count above what remains is a lie. */
    private long bounded(long count) {
      if (count > bytes.length - position) {
        throw new IllegalArgumentException("CBOR length exceeds the input");
      }
      return count;
    }

    private long argument(int info) {
      if (info < 24) {
        return info;
      }
      int size = switch (info) {
        case 24 -> 1;
        case 25 -> 2;
        case 26 -> 4;
        case 27 -> 8;
        default -> throw new IllegalArgumentException("indefinite or reserved CBOR length");
      };
      long value = 0;
      for (int i = 0; i < size; i++) {
        value = (value << 8) | next();
      }
      if (value < 0) {
        throw new IllegalArgumentException("CBOR length too large");
      }
      return value;
    }

    private byte[] take(long length) {
      if (length > bytes.length - position) {
        throw new IllegalArgumentException("CBOR length exceeds the input");
      }
      byte[] out = java.util.Arrays.copyOfRange(bytes, position, position + (int) length);
      position += (int) length;
      return out;
    }

    private int next() {
      if (position >= bytes.length) {
        throw new IllegalArgumentException("truncated CBOR");
      }
      return bytes[position++] & 0xff;
    }
  }
}
