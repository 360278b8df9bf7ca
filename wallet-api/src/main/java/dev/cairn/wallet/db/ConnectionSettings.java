package dev.cairn.wallet.db;

import io.vertx.pgclient.PgConnectOptions;

/**
 * Where the PostgreSQL is and how to log in, in the two forms Cairn needs: a JDBC URL for Flyway's
 * migrations and Vert.x connect options for everything at run time.
 */
public record ConnectionSettings(String url, String user, String password) {

  /** Accepts {@code postgresql://host:port/db?…} and the same with a {@code jdbc:} prefix. */
  public ConnectionSettings {
    if (url.startsWith("jdbc:")) {
      url = url.substring("jdbc:".length());
    }
    if (!url.startsWith("postgresql://") && !url.startsWith("postgres://")) {
      throw new IllegalArgumentException("a PostgreSQL URL starts with postgresql://");
    }
  }

  public String jdbcUrl() {
    return "jdbc:" + url.replaceFirst("^postgres://", "postgresql://");
  }

  public PgConnectOptions connectOptions() {
    return PgConnectOptions.fromUri(url).setUser(user).setPassword(password)
        .setCachePreparedStatements(true)
        .setConnectTimeout(5_000);
  }

  @Override
  public String toString() {
    return "ConnectionSettings[url=" + url + ", user=" + user + "]";
  }
}
