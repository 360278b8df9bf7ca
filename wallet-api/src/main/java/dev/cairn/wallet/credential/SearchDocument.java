package dev.cairn.wallet.credential;

import dev.cairn.credentials.display.AlignmentDisplay;
import dev.cairn.credentials.display.CredentialDisplay;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What full-text search looks at for one credential — title, description, issuer name, skills, criteria,
 * achievement and alignment names — and the PostgreSQL text-search configuration of its language. The
 * {@code search} column is {@code to_tsvector(search_config, search_text)} (docs/wallet.md, "Search").
 */
record SearchDocument(String config, String text) {
  /** Languages with a PostgreSQL snowball configuration; anything else (or no language) is indexed as English. */
  static final Map<String, String> CONFIGS = Map.ofEntries(
      Map.entry("en", "english"), Map.entry("de", "german"), Map.entry("fr", "french"), Map.entry("es", "spanish"),
      Map.entry("it", "italian"), Map.entry("nl", "dutch"), Map.entry("pt", "portuguese"), Map.entry("sv", "swedish"),
      Map.entry("da", "danish"), Map.entry("fi", "finnish"), Map.entry("no", "norwegian"), Map.entry("nb", "norwegian"),
      Map.entry("ru", "russian"), Map.entry("hu", "hungarian"), Map.entry("ro", "romanian"), Map.entry("tr", "turkish"));
  static final String DEFAULT_CONFIG = "english";
  private static final int MAX_TEXT = 20_000;

  static SearchDocument of(String title, CredentialDisplay display) {
    List<String> parts = new ArrayList<>();
    parts.add(title);
    display.description().ifPresent(parts::add);
    display.issuer().name().ifPresent(parts::add);
    parts.addAll(display.skills());
    display.achievement().ifPresent(achievement -> {
      achievement.name().ifPresent(parts::add);
      achievement.description().ifPresent(parts::add);
      achievement.criteria().flatMap(criteria -> criteria.narrative()).ifPresent(parts::add);
      achievement.fieldOfStudy().ifPresent(parts::add);
      parts.addAll(achievement.tags());
    });
    display.alignments().stream().map(AlignmentDisplay::targetName).forEach(parts::add);
    String text = String.join("\n", parts);
    return new SearchDocument(configFor(display.language()), text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text);
  }

  /** {@code en-GB} → english: the primary language subtag decides. */
  static String configFor(Optional<String> languageTag) {
    return languageTag
        .map(tag -> tag.split("[-_]", 2)[0].toLowerCase(Locale.ROOT))
        .map(CONFIGS::get)
        .orElse(DEFAULT_CONFIG);
  }
}
