package dev.cairn.wallet.account;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A refresh token, stored only as the SHA-256 of its value. A used token is kept with {@code usedAt} set so that
 * presenting it again is recognised as reuse (OAuth 2.0 Security BCP, RFC 9700 §4.14.2) and ends the family.
 */
@Entity
@Table(name = "refresh_token")
public class RefreshToken {
  @Id
  private String tokenHash;
  private UUID sessionId;
  private UUID accountId;
  private Instant issuedAt;
  private Instant expiresAt;
  private Instant usedAt;

  protected RefreshToken() {}

  RefreshToken(String tokenHash, UUID sessionId, UUID accountId, Instant issuedAt, Instant expiresAt) {
    this.tokenHash = tokenHash;
    this.sessionId = sessionId;
    this.accountId = accountId;
    this.issuedAt = issuedAt;
    this.expiresAt = expiresAt;
  }

  UUID sessionId() {
    return sessionId;
  }

  UUID accountId() {
    return accountId;
  }

  boolean used() {
    return usedAt != null;
  }

  boolean expired(Instant now) {
    return !expiresAt.isAfter(now);
  }

  void markUsed(Instant now) {
    usedAt = now;
  }
}
