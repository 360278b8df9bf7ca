package dev.cairn.credentials.status;

import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * The status values of a list an issuer publishes, and their encoding — the inverse of {@link StatusBits}, with the
 * same packing per specification:
 * <ul>
 *   <li>IETF Token Status List §4.1: {@code bits} of 1, 2, 4 or 8 per index, "packed into bytes from the least
 *       significant bit ("0") to the most significant bit ("7")", DEFLATE in the ZLIB format, base64url without
 *       padding ({@code lst});</li>
 *   <li>W3C Bitstring Status List §2.2: {@code statusSize} bits per index, "the first index ... located at the
 *       left-most bit", GZIP, multibase base64url ({@code u} prefix, no padding) ({@code encodedList}); "the
 *       uncompressed bitstring MUST be at least 16KB", i.e. 131,072 bits.</li>
 * </ul>
 * Both compress at level 9: the draft's examples were made so, and the Bitstring spec's one encodedList (Examples 3
 * and 5) has the same DEFLATE stream. Thread-safe: an issuer sets values on one thread and encodes on another.
 */
public final class StatusListEncoder {
  /** Bitstring Status List §2.2: 16 KB of uncompressed bits. */
  public static final int MIN_BITSTRING_BITS = 131_072;
  /** What this encoder holds at most, the decoder's own cap (a list no verifier would read is not published). */
  private static final long MAX_BITS = (long) StatusBits.MAX_BYTES * 8;
  /** RFC 1952 §2.3: no flags, no time stamp, XFL 0, OS 3 (Unix), as in the Bitstring spec's example. */
  private static final byte[] GZIP_HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3};

  private final byte[] bytes;
  private final int bitsPerStatus;
  private final boolean leastSignificantFirst;
  private final long size;

  private StatusListEncoder(long size, int bitsPerStatus, boolean leastSignificantFirst) {
    if (size < 1 || size * bitsPerStatus > MAX_BITS) {
      throw new IllegalArgumentException("a list holds 1 to " + MAX_BITS / bitsPerStatus + " statuses, not " + size);
    }
    this.size = size;
    this.bitsPerStatus = bitsPerStatus;
    this.leastSignificantFirst = leastSignificantFirst;
    this.bytes = new byte[(int) ((size * bitsPerStatus + 7) / 8)];
  }

  /** A Token Status List of {@code size} statuses, all 0x00 VALID (§7.1). */
  public static StatusListEncoder tokenStatusList(int bits, long size) {
    if (bits != 1 && bits != 2 && bits != 4 && bits != 8) {
      throw new IllegalArgumentException("bits must be 1, 2, 4 or 8, not " + bits);
    }
    return new StatusListEncoder(size, bits, true);
  }

  /** A Bitstring Status List of {@code size} statuses of {@code statusSize} bits, all 0; at least 16 KB (§2.2). */
  public static StatusListEncoder bitstring(int statusSize, long size) {
    if (statusSize < 1 || statusSize > 8) {
      throw new IllegalArgumentException("statusSize must be 1 to 8");
    }
    if (size * statusSize < MIN_BITSTRING_BITS) {
      throw new IllegalArgumentException("a bitstring status list is at least " + MIN_BITSTRING_BITS
          + " bits (Bitstring Status List §2.2), not " + size * statusSize);
    }
    return new StatusListEncoder(size, statusSize, false);
  }

  public long size() {
    return size;
  }

  public int bitsPerStatus() {
    return bitsPerStatus;
  }

  /** Sets the status at {@code index} to {@code value} (0 to 2^bits − 1). */
  public synchronized void set(long index, int value) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException("index " + index + " is outside a list of " + size);
    }
    if (value < 0 || value >= 1 << bitsPerStatus) {
      throw new IllegalArgumentException("a status of " + bitsPerStatus + " bit(s) cannot be " + value);
    }
    long bit = index * bitsPerStatus;
    for (int i = 0; i < bitsPerStatus; i++) {
      // LSB-first: bit i of the value goes to the i-th bit from the low end; MSB-first: the value's top bit first.
      int valueBit = leastSignificantFirst ? (value >> i) & 1 : (value >> (bitsPerStatus - 1 - i)) & 1;
      long position = bit + i;
      int shift = leastSignificantFirst ? (int) (position % 8) : 7 - (int) (position % 8);
      int at = (int) (position / 8);
      bytes[at] = (byte) (valueBit == 1 ? bytes[at] | (1 << shift) : bytes[at] & ~(1 << shift));
    }
  }

  /** The encoded list: {@code lst} for a Token Status List, {@code encodedList} for a Bitstring Status List. */
  public String encode() {
    byte[] snapshot;
    synchronized (this) {
      snapshot = bytes.clone();
    }
    Base64.Encoder base64url = Base64.getUrlEncoder().withoutPadding();
    return leastSignificantFirst ? base64url.encodeToString(deflate(snapshot, false))
        : "u" + base64url.encodeToString(gzip(snapshot));
  }

  /** RFC 1952: header, raw DEFLATE, CRC-32 and ISIZE, both little-endian. */
  private static byte[] gzip(byte[] raw) {
    CRC32 crc = new CRC32();
    crc.update(raw);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(GZIP_HEADER);
    out.writeBytes(deflate(raw, true));
    writeLittleEndian(out, crc.getValue());
    writeLittleEndian(out, raw.length & 0xffffffffL);
    return out.toByteArray();
  }

  private static byte[] deflate(byte[] raw, boolean nowrap) {
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, nowrap);
    try {
      deflater.setInput(raw);
      deflater.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      while (!deflater.finished()) {
        out.write(buffer, 0, deflater.deflate(buffer));
      }
      return out.toByteArray();
    } finally {
      deflater.end();
    }
  }

  private static void writeLittleEndian(ByteArrayOutputStream out, long value) {
    for (int i = 0; i < 4; i++) {
      out.write((int) (value >> (8 * i)) & 0xff);
    }
  }

  @Override
  public String toString() {
    return "StatusListEncoder[" + size + " x " + bitsPerStatus + " bit(s)]";
  }
}
