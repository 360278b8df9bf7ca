package dev.cairn.wallet.server;

import com.nimbusds.jose.jwk.ECKey;
import dev.cairn.wallet.account.Account;
import dev.cairn.wallet.account.AuthSession;
import dev.cairn.wallet.account.RefreshToken;
import dev.cairn.wallet.auth.SigningKey;
import dev.cairn.wallet.config.CairnConfig;
import dev.cairn.wallet.db.ConnectionSettings;
import dev.cairn.wallet.db.Database;
import dev.cairn.wallet.db.EmbeddedDatabase;
import dev.cairn.wallet.db.Migrations;
import dev.cairn.wallet.holder.KeyEncryptionKey;
import dev.cairn.wallet.holder.KeyRing;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Optional;

/**
 * What the server needs before it can take a request: a PostgreSQL (the operator's, or an embedded one),
 * the schema migrated, the pool and Hibernate Reactive opened, the signing key and the key-encryption keys. Preparing it blocks:
 * run {@link #prepare} on a worker thread.
 */
record Infrastructure(Optional<EmbeddedDatabase> embedded, Database database, String schemaVersion,
                      ECKey signingKey, KeyRing keyRing) {
  static final List<Class<?>> ENTITIES = List.of(Account.class, AuthSession.class, RefreshToken.class);

  static Infrastructure prepare(CairnConfig config, Vertx vertx) {
    Optional<EmbeddedDatabase> embedded = config.database().isPresent()
        ? Optional.empty()
        : Optional.of(EmbeddedDatabase.start(config.pgDataDirectory()));
    try {
      ConnectionSettings settings = config.database()
          .map(db -> new ConnectionSettings(db.url(), db.user(), db.password()))
          .orElseGet(() -> embedded.get().settings());
      String schemaVersion = Migrations.migrate(settings);
      ECKey signingKey = SigningKey.loadOrCreate(config.signingKeyFile(), config.home());
      KeyRing keyRing = new KeyRing(KeyEncryptionKey.loadOrCreate(config.wallet().kekFile(), config.home()),
          config.wallet().previousKekFiles().stream().map(KeyEncryptionKey::read).toList());
      Database database = Database.open(vertx, settings, config.databasePoolSize(), config.databaseTimeouts(),
          ENTITIES);
      return new Infrastructure(embedded, database, schemaVersion, signingKey, keyRing);
    } catch (RuntimeException e) {
      embedded.ifPresent(EmbeddedDatabase::close);
      throw e;
    }
  }

  /** Stops the embedded PostgreSQL, if Cairn started one. Blocking. */
  void stopEmbedded() {
    embedded.ifPresent(EmbeddedDatabase::close);
  }
}
