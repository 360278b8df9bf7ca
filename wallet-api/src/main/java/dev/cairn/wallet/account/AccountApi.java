package dev.cairn.wallet.account;

import java.time.Instant;
import java.util.UUID;

/** The request and response bodies of the account and session endpoints (see openapi.yaml). */
public final class AccountApi {
  private AccountApi() {}

  public record Credentials(String email, String password) {}

  public record RefreshRequest(String refreshToken) {}

  public record AccountView(UUID id, String email, String signIn, String role, String organisation,
                            Instant createdAt) {}

  /** {@code POST /v1/employers}: an employer organisation's account. */
  public record EmployerRegistration(String email, String password, String organisation) {}

  public record SessionTokens(String accessToken, String tokenType, long expiresIn, String refreshToken,
                              Instant refreshTokenExpiresAt, UUID sessionId) {}

  public record SessionView(UUID id, Instant createdAt, Instant lastUsedAt, Instant expiresAt, String userAgent,
                            boolean current) {}

  public record SessionList(java.util.List<SessionView> sessions) {}
}
