package dev.cairn.issuer.reference;

import dev.cairn.issuer.oid4vci.OAuthError;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Authorization codes (RFC 6749 §4.1.2), in memory, each bound to the request it answers: its client, redirect URI
 * and PKCE challenge. Redeeming one spends it whatever the outcome; a second use is {@code invalid_grant} and revokes
 * the access token the first one bought (§4.1.2: "SHOULD revoke (when possible) all tokens previously issued").
 */
final class AuthorizationCodes {
  private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9._~-]{43,128}");

  private record Issued(AuthorizationRequest request, Instant expiresAt) {}

  private record Spent(Instant forgetAt, List<String> accessTokens) {}

  private final Map<String, Issued> codes = new ConcurrentHashMap<>();
  private final Map<String, Spent> spent = new ConcurrentHashMap<>();
  private final AuthorizationSettings settings;
  private final AccessTokens tokens;
  private final Clock clock;

  AuthorizationCodes(AuthorizationSettings settings, AccessTokens tokens, Clock clock) {
    this.settings = settings;
    this.tokens = tokens;
    this.clock = clock;
  }

  String issue(AuthorizationRequest request) {
    Instant now = clock.instant();
    codes.values().removeIf(issued -> !now.isBefore(issued.expiresAt()));
    spent.values().removeIf(gone -> !now.isBefore(gone.forgetAt()));
    String code = Secrets.token();
    codes.put(code, new Issued(request, now.plus(settings.codeLifetime())));
    return code;
  }

  /**
   * RFC 6749 §4.1.3 and RFC 7636 §4.6: the request behind {@code code} when the Token Request comes from the same
   * {@code client_id}, repeats its {@code redirect_uri}, and its {@code code_verifier} hashes to the challenge.
   */
  AuthorizationRequest redeem(String code, String clientId, String redirectUri, String verifier) {
    Issued issued = codes.remove(code);
    if (issued == null) {
      Spent replayed = spent.get(code);
      if (replayed != null) {
        replayed.accessTokens().forEach(tokens::revoke);
      }
      throw new OAuthException(OAuthError.INVALID_GRANT, "the authorization code is unknown, expired or already used");
    }
    Instant now = clock.instant();
    spent.put(code, new Spent(now.plus(settings.codeLifetime()).plus(settings.codeLifetime()), new ArrayList<>()));
    if (!now.isBefore(issued.expiresAt())) {
      throw new OAuthException(OAuthError.INVALID_GRANT, "the authorization code expired");
    }
    AuthorizationRequest request = issued.request();
    if (!request.clientId().equals(clientId)) {
      throw new OAuthException(OAuthError.INVALID_GRANT, "the authorization code was issued to another client_id");
    }
    if (!request.redirectUri().toString().equals(redirectUri)) {
      // RFC 6749 §4.1.3: "their values MUST be identical".
      throw new OAuthException(OAuthError.INVALID_GRANT, "redirect_uri differs from the Authorization Request's");
    }
    if (verifier == null || !VERIFIER.matcher(verifier).matches()) {
      throw new OAuthException(OAuthError.INVALID_REQUEST, "code_verifier must be 43 to 128 unreserved characters");
    }
    if (!MessageDigest.isEqual(s256(verifier).getBytes(StandardCharsets.US_ASCII),
        request.codeChallenge().getBytes(StandardCharsets.US_ASCII))) {
      throw new OAuthException(OAuthError.INVALID_GRANT, "code_verifier does not match the code_challenge");
    }
    return request;
  }

  /** Remembers the token a code bought, so a replay of the code can revoke it. */
  void tokenIssued(String code, String accessToken) {
    Spent gone = spent.get(code);
    if (gone != null) {
      gone.accessTokens().add(accessToken);
    }
  }

  /** RFC 7636 §4.2: BASE64URL-ENCODE(SHA256(ASCII(code_verifier))). */
  static String s256(String verifier) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
