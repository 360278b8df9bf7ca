package dev.cairn.benchmarks.load;

import java.util.Optional;

/** The measured workloads, each with the target (search is reported without one). */
enum Scenario {
  /** Every request imports a different credential, spread over one learner per worker. */
  IMPORT(Target.of(500, 50)),
  /** The first page of a learner's filled wallet, again and again. */
  LIST(Target.of(3_000, 20)),
  /** Full-text search on the same filled wallet, cycling through {@link CourseCatalogue#SEARCH_QUERIES}. */
  SEARCH(Optional.empty()),
  /** A wallet's answer (SD-JWT VC + KB-JWT, ES256) POSTed to the response URI of an open presentation request. */
  PRESENT(Target.of(800, 50)),
  /**
   * The scaling issue's realistic mix, per worker request: 70 % reads (35 % list, 20 % search, 15 % one
   * credential), 20 % imports, 10 % presentation answers; reported per operation, without a target.
   */
  MIX(Optional.empty());

  final Optional<Target> target;

  Scenario(Optional<Target> target) {
    this.target = target;
  }

  String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
