package dev.cairn.did.fetch;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Recognises hosts that are IP addresses in disguise. Resolvers disagree on legacy IPv4 spellings — glibc reads
 * {@code 0x7f000001}, {@code 017700000001} and {@code 2130706433} as 127.0.0.1, Java reads only some of them —
 * so Cairn refuses them all before any resolver sees them: no real domain has a numeric last label.
 */
public final class HostForms {
  private static final Pattern NUMERIC_LABEL = Pattern.compile("[0-9]+|0x[0-9a-f]*");
  private static final Pattern DOTTED_QUAD =
      Pattern.compile("(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])){3}");

  private HostForms() {}

  /** True for an IPv6 literal or any IPv4 spelling (dotted quad, single number, hex, octal, short forms). */
  public static boolean isAddressLiteral(String host) {
    String lower = host.toLowerCase(Locale.ROOT);
    if (lower.contains(":") || lower.startsWith("[")) {
      return true;
    }
    String[] labels = lower.split("\\.", -1);
    return NUMERIC_LABEL.matcher(labels[labels.length - 1]).matches();
  }

  /** True only for the canonical dotted-quad spelling, the one IPv4 form every resolver reads the same way. */
  public static boolean isCanonicalIpv4(String host) {
    return DOTTED_QUAD.matcher(host).matches();
  }
}
