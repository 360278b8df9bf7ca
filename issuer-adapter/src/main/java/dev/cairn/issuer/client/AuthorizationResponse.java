package dev.cairn.issuer.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The Authorization Response (RFC 6749 §4.1.2) as the browser landed on the redirect URI: {@code code} or
 * {@code error}, {@code state}, and {@code iss} (RFC 9207). {@link #verify} applies the wallet's checks before the
 * code is used.
 */
public record AuthorizationResponse(Optional<URI> landedOn, Optional<String> code, Optional<String> state, Optional<String> iss,
                                    Optional<String> error, Optional<String> errorDescription) {
  private static final int MAX_CALLBACK = 8 * 1024;

  /** The full URL the browser was redirected to; a repeated parameter or no query is {@code authorization-response-invalid}. */
  public static AuthorizationResponse fromCallback(String callbackUrl) {
    if (callbackUrl == null || callbackUrl.length() > MAX_CALLBACK) {
      throw invalid("the callback URL is missing or longer than " + MAX_CALLBACK + " characters");
    }
    URI uri;
    try {
      uri = new URI(callbackUrl);
    } catch (URISyntaxException e) {
      throw invalid("the callback URL is not a URI");
    }
    if (uri.getRawQuery() == null) {
      throw invalid("the callback URL has no query: the authorization response is in it (RFC 6749 section 4.1.2)");
    }
    Map<String, String> parameters = new HashMap<>();
    for (String pair : uri.getRawQuery().split("&")) {
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
      // RFC 6749 §3.1: "Request and response parameters MUST NOT be included more than once."
      if (parameters.put(name, value) != null) {
        throw invalid(name + " is repeated in the authorization response");
      }
    }
    return new AuthorizationResponse(Optional.of(uri), present(parameters, "code"), present(parameters, "state"),
        present(parameters, "iss"), present(parameters, "error"), present(parameters, "error_description"));
  }

  /**
   * The parts given one by one ({@code code} and {@code state}, perhaps {@code iss}) by an app that read the
   * callback itself; there is then no landing URL to compare with the redirect URI.
   */
  public static AuthorizationResponse of(String code, String state, Optional<String> iss) {
    return new AuthorizationResponse(Optional.empty(), Optional.ofNullable(code).filter(text -> !text.isEmpty()),
        Optional.ofNullable(state), iss, Optional.empty(), Optional.empty());
  }

  /**
   * The authorization code, when this response answers {@code pending}: landed on its redirect URI, the same
   * {@code state} (RFC 6749 §10.12, compared in constant time), {@code iss} equal to the server asked when present
   * and required when the server said it sends one (RFC 9207 §2.4), and no {@code error}.
   */
  public String verify(PendingAuthorization pending, boolean issRequired) {
    if (landedOn.isPresent() && !sameEndpoint(landedOn.get(), pending.redirectUri())) {
      throw invalid("the callback is not on the redirect URI this authorization was started with");
    }
    if (state.isEmpty() || !MessageDigest.isEqual(state.get().getBytes(StandardCharsets.UTF_8),
        pending.state().getBytes(StandardCharsets.UTF_8))) {
      throw invalid("state does not match the authorization this wallet started");
    }
    if (iss.isPresent() ? !iss.get().equals(pending.authorizationServer()) : issRequired) {
      throw invalid("iss is " + iss.map(value -> "'" + value + "'").orElse("missing") + ", not the authorization server "
          + pending.authorizationServer() + " (RFC 9207)");
    }
    if (error.isPresent()) {
      throw new IssuanceException(new IssuanceFailure.AuthorizationRefused(error.get(), "the authorization server "
          + "answered " + error.get() + errorDescription.map(text -> ": " + text).orElse(
              "access_denied".equals(error.get()) ? " (the learner declined)" : "")));
    }
    return code.orElseThrow(() -> invalid("the authorization response has neither code nor error"));
  }

  /** The state the response claims, to find the wallet's pending authorization by. */
  public Optional<String> claimedState() {
    return state;
  }

  private static boolean sameEndpoint(URI landed, URI redirect) {
    return String.valueOf(landed.getScheme()).equalsIgnoreCase(String.valueOf(redirect.getScheme()))
        && String.valueOf(landed.getRawAuthority()).equals(String.valueOf(redirect.getRawAuthority()))
        && String.valueOf(landed.getRawPath()).equals(String.valueOf(redirect.getRawPath()));
  }

  private static Optional<String> present(Map<String, String> parameters, String name) {
    return Optional.ofNullable(parameters.get(name)).filter(value -> !value.isEmpty());
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw invalid("the callback URL has a broken percent escape");
    }
  }

  private static IssuanceException invalid(String detail) {
    return new IssuanceException(new IssuanceFailure.AuthorizationResponseInvalid(detail));
  }
}
