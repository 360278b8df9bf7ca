package dev.cairn.wallet.config;

import java.util.Map;
import java.util.Optional;

/** Reads typed values out of an environment map, failing with the variable's name and what was wrong. */
final class EnvReader {
  private final Map<String, String> env;

  EnvReader(Map<String, String> env) {
    this.env = env;
  }

  Optional<String> optional(String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  String required(String name, String why) {
    return optional(name).orElseThrow(() -> new ConfigException(name + " is missing: " + why));
  }

  int integer(String name, int defaultValue, int min, int max) {
    Optional<String> raw = optional(name);
    if (raw.isEmpty()) {
      return defaultValue;
    }
    try {
      int value = Integer.parseInt(raw.get());
      if (value < min || value > max) {
        throw new ConfigException(name + " must be between " + min + " and " + max + ", was " + value);
      }
      return value;
    } catch (NumberFormatException e) {
      throw new ConfigException(name + " must be a whole number, was '" + raw.get() + "'");
    }
  }

  /** A comma-separated list, trimmed and lower-cased (host names). */
  java.util.Set<String> list(String name) {
    return optional(name).map(raw -> java.util.Arrays.stream(raw.split(","))
            .map(String::trim).filter(item -> !item.isEmpty()).map(item -> item.toLowerCase(java.util.Locale.ROOT))
            .collect(java.util.stream.Collectors.toUnmodifiableSet()))
        .orElse(java.util.Set.of());
  }

  /** A comma-separated list of file paths, in the order given. */
  java.util.List<java.nio.file.Path> paths(String name) {
    return optional(name).map(raw -> java.util.Arrays.stream(raw.split(","))
            .map(String::trim).filter(item -> !item.isEmpty()).map(java.nio.file.Path::of).toList())
        .orElse(java.util.List.of());
  }

  boolean bool(String name, boolean defaultValue) {
    return optional(name).map(raw -> switch (raw.toLowerCase()) {
      case "true", "1", "yes" -> true;
      case "false", "0", "no" -> false;
      default -> throw new ConfigException(name + " must be true or false, was '" + raw + "'");
    }).orElse(defaultValue);
  }
}
