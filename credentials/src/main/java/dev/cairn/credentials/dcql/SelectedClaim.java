package dev.cairn.credentials.dcql;

/**
 * One claim that a claims path pointer selected (OpenID4VP 1.0 §7.1.1): where it is, as a concrete path of keys and
 * indices, and its JSON value ({@code String}, {@code Number}, {@code Boolean}, {@code JsonObject}, {@code
 * JsonArray}, or {@code null} for a claim whose value is JSON null). Disclosing the path discloses the claim with
 * everything below it.
 */
public record SelectedClaim(ClaimsPath path, Object value) {}
