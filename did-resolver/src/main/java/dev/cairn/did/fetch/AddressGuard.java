package dev.cairn.did.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Decides whether an address may be fetched from: only globally routable unicast addresses. Everything a
 * server-side request forgery would aim at is refused — loopback, private (RFC 1918, RFC 4193), link-local
 * (including 169.254.169.254, the cloud metadata address), shared CGNAT space, multicast, unspecified,
 * documentation, benchmarking and reserved ranges — and IPv6 forms that embed an IPv4 address (mapped,
 * compatible, NAT64, 6to4) are judged by the IPv4 address they carry.
 */
public final class AddressGuard {
  private AddressGuard() {}

  public static boolean isPublic(InetAddress address) {
    if (address instanceof Inet4Address v4) {
      return isPublicV4(v4.getAddress());
    }
    if (address instanceof Inet6Address v6) {
      return isPublicV6(v6.getAddress());
    }
    return false;
  }

  private static boolean isPublicV4(byte[] a) {
    int b0 = a[0] & 0xff;
    int b1 = a[1] & 0xff;
    int b2 = a[2] & 0xff;
    return !(b0 == 0                                   // 0.0.0.0/8 "this network"
        || b0 == 10                                    // RFC 1918
        || b0 == 127                                   // loopback
        || (b0 == 100 && b1 >= 64 && b1 <= 127)        // 100.64.0.0/10 shared address space (CGNAT)
        || (b0 == 169 && b1 == 254)                    // link-local, cloud metadata
        || (b0 == 172 && b1 >= 16 && b1 <= 31)         // RFC 1918
        || (b0 == 192 && b1 == 0 && b2 == 0)           // 192.0.0.0/24 IETF protocol assignments
        || (b0 == 192 && b1 == 0 && b2 == 2)           // TEST-NET-1
        || (b0 == 192 && b1 == 88 && b2 == 99)         // 6to4 relay anycast
        || (b0 == 192 && b1 == 168)                    // RFC 1918
        || (b0 == 198 && (b1 == 18 || b1 == 19))       // benchmarking
        || (b0 == 198 && b1 == 51 && b2 == 100)        // TEST-NET-2
        || (b0 == 203 && b1 == 0 && b2 == 113)         // TEST-NET-3
        || b0 >= 224);                                 // multicast, reserved, broadcast
  }

  private static boolean isPublicV6(byte[] a) {
    if (allZero(a, 0, 10) && (a[10] & 0xff) == 0xff && (a[11] & 0xff) == 0xff) {
      return isPublicV4(slice(a, 12));                 // ::ffff:a.b.c.d, IPv4-mapped
    }
    if (allZero(a, 0, 12)) {
      return false;                                    // ::, ::1 and the deprecated IPv4-compatible ::a.b.c.d
    }
    int first = a[0] & 0xff;
    int second = a[1] & 0xff;
    if ((first == 0x00 && second == 0x64 && (a[2] & 0xff) == 0xff && (a[3] & 0xff) == 0x9b)) {
      return isPublicV4(slice(a, 12));                 // 64:ff9b::/96 NAT64
    }
    if (first == 0x20 && second == 0x02) {
      return isPublicV4(new byte[] {a[2], a[3], a[4], a[5]}); // 2002::/16 6to4
    }
    return !((first & 0xfe) == 0xfc                    // fc00::/7 unique local
        || (first == 0xfe && (second & 0xc0) == 0x80)  // fe80::/10 link-local
        || (first == 0xfe && (second & 0xc0) == 0xc0)  // fec0::/10 site-local (deprecated)
        || first == 0xff                               // multicast
        || (first == 0x20 && second == 0x01 && (a[2] & 0xff) == 0x0d && (a[3] & 0xff) == 0xb8) // documentation
        || (first == 0x01 && second == 0x00 && allZero(a, 2, 8))); // 100::/64 discard-only
  }

  private static boolean allZero(byte[] a, int from, int to) {
    for (int i = from; i < to; i++) {
      if (a[i] != 0) {
        return false;
      }
    }
    return true;
  }

  private static byte[] slice(byte[] a, int from) {
    return new byte[] {a[from], a[from + 1], a[from + 2], a[from + 3]};
  }
}
