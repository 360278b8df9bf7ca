package dev.cairn.wallet.account;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One sign-in: the family of refresh tokens rotated from a login. Revoking it ends every token of the family. */
@Entity
@Table(name = "auth_session")
public class AuthSession {
  @Id
  private UUID id;
  private UUID accountId;
  private Instant createdAt;
  private Instant lastUsedAt;
  private Instant expiresAt;
  private Instant revokedAt;
  private String revokedReason;
  private String userAgent;

  protected AuthSession() {}

  AuthSession(UUID id, UUID accountId, Instant now, Instant expiresAt, String userAgent) {
    this.id = id;
    this.accountId = accountId;
    this.createdAt = now;
    this.lastUsedAt = now;
    this.expiresAt = expiresAt;
    this.userAgent = userAgent;
  }

  public UUID id() {
    return id;
  }

  public UUID accountId() {
    return accountId;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant lastUsedAt() {
    return lastUsedAt;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  public String userAgent() {
    return userAgent;
  }

  boolean live(Instant now) {
    return revokedAt == null && expiresAt.isAfter(now);
  }

  void extend(Instant now, Instant newExpiry) {
    lastUsedAt = now;
    expiresAt = newExpiry;
  }

  void revoke(Instant now, String reason) {
    if (revokedAt == null) {
      revokedAt = now;
      revokedReason = reason;
    }
  }
}
