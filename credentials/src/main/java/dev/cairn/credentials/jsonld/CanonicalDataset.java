package dev.cairn.credentials.jsonld;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The result of RDFC-1.0: the canonical N-Quads lines in code point order (each ending with a newline), and the
 * canonical issuer's map from each input blank node label to its canonical label ({@code c14nN}).
 */
public record CanonicalDataset(List<String> nquads, Map<String, String> labels) {

  public CanonicalDataset {
    nquads = List.copyOf(nquads);
    labels = Map.copyOf(labels);
  }

  /** The canonical N-Quads document: every line joined, as the cryptosuites hash it. */
  public byte[] document() {
    return String.join("", nquads).getBytes(StandardCharsets.UTF_8);
  }
}
