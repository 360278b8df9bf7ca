package dev.cairn.wallet.account;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A learner's account: built-in (email and Argon2id hash) or created for an external identity provider's subject. */
@Entity
@Table(name = "account")
public class Account {
  @Id
  private UUID id;
  private String email;
  private String passwordHash;
  private Instant createdAt;
  private String role;
  private String organisation;

  protected Account() {}

  Account(UUID id, String email, String passwordHash, Instant createdAt) {
    this.id = id;
    this.email = email;
    this.passwordHash = passwordHash;
    this.createdAt = createdAt;
  }

  public UUID id() {
    return id;
  }

  public Optional<String> email() {
    return Optional.ofNullable(email);
  }

  Optional<String> passwordHash() {
    return Optional.ofNullable(passwordHash);
  }

  /** {@code learner} or {@code employer} (set by SQL at registration; the entity only reads it). */
  public String role() {
    return role == null ? "learner" : role;
  }

  public Optional<String> organisation() {
    return Optional.ofNullable(organisation);
  }

  public Instant createdAt() {
    return createdAt;
  }
}
