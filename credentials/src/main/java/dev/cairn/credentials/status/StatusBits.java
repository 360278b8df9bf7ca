package dev.cairn.credentials.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/**
 * A decompressed status list: the packed status values of its indexes. The two specifications pack bits in
 * opposite orders, so each has its own constructor:
 * <ul>
 *   <li>IETF Token Status List §4.1: zlib, {@code bits} of 1, 2, 4 or 8 per index, packed "from the least
 *       significant bit ("0") to the most significant bit ("7")" of each byte;</li>
 *   <li>W3C Bitstring Status List §3.2: GZIP behind multibase base64url ({@code u}), and "the first index ... is
 *       located at the left-most bit", i.e. the most significant bit of byte 0.</li>
 * </ul>
 * Decompression stops at {@link #MAX_BYTES}: a few kilobytes of crafted zlib can otherwise expand to gigabytes.
 */
public final class StatusBits {
  public static final int MAX_BYTES = 16 * 1024 * 1024;

  private final byte[] bytes;
  private final int bitsPerStatus;
  private final boolean leastSignificantFirst;

  private StatusBits(byte[] bytes, int bitsPerStatus, boolean leastSignificantFirst) {
    this.bytes = bytes;
    this.bitsPerStatus = bitsPerStatus;
    this.leastSignificantFirst = leastSignificantFirst;
  }

  /** Token Status List: {@code lst} (base64url of zlib) with {@code bits} per status. */
  public static StatusBits tokenStatusList(int bits, String lst) {
    if (bits != 1 && bits != 2 && bits != 4 && bits != 8) {
      throw new IllegalArgumentException("bits must be 1, 2, 4 or 8, not " + bits);
    }
    byte[] compressed = Base64.getUrlDecoder().decode(lst);
    return new StatusBits(inflate(new InflaterInputStream(new ByteArrayInputStream(compressed))), bits, true);
  }

  /** Bitstring Status List: {@code encodedList} (multibase base64url of GZIP) with {@code statusSize} bits each. */
  public static StatusBits bitstring(String encodedList, int statusSize) {
    if (encodedList == null || !encodedList.startsWith("u")) {
      throw new IllegalArgumentException("encodedList must be multibase base64url (prefix 'u')");
    }
    if (statusSize < 1 || statusSize > 8) {
      throw new IllegalArgumentException("statusSize must be 1 to 8");
    }
    byte[] compressed = Base64.getUrlDecoder().decode(encodedList.substring(1));
    try {
      return new StatusBits(inflate(new GZIPInputStream(new ByteArrayInputStream(compressed))), statusSize, false);
    } catch (IOException e) {
      throw new IllegalArgumentException("encodedList is not GZIP data");
    }
  }

  public long size() {
    return (long) bytes.length * 8 / bitsPerStatus;
  }

  /** The status value at {@code index}. */
  public int value(long index) {
    if (index < 0 || index >= size()) {
      throw new IndexOutOfBoundsException("index " + index + " is outside a list of " + size());
    }
    long bit = index * bitsPerStatus;
    int mask = (1 << bitsPerStatus) - 1;
    if (leastSignificantFirst) {
      return (bytes[(int) (bit / 8)] >> (int) (bit % 8)) & mask;
    }
    int value = 0;
    for (int i = 0; i < bitsPerStatus; i++) {
      long position = bit + i;
      int set = (bytes[(int) (position / 8)] >> (7 - (int) (position % 8))) & 1;
      value = (value << 1) | set;
    }
    return value;
  }

  private static byte[] inflate(InputStream in) {
    try (in) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      for (int read; (read = in.read(buffer)) > 0; ) {
        if (out.size() + read > MAX_BYTES) {
          throw new IllegalArgumentException("the status list expands beyond " + MAX_BYTES + " bytes");
        }
        out.write(buffer, 0, read);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalArgumentException("the status list is not valid compressed data");
    }
  }
}
