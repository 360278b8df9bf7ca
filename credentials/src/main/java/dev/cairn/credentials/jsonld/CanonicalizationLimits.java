package dev.cairn.credentials.jsonld;

import java.time.Duration;

/**
 * Bounds on the work one JSON-LD document may cost. RDFC-1.0 is exponential in the worst case (a clique of blank
 * nodes that all look alike), so a deadline is the real defence; the caps refuse oversized graphs before the
 * expensive step starts.
 *
 * @param deadline      wall time for expansion, RDF conversion and canonicalization of one verification step
 * @param maxQuads      most RDF quads a document may produce
 * @param maxBlankNodes most distinct blank nodes a document may produce
 */
public record CanonicalizationLimits(Duration deadline, int maxQuads, int maxBlankNodes) {
  public static final CanonicalizationLimits DEFAULT = new CanonicalizationLimits(Duration.ofMillis(250), 10_000, 1_000);

  public CanonicalizationLimits {
    if (deadline.isNegative() || deadline.isZero() || maxQuads < 1 || maxBlankNodes < 0) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }

  public Deadline start() {
    return Deadline.after(deadline);
  }
}
