package dev.cairn.wallet.employer.pages;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides whether an SVG may be put into a page as markup. Only the shape the QR code route produces passes: an
 * {@code svg} element holding {@code rect} and {@code path} elements with drawing attributes. No scripts, event
 * handlers, links, styles or entities, so inlining it cannot run code even if the API's answer changed.
 */
final class InlineSvg {
  private static final String ATTRIBUTE = "\\s+(?:xmlns|viewBox|shape-rendering|width|height|fill|d|x|y)=\"[^\"<>&]*\"";
  private static final Pattern QR = Pattern.compile(
      "<svg(?:" + ATTRIBUTE + ")*>(?:<(?:rect|path)(?:" + ATTRIBUTE + ")*\\s*/>)*</svg>");

  private InlineSvg() {}

  static Optional<String> of(String svg) {
    String trimmed = svg.strip();
    return QR.matcher(trimmed).matches() ? Optional.of(trimmed) : Optional.empty();
  }
}
