package dev.cairn.wallet.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.UUID;

/** Checks on one learner's wallet rows read straight from PostgreSQL, not through the API under test. */
final class WalletTables {
  private final Connection sql;
  private final UUID account;

  WalletTables(Connection sql, String email) throws SQLException {
    this.sql = sql;
    try (PreparedStatement find = sql.prepareStatement("SELECT id FROM account WHERE email = ?")) {
      find.setString(1, email);
      try (ResultSet rows = find.executeQuery()) {
        rows.next();
        this.account = rows.getObject(1, UUID.class);
      }
    }
  }

  /**
   * {@code expected} credentials, each acknowledged id among them exactly once, each with its one
   * credential-imported activity row, and one kept answer per key, a success naming a stored credential.
   */
  void assertWholeAndOnce(int expected, Collection<String> acknowledgedIds) throws SQLException {
    assertEquals(expected, count("SELECT count(*) FROM credential WHERE account_id = ?"),
        "one credential per distinct import, none twice (UNIQUE (account_id, content_hash))");
    for (String id : acknowledgedIds) {
      assertEquals(1, count("SELECT count(*) FROM credential WHERE account_id = ? AND id = '" + UUID.fromString(id)
          + "'"), "acknowledged credential " + id + " is stored exactly once");
    }
    assertEquals(0, count("""
        SELECT count(*) FROM credential c WHERE c.account_id = ? AND (SELECT count(*) FROM activity a
          WHERE a.credential_id = c.id AND a.kind = 'credential-imported') <> 1"""),
        "every credential has exactly one credential-imported activity row: written in its transaction");
    assertEquals(0, count("""
        SELECT count(*) FROM idempotency_record r WHERE r.account_id = ? AND (r.status / 100 <> 2
          OR NOT EXISTS (SELECT 1 FROM credential c WHERE r.location = '/v1/credentials/' || c.id))"""),
        "every kept answer is a success naming a stored credential: nothing stuck, nothing dangling");
    assertEquals(expected, count("SELECT count(*) FROM idempotency_record WHERE account_id = ?"),
        "one kept answer per key");
  }

  private long count(String query) throws SQLException {
    try (PreparedStatement statement = sql.prepareStatement(query)) {
      statement.setObject(1, account);
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }
}
